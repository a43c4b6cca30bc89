import { pickLocale } from "@coalition-kit/schema";
import { localize, shownLanguage, type TranslatedColumns } from "../content/languages.js";
import type { Db, Queryable } from "../../db/types.js";
import { enqueueMessage } from "../messages/queue.js";
import { erasePending } from "../people/erase-pending.js";
import { recordConsents, type ConsentRow } from "../people/people.js";
import { signatureCreatedEvent } from "./signature-events.js";
import { verifyExpiringLink } from "../platform/signed-links.js";

/** What opening a confirmation or guardian link did, for the page the person sees. */
export type LinkOutcome = "confirmed" | "already_confirmed" | "refused" | "expired" | "invalid";

export interface LinkAnswer {
  outcome: LinkOutcome;
  /** The signer's language, for the page; null when the link says nothing (the page then follows the browser). */
  locale: string | null;
  petition: string | null;
}

interface PendingRow {
  id: string;
  status: string;
  person_id: string;
  partner_id: string;
  petition_id: string;
  coalition_id: string;
  title: string;
  locale: string;
  age_band: string | null;
  guardian_email: string | null;
  pending_consents: ConsentRow[] | string | null;
}

async function pending(q: Queryable, signatureId: string): Promise<PendingRow | undefined> {
  const rows = await q.query<PendingRow>(
    `select s.id, s.status, s.person_id, s.partner_id, s.petition_id, p.coalition_id, p.title, s.locale, s.age_band, s.guardian_email, s.pending_consents
       from signatures s join petitions p on p.id = s.petition_id where s.id = $1 for update of s`,
    [signatureId],
  );
  return rows[0];
}

/** The signature counts from now: its opt-ins are recorded, the webhook goes out, the thank-you is queued. */
async function activate(q: Queryable, row: PendingRow, extra: ConsentRow[], baseUrl: string | null): Promise<void> {
  const consents = (typeof row.pending_consents === "string" ? JSON.parse(row.pending_consents) : (row.pending_consents ?? [])) as ConsentRow[];
  await q.query("update signatures set status = 'confirmed', confirmed_at = now(), pending_consents = null, guardian_email = null where id = $1", [row.id]);
  await recordConsents(q, row.person_id, { signatureId: row.id }, [...consents, ...extra]);
  await signatureCreatedEvent(q, row.id);
  await enqueueMessage(q, { coalitionId: row.coalition_id, partnerId: row.partner_id, personId: row.person_id, kind: "petition.thanks", dedupeKey: `petition.thanks:${row.id}`, signatureId: row.id, locale: row.locale, baseUrl });
}

/**
 * Erase an unconfirmed signature and, when nothing else of theirs is kept, the person: only an
 * anonymous count per petition and reason remains.
 */
export async function eraseUnconfirmed(q: Queryable, row: Pick<PendingRow, "id" | "person_id" | "petition_id">, reason: "email_unconfirmed" | "guardian_refused" | "guardian_no_answer"): Promise<void> {
  // Messages keep their log line (the signature link is cleared, as its foreign key would on delete).
  await erasePending(q, "signature", { id: row.id, campaignId: row.petition_id, personId: row.person_id }, reason);
}

/** The signer's confirm link (double opt-in). Confirming twice is harmless; an old or forged link changes nothing. */
export async function confirmSignature(db: Db, token: string, baseUrl: string | null): Promise<LinkAnswer> {
  const id = await verifyExpiringLink(db, "confirm", token);
  if (!id || id === "expired") return { outcome: id === "expired" ? "expired" : "invalid", locale: null, petition: null };
  return db.tx(async (q) => {
    const row = await pending(q, id);
    if (!row) return { outcome: "invalid", locale: null, petition: null };
    if (row.status === "confirmed") return { outcome: "already_confirmed", locale: row.locale, petition: row.title };
    if (row.status !== "pending_email") return { outcome: "invalid", locale: row.locale, petition: row.title };
    await activate(q, row, [], baseUrl);
    return { outcome: "confirmed", locale: row.locale, petition: row.title };
  });
}

