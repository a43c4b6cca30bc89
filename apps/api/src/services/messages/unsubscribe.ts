import type { Db } from "../../db/types.js";
import { verifyLink } from "../platform/signed-links.js";

export interface Unsubscribed {
  /** What the person stopped: the series' or meeting's title. */
  title: string;
  locale: string;
  /** False when the link had already been used. */
  changed: boolean;
  /** True when the person stopped all email from the coalition (then `title` is the coalition's name). */
  everything: boolean;
}

/**
 * One-click unsubscribe (RFC 8058) from a reminder's signed link: records it for the reminder's
 * series or meeting and withdraws every queued reminder there. Confirmations and change notices
 * still go. Returns undefined for a link that is not valid.
 */
export async function unsubscribe(db: Db, token: string, everything = false): Promise<Unsubscribed | undefined> {
  const messageId = await verifyLink(db, "unsubscribe", token);
  if (!messageId) return undefined;
  return db.tx(async (q) => {
    const rows = await q.query<{ person_id: string | null; scope: string | null; locale: string }>("select person_id, scope, locale from messages where id = $1", [messageId]);
    const row = rows[0];
    if (!row?.person_id || !row.scope) return undefined;
    const [kind, id] = row.scope.split(":");
    const titles = await q.query<{ title: string }>(kind === "series" ? "select title from training_series where id = $1" : "select title from meetings where id = $1", [id]);
    if (everything) {
      // The coalition's suppression list: no more email of any kind to this address.
      const added = await q.query(
        `insert into suppressions (coalition_id, email, reason)
         select m.coalition_id, p.email_normalized, 'unsubscribed' from messages m join people p on p.id = m.person_id where m.id = $1
         on conflict do nothing returning email`,
        [messageId],
      );
      await q.query("update messages set status = 'cancelled' where person_id = $1 and status = 'queued'", [row.person_id]);
      const coalition = await q.query<{ name: string }>("select o.name from messages m join organizations o on o.id = m.coalition_id where m.id = $1", [messageId]);
      return { title: coalition[0]?.name ?? "", locale: row.locale, changed: added.length > 0, everything: true };
    }
    const added = await q.query("insert into message_unsubscribes (person_id, scope) values ($1, $2) on conflict do nothing returning 1", [row.person_id, row.scope]);
    await q.query("update messages set status = 'cancelled' where person_id = $1 and scope = $2 and status = 'queued' and (kind like '%.reminder' or kind = 'training.feedback')", [row.person_id, row.scope]);
    return { title: titles[0]?.title ?? "", locale: row.locale, changed: added.length > 0, everything: false };
  });
}
