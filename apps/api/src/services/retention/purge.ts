import type { Db, Queryable } from "../../db/types.js";
import { erasePerson } from "../people/people-requests.js";

/** The scheduled_jobs name of the daily purge. */
export const PURGE_JOB = "retention.purge";

/**
 * One row per thing a person did, with when: signatures, training registrations (and their
 * changes), meeting answers, stories, consents (and withdrawals), survey follow-up requests made
 * with the same email. Surveys themselves are anonymous and are not here.
 */
const ACTIONS = `
  select person_id, created_at as at from signatures
  union all select person_id, greatest(created_at, promoted_at, cancelled_at) from training_registrations
  union all select person_id, greatest(created_at, standing_from::timestamptz) from meeting_attendees
  union all select a.person_id, r.updated_at from meeting_rsvps r join meeting_attendees a on a.id = r.attendee_id
  union all select person_id, greatest(submitted_at, withdrawn_at) from stories where person_id is not null
  union all select person_id, greatest(created_at, withdrawn_at) from consents where person_id is not null
  union all select p.id, f.submitted_on::timestamptz from survey_follow_ups f
    join surveys s on s.id = f.survey_id join people p on p.coalition_id = s.coalition_id and p.email_normalized = lower(f.email)`;

/** Past the coalition's period: $1 is the clock. A person with no recorded action is dated by their row. */
const PAST = "coalesce(l.at, p.created_at) < $1::timestamptz - make_interval(months => o.retention_months)";

const PEOPLE_PAST = `
  from people p join organizations o on o.id = p.coalition_id
  left join (select person_id, max(at) as at from (${ACTIONS}) x group by person_id) l on l.person_id = p.id
 where ${PAST}`;

interface DueRow {
  id: string;
  coalition_id: string;
  email_normalized: string;
}

/** How many people of a coalition the purge would erase at `now`. */
export async function countPastRetention(q: Queryable, coalitionId: string, now: Date): Promise<number> {
  const rows = await q.query<{ n: number }>(`select count(*)::int as n ${PEOPLE_PAST} and p.coalition_id = $2`, [now.toISOString(), coalitionId]);
  return rows[0]?.n ?? 0;
}

/**
 * Signatures leave the public totals when deleted (the counting trigger, migrations 007 and 010).
 * A purge keeps the number, not the person: add back what the erasure is about to take off.
 */
async function keepPetitionCounts(q: Queryable, personId: string): Promise<void> {
  await q.query(
    `insert into petition_counts (petition_id, partner_id, shard, count)
     select petition_id, partner_id, floor(random() * 16)::smallint, count(*) from signatures
      where person_id = $1 and status = 'confirmed' group by petition_id, partner_id
     on conflict (petition_id, partner_id, shard) do update set count = petition_counts.count + excluded.count`,
    [personId],
  );
}

/** Erase one person if, locked and looked at again, they are still past the period. */
async function purgeOne(db: Db, person: DueRow, now: Date): Promise<boolean> {
  return db.tx(async (q) => {
    const still = await q.query(
      `select 1 from people p join organizations o on o.id = p.coalition_id
         left join (select max(at) as at from (${ACTIONS}) x where x.person_id = $2) l on true
        where p.id = $2 and ${PAST}
        for update of p`,
      [now.toISOString(), person.id],
    );
    if (!still.length) return false;
    await keepPetitionCounts(q, person.id);
    await erasePerson(q, person.coalition_id, person.email_normalized);
    return true;
  });
}

export interface PurgeResult {
  /** People erased, with everything they did. */
  people: number;
  /** Survey follow-up requests past the period that belonged to no one else we hold. */
  surveyFollowUps: number;
}

/**
 * The daily retention purge: everyone whose last action is older than their coalition's period
 * is erased exactly as a data subject request would (people/people-requests.ts), one transaction per
 * person, while public petition totals stay as they were. Time is injectable.
 */
export async function purgeExpiredPeople(db: Db, now = new Date(), batch = 1000): Promise<PurgeResult> {
  let people = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const due = await db.query<DueRow>(`select p.id, p.coalition_id, p.email_normalized ${PEOPLE_PAST} and p.id > $2::uuid order by p.id limit $3`, [now.toISOString(), after, batch]);
    for (const person of due) if (await purgeOne(db, person, now)) people += 1;
    if (due.length < batch) break;
    after = due[due.length - 1]!.id;
  }
  const followUps = await db.query(
    `delete from survey_follow_ups f using surveys s, organizations o
      where s.id = f.survey_id and o.id = s.coalition_id
        and f.submitted_on < ($1::timestamptz - make_interval(months => o.retention_months))::date
        and not exists (select 1 from people p where p.coalition_id = s.coalition_id and p.email_normalized = lower(f.email))
      returning 1`,
    [now.toISOString()],
  );
  return { people, surveyFollowUps: followUps.length };
}