/** What a guardian's link shows before they answer. */
export async function guardianRequest(db: Db, token: string): Promise<LinkAnswer & { child: string | null }> {
  const id = await verifyExpiringLink(db, "guardian", token);
  if (!id || id === "expired") return { outcome: id === "expired" ? "expired" : "invalid", locale: null, petition: null, child: null };
  const rows = await db.query<{ status: string; locale: string; title: string; first_name: string }>(
    "select s.status, s.locale, p.title, pe.first_name from signatures s join petitions p on p.id = s.petition_id join people pe on pe.id = s.person_id where s.id = $1",
    [id],
  );
  const row = rows[0];
  if (!row) return { outcome: "invalid", locale: null, petition: null, child: null };
  return { outcome: row.status === "confirmed" ? "already_confirmed" : "confirmed", locale: row.locale, petition: row.title, child: row.first_name };
}

/**
 * A parent's or guardian's answer: consent makes the signature count (and records their consent,
 * with the text shown); refusal erases the child's personal data. Either answer is final.
 */
export async function guardianDecision(db: Db, token: string, decision: string): Promise<LinkAnswer> {
  const id = await verifyExpiringLink(db, "guardian", token);
  if (!id || id === "expired") return { outcome: id === "expired" ? "expired" : "invalid", locale: null, petition: null };
  return db.tx(async (q) => {
    const row = await pending(q, id);
    if (!row) return { outcome: "invalid", locale: null, petition: null };
    if (row.status === "confirmed") return { outcome: "already_confirmed", locale: row.locale, petition: row.title };
    if (row.status !== "pending_guardian") return { outcome: "invalid", locale: row.locale, petition: row.title };
    if (decision === "consent") {
      // In the language the signer used (the parent's page and email are in it too), where translated.
      const saved = (await q.query<TranslatedColumns & { consent_guardian_text: string; consent_guardian_version: string }>("select consent_guardian_text, consent_guardian_version, language, translations from petitions where id = $1", [row.petition_id]))[0]!;
      const asked = pickLocale(row.locale);
      const p = localize(saved, asked, { "consent.guardian": "consent_guardian_text" }).row;
      const guardian: ConsentRow = { organizationId: row.coalition_id, scope: "guardian", text: p.consent_guardian_text, version: p.consent_guardian_version, language: shownLanguage(saved, asked, "consent_guardian_text"), guardianEmail: row.guardian_email };
      await activate(q, row, [guardian], null);
      return { outcome: "confirmed", locale: row.locale, petition: row.title };
    }
    await eraseUnconfirmed(q, row, "guardian_refused");
    return { outcome: "refused", locale: row.locale, petition: row.title };
  });
}

/**
 * The daily clean-up: signatures never confirmed by email within the petition's pending days, and
 * children's signatures without a guardian's answer within 7 days, are erased. Time is injectable.
 */
export async function expireUnconfirmed(db: Db, now = new Date()): Promise<number> {
  const due = await db.query<{ id: string; person_id: string; petition_id: string; status: string }>(
    `select s.id, s.person_id, s.petition_id, s.status from signatures s join petitions p on p.id = s.petition_id
      where (s.status = 'pending_email' and s.created_at <= $1::timestamptz - make_interval(days => p.pending_days))
         or (s.status = 'pending_guardian' and s.created_at <= $1::timestamptz - interval '7 days')`,
    [now.toISOString()],
  );
  for (const row of due) {
    await db.tx(async (q) => {
      const locked = await pending(q, row.id);
      if (!locked || locked.status === "confirmed") return;
      await eraseUnconfirmed(q, row, row.status === "pending_email" ? "email_unconfirmed" : "guardian_no_answer");
    });
  }
  return due.length;
}
