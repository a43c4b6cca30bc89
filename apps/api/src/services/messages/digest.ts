import type { Db, Queryable } from "../../db/types.js";
import { enqueueStaffMessage } from "./queue.js";

/** The scheduled_jobs name of the daily digest. */
export const DIGEST_JOB = "messages.digest";
export const DIGEST_KIND = "organizer.digest";
const DAY_MS = 86_400_000;

/**
 * Queue today's digest for every coalition that turned it on: one message per staff address,
 * keyed by coalition, day (UTC) and address, so a second replica or a second run the same day
 * queues nothing. Returns how many were queued. Time is injectable.
 */
export async function queueDigests(db: Db, now = new Date()): Promise<number> {
  const day = now.toISOString().slice(0, 10);
  const coalitions = await db.query<{ id: string; digest_recipients: string[]; digest_locale: string }>(
    "select id, digest_recipients, digest_locale from organizations where digest_enabled and cardinality(digest_recipients) > 0 order by id",
  );
  let queued = 0;
  for (const c of coalitions) {
    for (const address of c.digest_recipients) {
      const fresh = await enqueueStaffMessage(db, { coalitionId: c.id, kind: DIGEST_KIND, dedupeKey: `${DIGEST_KIND}:${c.id}:${day}:${address}`, toAddress: address, locale: c.digest_locale, queuedAt: now });
      if (fresh) queued += 1;
    }
  }
  return queued;
}

/** New actions through one partner in the digest's day. */
export interface PartnerActivity {
  partner: string;
  signatures: number;
  registrations: number;
  rsvps: number;
  stories: number;
}

/** What a digest reports: the 24 hours up to `until`, and what is waiting now. */
export interface DigestFigures {
  from: Date;
  until: Date;
  /** Partners with at least one new action, busiest first. */
  partners: PartnerActivity[];
  storiesPending: number;
  guardianPending: number;
  /** Messages that failed for good in the period. */
  failedMessages: number;
}

/** The figures for a coalition's digest covering the 24 hours before `until`. Counts only, no names. */
export async function digestFigures(q: Queryable, coalitionId: string, until: Date): Promise<DigestFigures> {
  const from = new Date(until.getTime() - DAY_MS);
  const params = [coalitionId, from.toISOString(), until.toISOString()];
  const rows = await q.query<{ partner: string; signatures: number; registrations: number; rsvps: number; stories: number }>(
    `with actions as (
       select s.partner_id, 'signatures' as what from signatures s join petitions p on p.id = s.petition_id
        where p.coalition_id = $1 and s.created_at >= $2 and s.created_at < $3
       union all
       select r.partner_id, 'registrations' from training_registrations r join partners pa on pa.id = r.partner_id
        where pa.coalition_id = $1 and r.created_at >= $2 and r.created_at < $3
       union all
       select a.partner_id, 'rsvps' from meeting_attendees a join partners pa on pa.id = a.partner_id
        where pa.coalition_id = $1 and ((a.created_at >= $2 and a.created_at < $3)
           or exists (select 1 from meeting_rsvps r where r.attendee_id = a.id and r.updated_at >= $2 and r.updated_at < $3))
       union all
       select st.partner_id, 'stories' from stories st join story_campaigns c on c.id = st.campaign_id
        where c.coalition_id = $1 and st.submitted_at >= $2 and st.submitted_at < $3)
     select o.name as partner,
            count(*) filter (where what = 'signatures')::int as signatures, count(*) filter (where what = 'registrations')::int as registrations,
            count(*) filter (where what = 'rsvps')::int as rsvps, count(*) filter (where what = 'stories')::int as stories
       from actions x join partners pa on pa.id = x.partner_id join organizations o on o.id = pa.organization_id
      group by o.name order by count(*) desc, o.name`,
    params,
  );
  const waiting = await q.query<{ stories: number; guardian: number; failed: number }>(
    `select (select count(*) from stories st join story_campaigns c on c.id = st.campaign_id where c.coalition_id = $1 and st.status = 'pending')::int as stories,
            (select count(*) from signatures s join petitions p on p.id = s.petition_id where p.coalition_id = $1 and s.status = 'pending_guardian')::int as guardian,
            (select count(*) from messages m where m.coalition_id = $1 and m.status = 'failed' and m.send_at >= $2 and m.send_at < $3)::int as failed`,
    params,
  );
  const w = waiting[0] ?? { stories: 0, guardian: 0, failed: 0 };
  return { from, until, partners: rows, storiesPending: w.stories, guardianPending: w.guardian, failedMessages: w.failed };
}
