import { queueRsvpMessages } from "../messages/meeting-messages.js";
import { rsvpEvent } from "./meeting-events.js";
import { RsvpRequest, type Locale, type Meeting, type MeetingOccurrence, type MeetingResponse, type RsvpParsed, type RsvpResponse } from "@coalition-kit/schema";
import type { Db, Queryable } from "../../db/types.js";
import { parseOrReject, validationError } from "../errors.js";
import type { PartnerContext } from "../partners/partner-lookup.js";
import type { PartnerWriter } from "../partners/partner-writer.js";
import { idempotentWrite, requestHash } from "../platform/idempotency.js";
import { countsFor, findMeeting, loadBreaks, upcomingOccurrences, type BreakRow, type MeetingRow, type Occurrence } from "./meeting-schedule.js";
import { campaignFor, coalitionSummary, consentTexts, consentsGiven, partnerSummary } from "../campaigns.js";
import { recordConsents, upsertPerson } from "../people/people.js";
import { scheduleText } from "./meeting-schedule-text.js";
import { signLink } from "../platform/signed-links.js";
import { localDate } from "../time/zoned-time.js";
import { childFallbacks, localize, localizeChild, shownLanguage } from "../content/languages.js";
import type { ConsentRow } from "../people/people.js";

/** A meeting's translatable texts: public field name → column (migration 021). */
export const MEETING_TEXT_COLUMNS = {
  title: "title",
  description: "description",
  "consent.coalition": "consent_coalition_text",
  "consent.partner": "consent_partner_text",
} as const;

/** Occurrences with their yes / maybe / no counts. */
export async function withCounts(q: Queryable, meetingId: string, occurrences: Occurrence[]): Promise<MeetingOccurrence[]> {
  const counts = await countsFor(q, meetingId, occurrences.map((o) => o.date));
  return occurrences.map((o) => ({ ...o, counts: counts.get(o.date) ?? { yes: 0, maybe: 0, no: 0 } }));
}

/**
 * A meeting as the public read shows it, in `locale` where the organizer translated it (text by
 * text, breaks too, otherwise in the meeting's own language); the schedule line in `locale`.
 */
function toMeeting(saved: MeetingRow, partner: PartnerContext | undefined, savedBreaks: BreakRow[], locale: Locale): Meeting {
  const { row: m, language, fallbacks } = localize(saved, locale, MEETING_TEXT_COLUMNS);
  const asksPartner = partner && !hostedByCoalition(saved, partner) ? partner : undefined;
  if (!asksPartner) delete fallbacks["consent.partner"];
  const breaks = savedBreaks.map((b, i) => {
    const read = localizeChild(b, saved.language, locale, { reason: "reason" });
    Object.assign(fallbacks, childFallbacks(language, read, ["reason"], `breaks.${i}.`));
    return { from: b.from_date, to: b.to_date, reason: read.row.reason };
  });
  return {
    slug: m.slug,
    title: m.title,
    description: m.description,
    timeZone: m.time_zone,
    schedule: scheduleText(m, locale),
    format: m.format,
    location: m.location,
    coalition: coalitionSummary(m),
    partner: partnerSummary(partner),
    breaks,
    consent: consentTexts(m, asksPartner),
    language,
    fallbacks,
  };
}

/** Whether the partner page is the coalition's own: then there is one organization to consent to, not two. */
const hostedByCoalition = (saved: MeetingRow, partner: PartnerContext) => partner.organizationId === saved.coalition_id;

/**
 * The consents ticked, each with exactly the text shown in `locale`, its version and its language.
 * On the coalition's own page only the coalition's checkbox is shown: one consent for it (a client
 * that still sends the partner box for the same organization records that one consent too).
 */
export function meetingConsents(saved: MeetingRow, partner: PartnerContext, locale: Locale, given: RsvpParsed): ConsentRow[] {
  const shown = localize(saved, locale, MEETING_TEXT_COLUMNS).row;
  const ticked = hostedByCoalition(saved, partner) ? { consentCoalition: Boolean(given.consentCoalition || given.consentPartner), consentPartner: false } : given;
  return consentsGiven(shown, partner, ticked).map((c) => ({ ...c, language: shownLanguage(saved, locale, `consent_${c.scope}_text`) }));
}

