import type { Queryable } from "../../db/types.js";
import { deletePersonIfUnused } from "./people.js";

/**
 * The records that wait for someone's answer before they take effect (a signature awaiting its
 * email confirmation or a guardian, a child's story awaiting a guardian): their table, the column
 * linking messages and consents to them, and the table of anonymous counts left when they are
 * erased, keyed by campaign. Fixed names, never from input.
 */
const PENDING = {
  signature: { table: "signatures", link: "signature_id", counts: "petition_unconfirmed_counts", campaign: "petition_id" },
  story: { table: "stories", link: "story_id", counts: "story_unconfirmed_counts", campaign: "campaign_id" },
} as const;

/** Why a pending record was erased, as its anonymous count records it. */
export type PendingReason = "email_unconfirmed" | "guardian_refused" | "guardian_no_answer";

/**
 * Erase a record that never took effect, in the caller's transaction: its messages lose what they
 * said and to whom (queued ones are cancelled), its held consents and the record go, an anonymous
 * count per campaign and reason goes up, and the person goes too when nothing else of theirs is kept.
 */
export async function erasePending(
  q: Queryable,
  kind: keyof typeof PENDING,
  record: { id: string; campaignId: string; personId: string | null },
  reason: PendingReason,
): Promise<void> {
  const { table, link, counts, campaign } = PENDING[kind];
  await q.query(
    `update messages set to_address = null, subject = null, person_id = null, ${link} = null,
            status = case when status in ('queued', 'sending') then 'cancelled' else status end
      where ${link} = $1`,
    [record.id],
  );
  await q.query(`delete from consents where ${link} = $1`, [record.id]);
  await q.query(`delete from ${table} where id = $1`, [record.id]);
  await q.query(
    `insert into ${counts} (${campaign}, reason, count) values ($1, $2, 1)
     on conflict (${campaign}, reason) do update set count = ${counts}.count + 1`,
    [record.campaignId, reason],
  );
  await deletePersonIfUnused(q, record.personId);
}
