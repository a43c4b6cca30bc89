import {
  CancelRegistrationRequest,
  RegisterRequest,
  type CancelRegistrationResponse,
  type RegisterParsed,
  type RegisterResponse,
  pickLocale,
  type Locale,
  type TrainingSeriesResponse,
} from "@coalition-kit/schema";
import { localize, shownLanguage } from "../content/languages.js";
import type { ConsentRow } from "../people/people.js";
import type { Db, Queryable } from "../../db/types.js";
import { ApiError, parseOrReject, validationError } from "../errors.js";
import type { PartnerContext } from "../partners/partner-lookup.js";
import type { PartnerWriter } from "../partners/partner-writer.js";
import { enqueueEvent } from "../webhooks/webhooks.js";
import { cancelRegistrationMessages, queueRegistrationMessages } from "../messages/training-messages.js";
import { idempotentWrite, requestHash } from "../platform/idempotency.js";
import { collectionTime } from "../platform/collection.js";
import { recordConsents, upsertPerson } from "../people/people.js";
import { campaignFor, consentsGiven } from "../campaigns.js";
import { registrationEvent } from "./registration-events.js";
import { signLink, verifyLink } from "../platform/signed-links.js";
import { findSeries, findSession, listSessions, seatCounts, sessionById, SERIES_TEXT_COLUMNS, toSeries, toSession, type SeriesRow, type SessionRow } from "./training-queries.js";
import { seatsLeftFor } from "./seats.js";

/** A series, its sessions and its calendar feed, in the asker's language where translated; not_found for another coalition's partner. */
export async function getSeries(db: Db, slug: string, partner: PartnerContext | undefined, baseUrl: string, locale?: Locale): Promise<TrainingSeriesResponse> {
  const series = campaignFor(await findSeries(db, slug), partner);
  const sessions = await listSessions(db, series.id);
  return { series: toSeries(series, partner, locale), sessions: sessions.map((s) => toSession(s, partner?.organizationId, locale)), feedUrl: `${baseUrl}/v1/trainings/${series.slug}/calendar.ics${!locale || locale === series.language ? "" : `?lang=${locale}`}` };
}

/** The consents ticked, each with exactly the text shown in `locale`, its version and its language. */
function seriesConsents(saved: SeriesRow, partner: PartnerContext, locale: Locale, given: RegisterParsed): ConsentRow[] {
  const shown = localize(saved, locale, SERIES_TEXT_COLUMNS).row;
  return consentsGiven(shown, partner, given).map((c) => ({ ...c, language: shownLanguage(saved, locale, `consent_${c.scope}_text`) }));
}

async function seriesAndSession(q: Queryable, seriesSlug: string, sessionId: string, partner: PartnerContext): Promise<{ series: SeriesRow; session: SessionRow }> {
  const series = campaignFor(await findSeries(q, seriesSlug), partner);
  const session = await findSession(q, series.id, sessionId);
  if (!session) throw new ApiError("not_found");
  return { series, session };
}

/**
 * Register for a session: a seat while any is left for this partner's members (its reserved seats,
 * then the open ones), else a waitlist place. The session row is locked for the decision, so two
 * people never take the last seat and no partner takes another's reserved seats.
 */