/** A meeting and its next `count` occurrences; the schedule line in `locale`. */
export async function getMeeting(db: Db, slug: string, partner: PartnerContext | undefined, count: number, baseUrl: string, locale: Locale = "en"): Promise<MeetingResponse> {
  const m = campaignFor(await findMeeting(db, slug), partner);
  const today = localDate(Date.now(), m.time_zone);
  const breaks = (await loadBreaks(db, m.id)).filter((b) => b.to_date >= today);
  const occurrences = await withCounts(db, m.id, await upcomingOccurrences(db, m, count, Date.now(), locale));
  return { meeting: toMeeting(m, partner, breaks, locale), occurrences, feedUrl: `${baseUrl}/v1/meetings/${m.slug}/calendar.ics${locale === m.language ? "" : `?lang=${locale}`}` };
}

/** RSVP for one occurrence, or "every week" from today on (which replaces answers for future dates). */
export async function rsvp(db: Db, slug: string, input: Record<string, unknown>, writer: PartnerWriter): Promise<{ status: number; body: RsvpResponse; replayed: boolean }> {
  const { partner, idempotencyKey, baseUrl, locale } = writer;
  const m = campaignFor(await findMeeting(db, slug), partner);
  const data: RsvpParsed = parseOrReject(RsvpRequest, input);
  const upcoming = await upcomingOccurrences(db, m, 60, Date.now(), locale);
  if (data.occurrence !== "every_week") {
    const target = upcoming.find((o) => o.date === data.occurrence);
    if (!target) throw validationError({ occurrence: "That meeting isn't on the upcoming schedule." });
    if (target.status === "cancelled") throw validationError({ occurrence: "That meeting is cancelled." });
  }
  return idempotentWrite<RsvpResponse>(db, { partnerId: partner.id, key: idempotencyKey, hash: requestHash(`rsvp:${slug}`, data) }, async (q) => {
    const personId = await upsertPerson(q, m.coalition_id, data);
    const attendee = await q.query<{ id: string }>(
      `insert into meeting_attendees (meeting_id, person_id, partner_id, locale) values ($1, $2, $3, $4)
       on conflict (meeting_id, person_id) do update set locale = excluded.locale
       returning id`,
      [m.id, personId, partner.id, locale],
    );
    const attendeeId = attendee[0]!.id;
    if (data.occurrence === "every_week") {
      const today = localDate(Date.now(), m.time_zone);
      await q.query("update meeting_attendees set standing_response = $2, standing_from = $3 where id = $1", [attendeeId, data.response, today]);
      await q.query("delete from meeting_rsvps where attendee_id = $1 and occurrence_date >= $2", [attendeeId, today]);
    } else {
      await q.query(
        `insert into meeting_rsvps (attendee_id, occurrence_date, response) values ($1, $2, $3)
         on conflict (attendee_id, occurrence_date) do update set response = excluded.response, updated_at = now()`,
        [attendeeId, data.occurrence, data.response],
      );
    }
    await recordConsents(q, personId, { attendeeId }, meetingConsents(m, partner, locale, data));
    await queueRsvpMessages(q, attendeeId, data.occurrence, data.response, baseUrl);
    await rsvpEvent(q, data.response === "no" ? "rsvp.cancelled" : "rsvp.created", attendeeId, data.occurrence, data.response);
    return {
      status: 201,
      body: {
        status: "saved",
        scope: data.occurrence === "every_week" ? "every_week" : "one",
        occurrences: await withCounts(q, m.id, upcoming.slice(0, 12)),
        manageUrl: `${baseUrl}/v1/meeting-rsvps/manage?token=${encodeURIComponent(await signLink(q, "manage", attendeeId))}`,
        virtualLink: data.response !== "no" ? m.virtual_link : null,
      },
    };
  });
}
