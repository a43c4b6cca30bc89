import { PersonLookup, type PersonDeleted, type PersonExport } from "@coalition-kit/schema";
import type { Db, Queryable } from "../../db/types.js";
import { parseOrReject } from "../errors.js";
import type { AdminContext } from "../keys/secret-keys.js";
import { promoteFromWaitlist } from "../trainings/trainings.js";
import { REDACTED_PAYLOAD_SQL } from "../webhooks/webhooks.js";
import { erasureFacts, personErasedEvent } from "./people-events.js";

/**
 * Data subject requests: everything a coalition holds about one person (by email), across every
 * campaign, and its erasure. Anonymous survey answers are not linked to anyone and stay.
 */
type Row = Record<string, unknown>;

async function personIdOf(q: Queryable, coalitionId: string, email: string): Promise<string | undefined> {
  return (await q.query<{ id: string }>("select id from people where coalition_id = $1 and email_normalized = $2", [coalitionId, email]))[0]?.id;
}

const followUps = (q: Queryable, admin: AdminContext, email: string) =>
  q.query<Row>(
    `select f.id, s.slug as survey, f.first_name, f.email, f.consent_text, f.consent_version, f.language, f.submitted_on::text as submitted_on
       from survey_follow_ups f join surveys s on s.id = f.survey_id
      where s.coalition_id = $1 and lower(f.email) = $2`,
    [admin.organizationId, email],
  );

/** Everything the coalition holds about the person with this email (a data subject request). */
export async function exportPerson(db: Db, admin: AdminContext, input: unknown): Promise<PersonExport> {
  const { email } = parseOrReject(PersonLookup, input);
  const id = await personIdOf(db, admin.organizationId, email);
  const surveyFollowUps = await followUps(db, admin, email);
  if (!id) return { email, person: null, signatures: [], consents: [], registrations: [], meetings: [], stories: [], surveyFollowUps };
  const [person, signatures, consents, registrations, meetings, stories] = await Promise.all([
    db.query<Row>("select email_normalized as email, first_name, last_name, zip, created_at from people where id = $1", [id]),
    db.query<Row>(
      `select p.slug as petition, o.name as partner, s.source, s.utm_source, s.utm_medium, s.utm_campaign, s.age_band, s.created_at
         from signatures s join petitions p on p.id = s.petition_id join partners pa on pa.id = s.partner_id join organizations o on o.id = pa.organization_id
        where s.person_id = $1 order by s.created_at`,
      [id],
    ),
    db.query<Row>(
      `select o.name as organization, c.scope, c.text, c.version, c.language, c.guardian_email, c.created_at
         from consents c join organizations o on o.id = c.organization_id where c.person_id = $1 order by c.created_at`,
      [id],
    ),
    db.query<Row>(
      `select ts.slug as series, s.title as session, s.starts_at, r.status, r.created_at, r.cancelled_at,
              a.attended, a.marked_at as attendance_marked_at,
              (select c.completed_at from training_completions c where c.series_id = ts.id and c.person_id = r.person_id) as series_completed_at
         from training_registrations r join training_sessions s on s.id = r.session_id join training_series ts on ts.id = s.series_id
         left join training_attendance a on a.registration_id = r.id
        where r.person_id = $1 order by r.created_at`,
      [id],
    ),
    db.query<Row>(
      `select m.slug as meeting, a.standing_response, a.standing_from::text as standing_from, a.created_at,
              coalesce((select json_agg(json_build_object('date', r.occurrence_date::text, 'response', r.response) order by r.occurrence_date)
                          from meeting_rsvps r where r.attendee_id = a.id), '[]'::json) as rsvps
         from meeting_attendees a join meetings m on m.id = a.meeting_id where a.person_id = $1`,
      [id],
    ),
    db.query<Row>(
      `select c.slug as campaign, s.title, s.body, s.role, s.school, s.age_band, s.publish_as, s.status, s.submitted_at
         from stories s join story_campaigns c on c.id = s.campaign_id where s.person_id = $1 order by s.submitted_at`,
      [id],
    ),
  ]);
  return { email, person: person[0] ?? null, signatures, consents, registrations, meetings, stories, surveyFollowUps };
}