export async function register(db: Db, target: { series: string; session: string }, input: Record<string, unknown>, writer: PartnerWriter): Promise<{ status: number; body: RegisterResponse; replayed: boolean }> {
  const { partner, idempotencyKey, baseUrl, locale } = writer;
  await seriesAndSession(db, target.series, target.session, partner);
  const data: RegisterParsed = parseOrReject(RegisterRequest, input);
  const collected = collectionTime(data.collectedAt);
  const channel = data.channel ?? "online";
  const hash = requestHash(`register:${target.series}:${target.session}`, data);
  return idempotentWrite<RegisterResponse>(db, { partnerId: partner.id, key: idempotencyKey, hash }, async (q) => {
    await q.query("select id from training_sessions where id = $1 for update", [target.session]);
    const { series, session } = await seriesAndSession(q, target.series, target.session, partner);
    if (session.past || session.status === "cancelled") throw new ApiError("registration_closed");

    const personId = await upsertPerson(q, series.coalition_id, data);
    const existing = await q.query<{ id: string; status: string }>("select id, status from training_registrations where session_id = $1 and person_id = $2", [session.id, personId]);
    const previous = existing[0];
    if (previous && previous.status !== "cancelled") {
      const again = previous.status === "registered" ? "already_registered" : "already_waitlisted";
      return { status: 200, body: await registrationBody(q, previous.id, again, baseUrl, partner.organizationId, locale) };
    }
    // The session row is locked, so clock_timestamp() orders waitlist places by who got the lock first
    // (now() would be each transaction's start time, which can invert that order).
    const left = seatsLeftFor(seatCounts(session), partner.organizationId);
    const seat = left === null || left > 0;
    const status = seat ? "registered" : "waitlisted";
    const rows = await q.query<{ id: string }>(
      `insert into training_registrations (session_id, person_id, partner_id, status, source, waitlisted_at, locale, channel, collected_at)
       values ($1, $2, $3, $4, $5, case when $4 = 'waitlisted' then clock_timestamp() end, $6, $7, $8)
       on conflict (session_id, person_id) do update
         set status = excluded.status, partner_id = excluded.partner_id, source = excluded.source, locale = excluded.locale,
             created_at = now(), waitlisted_at = excluded.waitlisted_at, promoted_at = null, cancelled_at = null,
             channel = excluded.channel, collected_at = excluded.collected_at
       returning id`,
      [session.id, personId, partner.id, status, data.source ?? null, locale, channel, collected?.toISOString() ?? null],
    );
    const registrationId = rows[0]!.id;
    await recordConsents(q, personId, { registrationId }, seriesConsents(series, partner, locale, data));
    await queueRegistrationMessages(q, registrationId, seat ? "training.confirmation" : "training.waitlisted", baseUrl);
    await enqueueEvent(q, {
      type: "registration.created",
      coalitionId: series.coalition_id,
      partnerOrganizationId: partner.organizationId,
      personId,
      consent: { coalition: data.consentCoalition, partner: data.consentPartner },
      data: { series: series.slug, session: session.id, status, partner: partner.slug, source: data.source ?? null, language: locale, channel, collectedAt: (collected ?? new Date()).toISOString() },
      person: { firstName: data.firstName, lastName: data.lastName ?? null, email: data.email },
    });
    return { status: 201, body: await registrationBody(q, registrationId, status, baseUrl, partner.organizationId, locale) };
  });
}

async function registrationBody(q: Queryable, registrationId: string, status: RegisterResponse["status"], baseUrl: string, organizationId: string, locale: Locale): Promise<RegisterResponse> {
  const rows = await q.query<{ series_id: string; session_id: string; status: string; position: number | null; virtual_link: string | null }>(
    `select s.series_id, r.session_id, r.status, s.virtual_link,
            case when r.status = 'waitlisted' then
              (select count(*)::int from training_registrations w
                where w.session_id = r.session_id and w.status = 'waitlisted' and (w.waitlisted_at, w.id) <= (r.waitlisted_at, r.id))
            end as position
       from training_registrations r join training_sessions s on s.id = r.session_id where r.id = $1`,
    [registrationId],
  );
  const row = rows[0]!;
  const session = (await findSession(q, row.series_id, row.session_id))!;
  return {
    status,
    waitlistPosition: row.position,
    session: toSession(session, organizationId, locale),
    virtualLink: row.status === "registered" ? row.virtual_link : null,
    calendarUrl: `${baseUrl}/v1/registrations/calendar.ics?token=${encodeURIComponent(await signLink(q, "calendar", registrationId))}`,
    cancelUrl: `${baseUrl}/v1/registrations/cancel?token=${encodeURIComponent(await signLink(q, "cancel", registrationId))}`,
  };
}

