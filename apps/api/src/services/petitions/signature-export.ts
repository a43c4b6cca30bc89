import type { Db } from "../../db/types.js";
import { ApiError } from "../errors.js";
import { campaignFor } from "../campaigns.js";
import { csvStream } from "../platform/csv.js";
import { findPetition } from "./petition-queries.js";
import type { AdminContext } from "../keys/secret-keys.js";

const HEADER = ["signed_at", "first_name", "last_name", "email", "zip", "partner", "source", "utm_source", "utm_medium", "utm_campaign", "age_band", "coalition_opt_in", "partner_opt_in",
  // The language the signer used, and the version and language of each consent text they agreed to.
  "language", "coalition_consent_version", "coalition_consent_language", "partner_consent_version", "partner_consent_language",
  // Where it was taken (online, or tabling on a shared device) and when it was collected (signed_at is when it arrived).
  "channel", "collected_at"];
const PAGE = 1000;

/** The column layouts an export can take: ours, or the one Action Network's (OSDI) CSV import maps at once. */
export const SIGNATURE_LAYOUTS = ["standard", "osdi"] as const;
export type SignatureLayout = (typeof SIGNATURE_LAYOUTS)[number];
/**
 * Action Network's import reads email, first_name, last_name and zip_code by name; the rest become
 * custom fields. Only people who agreed to hear from the organization exporting are in it.
 */
const OSDI_HEADER = ["email", "first_name", "last_name", "zip_code", "tag", "language", "consent_version", "signed_at"];

interface ExportRow {
  id: string;
  /** created_at as PostgreSQL prints it: microseconds kept, for an exact keyset cursor. */
  cursor_at: string;
  created_at: Date | string;
  first_name: string;
  last_name: string | null;
  email_normalized: string;
  zip: string;
  partner: string;
  source: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  age_band: string | null;
  coalition_opt_in: boolean;
  partner_opt_in: boolean;
  language: string | null;
  coalition_version: string | null;
  coalition_language: string | null;
  partner_version: string | null;
  partner_language: string | null;
  channel: string;
  collected_at: Date | string | null;
}

/**
 * A petition's signatures as CSV, read a page at a time (keyset on created_at, id) so memory stays
 * flat however many there are. A coalition gets every signature, with the email only of people who
 * agreed to hear from it; a partner gets only people who agreed to hear from that partner.
 * Cells that a spreadsheet would run as a formula are neutralized (platform/csv.ts).
 */
export async function signatureCsv(db: Db, admin: AdminContext, slug: string, layout: SignatureLayout = "standard"): Promise<{ filename: string; stream: ReadableStream<Uint8Array> }> {
  const petition = campaignFor(await findPetition(db, slug), undefined);
  let partnerIds: string[] | null = null;
  if (admin.organizationId !== petition.coalition_id) {
    const rows = await db.query<{ id: string }>("select id from partners where organization_id = $1 and coalition_id = $2", [admin.organizationId, petition.coalition_id]);
    if (rows.length === 0) throw new ApiError("not_found");
    partnerIds = rows.map((r) => r.id);
  }
  const forPartner = partnerIds !== null;
  const consented = (r: ExportRow) => (forPartner ? r.partner_opt_in : r.coalition_opt_in);
  const osdi = layout === "osdi";
  const stream = csvStream<ExportRow, { at: string; id: string }>({
    header: osdi ? OSDI_HEADER : HEADER,
    literal: ["email", "zip", "zip_code"],
    page: (after) => page(db, petition.id, partnerIds, admin.organizationId, after),
    cursor: (last) => ({ at: last.cursor_at, id: last.id }),
    cells: osdi
      ? (r) => [r.email_normalized, r.first_name, r.last_name, r.zip, `petition:${slug}`, r.language ?? "en", forPartner ? r.partner_version : r.coalition_version, new Date(r.created_at).toISOString()]
      : (r) => cells(r, forPartner),
    ...(osdi ? { keep: consented } : {}),
  });
  return { filename: `${slug}-signatures${osdi ? "-action-network" : ""}-${new Date().toISOString().slice(0, 10)}.csv`, stream };
}

function cells(r: ExportRow, forPartner: boolean): unknown[] {
  const email = forPartner || r.coalition_opt_in ? r.email_normalized : "";
  return [new Date(r.created_at).toISOString(), r.first_name, r.last_name, email, r.zip, r.partner, r.source, r.utm_source, r.utm_medium, r.utm_campaign, r.age_band, r.coalition_opt_in ? "yes" : "no", r.partner_opt_in ? "yes" : "no",
    r.language ?? "en", r.coalition_opt_in ? r.coalition_version : "", r.coalition_opt_in ? r.coalition_language : "", r.partner_opt_in ? r.partner_version : "", r.partner_opt_in ? r.partner_language : "",
    r.channel, new Date(r.collected_at ?? r.created_at).toISOString()];
}

function page(db: Db, petitionId: string, partnerIds: string[] | null, organizationId: string, after: { at: string; id: string } | undefined): Promise<ExportRow[]> {
  return db.query<ExportRow>(
    `select s.id, s.created_at, s.created_at::text as cursor_at, pe.first_name, pe.last_name, pe.email_normalized, pe.zip, o.name as partner,
            s.source, s.utm_source, s.utm_medium, s.utm_campaign, s.age_band,
            exists (select 1 from consents c where c.signature_id = s.id and c.scope = 'coalition' and c.withdrawn_at is null) as coalition_opt_in,
            exists (select 1 from consents c where c.signature_id = s.id and c.scope = 'partner' and c.organization_id = pa.organization_id and c.withdrawn_at is null) as partner_opt_in,
            s.locale as language, kc.version as coalition_version, kc.language as coalition_language, kp.version as partner_version, kp.language as partner_language,
            s.channel, s.collected_at
       from signatures s
       left join lateral (select version, language from consents c where c.signature_id = s.id and c.scope = 'coalition' order by c.created_at desc limit 1) kc on true
       left join lateral (select version, language from consents c where c.signature_id = s.id and c.scope = 'partner' order by c.created_at desc limit 1) kp on true
       join people pe on pe.id = s.person_id
       join partners pa on pa.id = s.partner_id
       join organizations o on o.id = pa.organization_id
      where s.petition_id = $1 and s.status = 'confirmed'
        and ($2::uuid[] is null or (s.partner_id = any($2::uuid[])
             and exists (select 1 from consents c where c.signature_id = s.id and c.scope = 'partner' and c.organization_id = $3 and c.withdrawn_at is null)))
        and ($4::timestamptz is null or (s.created_at, s.id) > ($4::timestamptz, $5::uuid))
      order by s.created_at, s.id
      limit ${PAGE}`,
    [petitionId, partnerIds, organizationId, after?.at ?? null, after?.id ?? null],
  );
}
