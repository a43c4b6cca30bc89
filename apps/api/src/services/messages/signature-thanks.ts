import type { Db } from "../../db/types.js";

/** Owed thank-yous turned into messages per statement. */
const BATCH = 500;

/**
 * Queue the thank-yous sign_petition left owed (migration 032): each owed row is deleted in the
 * statement that queues its message, so a thank-you is queued once however many replicas drain at
 * the same time (SKIP LOCKED splits the rows; the dedupe key would refuse a second copy anyway).
 * The rules are enqueueMessage's, applied now: nothing for a person recorded as under 13, nothing
 * to a suppressed address; a signature erased meanwhile owes nothing. A thank-you is due from its
 * signature's time, as when signing queued it. Returns how many were queued.
 */
export async function queueOwedThanks(db: Db): Promise<number> {
  let queued = 0;
  for (;;) {
    const [round] = await db.query<{ owed: number; queued: number }>(
      `with owed as (
         delete from thanks_owed where signature_id in (select signature_id from thanks_owed limit $1 for update skip locked)
         returning signature_id, base_url),
       queued as (
         insert into messages (coalition_id, partner_id, person_id, kind, dedupe_key, locale, base_url, to_address, send_at, signature_id)
         select pe.coalition_id, s.partner_id, p.id, 'petition.thanks', 'petition.thanks:' || s.id, s.locale, owed.base_url, p.email_normalized, s.created_at, s.id
           from owed join signatures s on s.id = owed.signature_id join petitions pe on pe.id = s.petition_id join people p on p.id = s.person_id
          where s.status = 'confirmed'
            and not exists (select 1 from signatures c where c.person_id = p.id and c.age_band = 'under_13')
            and not exists (select 1 from stories st where st.person_id = p.id and st.age_band = 'under_13')
            and not exists (select 1 from suppressions x where x.coalition_id = pe.coalition_id and x.email = p.email_normalized)
         on conflict (dedupe_key) do nothing
         returning 1)
       select (select count(*) from owed)::int as owed, (select count(*) from queued)::int as queued`,
      [BATCH],
    );
    queued += round?.queued ?? 0;
    if ((round?.owed ?? 0) < BATCH) return queued;
  }
}