/** Cancel by signed link; a freed seat goes to the first person on the waitlist who may take it. */
export async function cancelRegistration(db: Db, input: Record<string, unknown>): Promise<CancelRegistrationResponse> {
  const request = parseOrReject(CancelRegistrationRequest, input);
  const registrationId = await verifyLink(db, "cancel", request.token);
  if (!registrationId) throw validationError({ token: "This cancel link is not valid." });
  return db.tx(async (q) => {
    const current = await q.query<{ session_id: string }>("select session_id from training_registrations where id = $1", [registrationId]);
    if (!current[0]) throw new ApiError("not_found");
    await q.query("select id from training_sessions where id = $1 for update", [current[0].session_id]);
    const rows = await q.query<{ status: string }>("select status from training_registrations where id = $1", [registrationId]);
    const was = rows[0]!.status;
    if (was === "cancelled") return { status: "already_cancelled", promoted: false };
    await q.query("update training_registrations set status = 'cancelled', cancelled_at = now() where id = $1", [registrationId]);
    await cancelRegistrationMessages(q, registrationId);
    await registrationEvent(q, "registration.cancelled", registrationId);
    const promoted = was === "registered" ? await promoteFromWaitlist(q, current[0].session_id) : false;
    return { status: "cancelled", promoted };
  });
}

/**
 * Give a freed seat to the first person on the waitlist who may take it (a seat reserved for a
 * partner goes only to that partner's members): they get a "you have a seat" email (with the
 * join link, calendar file and cancel link) and the `registration.promoted` event goes out.
 * Locks the session row (again, if the caller already did) so the count cannot change meanwhile.
 */
export async function promoteFromWaitlist(q: Queryable, sessionId: string): Promise<boolean> {
  await q.query("select id from training_sessions where id = $1 for update", [sessionId]);
  const session = await sessionById(q, sessionId);
  if (!session) return false;
  const counts = seatCounts(session);
  const waiting = await q.query<{ id: string; organization_id: string }>(
    `select r.id, pa.organization_id from training_registrations r join partners pa on pa.id = r.partner_id
      where r.session_id = $1 and r.status = 'waitlisted' order by r.waitlisted_at, r.id`,
    [sessionId],
  );
  const next = waiting.find((w) => {
    const left = seatsLeftFor(counts, w.organization_id);
    return left === null || left > 0;
  });
  if (!next) return false;
  await q.query("update training_registrations set status = 'registered', promoted_at = now() where id = $1", [next.id]);
  await queueRegistrationMessages(q, next.id, "training.promoted", null);
  await registrationEvent(q, "registration.promoted", next.id);
  return true;
}

/**
 * After an organizer gives a series more seats (a larger capacity, no limit, fewer seats kept for
 * a partner), the waitlist takes them in order, each promoted person told as on a cancellation.
 * Only scheduled sessions still to start; returns how many were promoted.
 */
export async function fillOpenSeats(q: Queryable, seriesSlug: string): Promise<number> {
  const sessions = await q.query<{ id: string; waiting: number }>(
    `select s.id, count(r.id)::int as waiting
       from training_sessions s join training_series ts on ts.id = s.series_id
       join training_registrations r on r.session_id = s.id and r.status = 'waitlisted'
      where ts.slug = $1 and s.status = 'scheduled' and s.starts_at > now()
      group by s.id order by s.id`,
    [seriesSlug],
  );
  let promoted = 0;
  for (const session of sessions) {
    // Each call seats at most one person, so this ends within the waitlist's length.
    for (let i = 0; i < session.waiting && (await promoteFromWaitlist(q, session.id)); i++) promoted += 1;
  }
  return promoted;
}

/** The registration behind a calendar link, with the session it belongs to. */
export async function registrationForCalendar(db: Db, token: string): Promise<{ session: SessionRow; series: SeriesRow; confirmed: boolean; locale: Locale } | undefined> {
  const registrationId = await verifyLink(db, "calendar", token);
  if (!registrationId) return undefined;
  const rows = await db.query<{ series_slug: string; session_id: string; series_id: string; status: string; locale: string }>(
    `select ts.slug as series_slug, s.id as session_id, s.series_id, r.status, r.locale
       from training_registrations r join training_sessions s on s.id = r.session_id join training_series ts on ts.id = s.series_id
      where r.id = $1`,
    [registrationId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const series = (await findSeries(db, row.series_slug))!;
  const session = (await findSession(db, row.series_id, row.session_id))!;
  return { session, series, confirmed: row.status === "registered", locale: pickLocale(row.locale) };
}
