import type { Db } from "../../db/types.js";
import { verifyExpiringLink } from "../platform/signed-links.js";
import { consentWithdrawnEvent } from "./people-events.js";

/**
 * Withdraw one consent from the link in a thank-you email: it stays in the ledger (what was agreed
 * and when) with the time it was withdrawn, and from then on exports and webhooks leave the
 * person's contact details out for that organization, and a `consent.withdrawn` event goes out in
 * the same transaction. Withdrawing twice is harmless (and sends nothing the second time).
 */
export async function withdrawConsent(db: Db, token: string): Promise<{ changed: boolean; locale: string } | "invalid" | "expired"> {
  const id = await verifyExpiringLink(db, "withdraw-consent", token);
  if (!id || id === "expired") return id === "expired" ? "expired" : "invalid";
  const rows = await db.query<{ withdrawn_at: string | null; locale: string | null }>(
    "select co.withdrawn_at, s.locale from consents co left join signatures s on s.id = co.signature_id where co.id = $1",
    [id],
  );
  if (!rows[0]) return "invalid";
  const changed = await db.tx(async (q) => {
    const withdrawn = await q.query("update consents set withdrawn_at = now() where id = $1 and withdrawn_at is null returning id", [id]);
    if (withdrawn.length) await consentWithdrawnEvent(q, id);
    return withdrawn.length > 0;
  });
  return { changed, locale: rows[0].locale ?? "en" };
}