/**
 * Erase a person: consents, signatures, registrations (a freed seat in a session still to come goes
 * to the waitlist), meeting answers, stories they gave their email with, follow-up requests,
 * undelivered webhook events, and the person. Counts go down accordingly. Run inside the caller's
 * transaction: all or nothing.
 */
export async function deletePerson(q: Queryable, admin: Pick<AdminContext, "organizationId">, input: unknown): Promise<PersonDeleted> {
  const { email } = parseOrReject(PersonLookup, input);
  return erasePerson(q, admin.organizationId, email, "request");
}

/**
 * The erasure itself, for a normalized email in one coalition: shared by data subject requests
 * and the retention purge (`reason`, told in the `person.erased` event). In the caller's transaction.
 */
export async function erasePerson(q: Queryable, coalitionId: string, email: string, reason: "request" | "retention" = "retention"): Promise<PersonDeleted> {
  const deleted: Record<string, number> = {};
  const count = async (name: string, sql: string, params: unknown[]) => {
    deleted[name] = (await q.query(`${sql} returning 1`, params)).length;
  };
  await count("surveyFollowUps", "delete from survey_follow_ups f using surveys s where s.id = f.survey_id and s.coalition_id = $1 and lower(f.email) = $2", [coalitionId, email]);
  const id = await personIdOf(q, coalitionId, email);
  if (!id) return { email, deleted };
  const facts = await erasureFacts(q, id);
  // Stored answers to this person's writes (kept 24 hours for retries) hold their personal links.
  const records = await q.query<{ id: string }>(
    `select id::text from signatures where person_id = $1 union all select id::text from training_registrations where person_id = $1
     union all select id::text from meeting_attendees where person_id = $1 union all select id::text from stories where person_id = $1`,
    [id],
  );
  if (records.length) await count("storedReplies", "delete from idempotency_keys where response_body like any($1::text[])", [records.map((r) => `%${r.id}%`)]);
  await count("webhookEvents", "delete from outbox where person_id = $1 and delivered_at is null", [id]);
  // Delivered events stay in the delivery log, without their content.
  await q.query(`update outbox set person_id = null, payload = ${REDACTED_PAYLOAD_SQL} where person_id = $1`, [id]);
  // Messages keep their log line (kind, status, times) and lose what they said and to whom.
  await count("messages", "update messages set to_address = null, subject = null, person_id = null, status = case when status in ('queued', 'sending') then 'cancelled' else status end where person_id = $1", [id]);
  await count("consents", "delete from consents where person_id = $1", [id]);
  await count("signatures", "delete from signatures where person_id = $1", [id]);
  const freed = await q.query<{ session_id: string; upcoming: boolean }>(
    `delete from training_registrations r using training_sessions s where s.id = r.session_id and r.person_id = $1
     returning r.session_id, s.starts_at > now() as upcoming`,
    [id],
  );
  deleted.registrations = freed.length;
  // A seat in a past session frees nothing: nobody is told "you have a seat" for it.
  for (const sessionId of new Set(freed.filter((r) => r.upcoming).map((r) => r.session_id))) while (await promoteFromWaitlist(q, sessionId)) {}
  await count("meetingRsvps", "delete from meeting_rsvps r using meeting_attendees a where a.id = r.attendee_id and a.person_id = $1", [id]);
  await count("meetings", "delete from meeting_attendees where person_id = $1", [id]);
  await count("stories", "delete from stories where person_id = $1", [id]);
  await count("person", "delete from people where id = $1", [id]);
  await personErasedEvent(q, coalitionId, id, reason, facts);
  return { email, deleted };
}
