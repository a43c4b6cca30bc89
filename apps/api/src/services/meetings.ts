import { RsvpRequest, type Locale, type Meeting, type MeetingOccurrence, type MeetingResponse, type RsvpParsed, type RsvpResponse } from "@coalition-kit/schema";
import type { Db, Queryable } from "../db/types.js";
import { ApiError, parseOrReject, validationError } from "../http/errors.js";
import type { PartnerContext } from "../http/partner.js";
import { idempotentWrite, requestHash } from "./idempotency.js";
import { countsFor, findMeeting, loadBreaks, upcomingOccurrences, type MeetingRow, type Occurrence } from "./meeting-schedule.js";
import { recordConsents, upsertPerson, type ConsentRow } from "./people.js";
import { scheduleText } from "./meeting-schedule-text.js";
import { signLink } from "./signed-links.js";
import { localDate } from "./zoned-time.js";

export async function withCounts(q: Queryable, meetingId: string, occurrences: Occurrence[]): Promise<MeetingOccurrence[]> {
  const counts = await countsFor(q, meetingId, occurrences.map((o) => o.date));
  return occurrences.map((o) => ({ ...o, counts: counts.get(o.date) ?? { yes: 0, maybe: 0, no: 0 } }));
}

function toMeeting(m: MeetingRow, partner: PartnerContext | undefined, breaks: Meeting["breaks"], locale: Locale): Meeting {
  return {
    slug: m.slug,
    title: m.title,
    description: m.description,
    timeZone: m.time_zone,
    schedule: scheduleText(m, locale),
    format: m.format,
    location: m.location,
    coalition: { slug: m.coalition_slug, name: m.coalition_name, website: m.coalition_website },
    partner: partner ? { slug: partner.slug, name: partner.name, website: partner.website } : null,
    breaks,
    consent: {
      coalition: { text: m.consent_coalition_text, version: m.consent_coalition_version },
      partner: partner ? { text: m.consent_partner_text.replaceAll("{partner}", partner.name), version: m.consent_partner_version } : null,
    },
  };
}

/** A meeting and its next `count` occurrences; the schedule line in `locale`. */
export async function getMeeting(db: Db, slug: string, partner: PartnerContext | undefined, count: number, baseUrl: string, locale: Locale = "en"): Promise<MeetingResponse> {
  const m = await findMeeting(db, slug);
  if (!m || (partner && partner.coalitionId !== m.coalition_id)) throw new ApiError("not_found");
  const today = localDate(Date.now(), m.time_zone);
  const breaks = (await loadBreaks(db, m.id)).filter((b) => b.to_date >= today).map((b) => ({ from: b.from_date, to: b.to_date, reason: b.reason }));
  const occurrences = await withCounts(db, m.id, await upcomingOccurrences(db, m, count));
  return { meeting: toMeeting(m, partner, breaks, locale), occurrences, feedUrl: `${baseUrl}/v1/meetings/${m.slug}/calendar.ics` };
}

/** RSVP for one occurrence, or "every week" from today on (which replaces answers for future dates). */
export async function rsvp(
  db: Db,
  slug: string,
  partner: PartnerContext,
  input: Record<string, unknown>,
  idempotencyKey: string | undefined,
  baseUrl: string,
): Promise<{ status: number; body: RsvpResponse; replayed: boolean }> {
  const m = await findMeeting(db, slug);
  if (!m || m.coalition_id !== partner.coalitionId) throw new ApiError("not_found");
  const data: RsvpParsed = parseOrReject(RsvpRequest, input);
  const upcoming = await upcomingOccurrences(db, m, 60);
  if (data.occurrence !== "every_week") {
    const target = upcoming.find((o) => o.date === data.occurrence);
    if (!target) throw validationError({ occurrence: "That meeting isn't on the upcoming schedule." });
    if (target.status === "cancelled") throw validationError({ occurrence: "That meeting is cancelled." });
  }
  return idempotentWrite<RsvpResponse>(db, { partnerId: partner.id, key: idempotencyKey, hash: requestHash(`rsvp:${slug}`, data) }, async (q) => {
    const personId = await upsertPerson(q, m.coalition_id, data);
    const attendee = await q.query<{ id: string }>(
      `insert into meeting_attendees (meeting_id, person_id, partner_id) values ($1, $2, $3)
       on conflict (meeting_id, person_id) do update set meeting_id = excluded.meeting_id
       returning id`,
      [m.id, personId, partner.id],
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
    const consents: ConsentRow[] = [];
    if (data.consentCoalition) consents.push({ organizationId: m.coalition_id, scope: "coalition", text: m.consent_coalition_text, version: m.consent_coalition_version });
    if (data.consentPartner) consents.push({ organizationId: partner.organizationId, scope: "partner", text: m.consent_partner_text.replaceAll("{partner}", partner.name), version: m.consent_partner_version });
    await recordConsents(q, personId, { attendeeId }, consents);
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
