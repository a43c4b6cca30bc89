import { randomBytes } from "node:crypto";
import { PartnerInput, PartnerKeyRotation, PartnerPatch, type AdminPartner } from "@coalition-kit/schema";
import type { Queryable } from "../../db/types.js";
import { ApiError, parseOrReject, validationError } from "../errors.js";
import type { AdminContext } from "../keys/secret-keys.js";

interface PartnerRow {
  id: string;
  slug: string;
  name: string;
  website: string | null;
  publishable_key: string;
  previous_key: string | null;
  previous_key_expires_at: Date | string | null;
  allowed_origins: string[];
  active: boolean;
  created_at: Date | string;
}

// A replaced key is shown only while it still works.
const SELECT = `select pa.id, o.slug, o.name, o.website, pa.publishable_key, pa.allowed_origins, pa.active, pa.created_at,
                       case when pa.previous_key_expires_at > now() then pa.previous_key end as previous_key,
                       case when pa.previous_key_expires_at > now() then pa.previous_key_expires_at end as previous_key_expires_at
                  from partners pa join organizations o on o.id = pa.organization_id`;

const toPartner = (r: PartnerRow): AdminPartner => ({
  slug: r.slug,
  name: r.name,
  website: r.website,
  publishableKey: r.publishable_key,
  previousKey: r.previous_key,
  previousKeyExpiresAt: r.previous_key_expires_at ? new Date(r.previous_key_expires_at).toISOString() : null,
  allowedOrigins: r.allowed_origins,
  active: r.active,
  createdAt: new Date(r.created_at).toISOString(),
});

const newPublishableKey = () => `pk_${randomBytes(18).toString("hex")}`;

/** Origins compare in lower case without a trailing slash: "https://Site.org/" is "https://site.org". */
const normalizeOrigins = (origins: string[]) => [...new Set(origins.map((o) => o.toLowerCase().replace(/\/+$/, "")))];

/** The coalition's partners, by name, with their keys and allowed origins. */
export async function listPartners(q: Queryable, admin: AdminContext): Promise<AdminPartner[]> {
  const rows = await q.query<PartnerRow>(`${SELECT} where pa.coalition_id = $1 order by lower(o.name)`, [admin.organizationId]);
  return rows.map(toPartner);
}

/** A partner organization joins the coalition (an organization may partner with several coalitions). */
export async function createPartner(q: Queryable, admin: AdminContext, input: unknown): Promise<AdminPartner> {
  const data = parseOrReject(PartnerInput, input);
  const existing = await q.query<{ id: string; kind: string }>("select id, kind from organizations where slug = $1", [data.slug]);
  if (existing[0]?.kind === "coalition") throw validationError({ slug: "That address belongs to a coalition. Choose another." });
  const organizationId =
    existing[0]?.id ??
    (await q.query<{ id: string }>("insert into organizations (slug, name, kind, website) values ($1, $2, 'partner', $3) returning id", [data.slug, data.name, data.website ?? null]))[0]!.id;
  const member = await q.query("select 1 from partners where coalition_id = $1 and organization_id = $2", [admin.organizationId, organizationId]);
  if (member[0]) throw validationError({ slug: "This organization is already a partner." });
  const key = newPublishableKey();
  await q.query("insert into partners (coalition_id, organization_id, publishable_key, allowed_origins) values ($1, $2, $3, $4)", [
    admin.organizationId,
    organizationId,
    key,
    normalizeOrigins(data.allowedOrigins),
  ]);
  return toPartner((await q.query<PartnerRow>(`${SELECT} where pa.publishable_key = $1`, [key]))[0]!);
}

/** Change a partner's sites or pause it (its key stops working at once here, within PARTNER_CACHE_MS on other replicas). */
export async function patchPartner(q: Queryable, admin: AdminContext, slug: string, input: unknown): Promise<AdminPartner> {
  const data = parseOrReject(PartnerPatch, input);
  const rows = await q.query<PartnerRow>(`${SELECT} where pa.coalition_id = $1 and o.slug = $2`, [admin.organizationId, slug]);
  const row = rows[0];
  if (!row) throw new ApiError("not_found");
  if (data.allowedOrigins !== undefined || data.active !== undefined) {
    await q.query("update partners set allowed_origins = coalesce($2, allowed_origins), active = coalesce($3, active) where id = $1", [
      row.id,
      data.allowedOrigins === undefined ? null : normalizeOrigins(data.allowedOrigins),
      data.active ?? null,
    ]);
  }
  // The organization's own name and site are shared with its other coalitions: only a coalition
  // that created it alone may rename it.
  if (data.name !== undefined || data.website !== undefined) {
    const shared = await q.query<{ n: number }>("select count(*)::int as n from partners where organization_id = (select organization_id from partners where id = $1)", [row.id]);
    if ((shared[0]?.n ?? 0) > 1) throw validationError({ name: "This organization partners with other coalitions too; ask it to change its name." });
    await q.query("update organizations set name = coalesce($2, name), website = case when $4 then $3 else website end where id = (select organization_id from partners where id = $1)", [
      row.id,
      data.name ?? null,
      data.website ?? null,
      data.website !== undefined,
    ]);
  }
  return toPartner((await q.query<PartnerRow>(`${SELECT} where pa.id = $1`, [row.id]))[0]!);
}

/**
 * Give a partner a new publishable key, working at once. The old one keeps working (from the same
 * sites) for `overlapHours`, then is refused (invalid_key, "This partner key was replaced…"). An old key still in its overlap from an
 * earlier rotation stops at once: only one replaced key is kept.
 */
export async function rotatePartnerKey(q: Queryable, admin: AdminContext, slug: string, input: unknown): Promise<AdminPartner> {
  const { overlapHours } = parseOrReject(PartnerKeyRotation, input);
  const rows = await q.query<{ id: string }>(
    `update partners pa
        set previous_key = pa.publishable_key, previous_key_expires_at = now() + $3::int * interval '1 hour', publishable_key = $4
       from organizations o
      where o.id = pa.organization_id and pa.coalition_id = $1 and o.slug = $2
      returning pa.id`,
    [admin.organizationId, slug, overlapHours, newPublishableKey()],
  );
  if (!rows[0]) throw new ApiError("not_found");
  return toPartner((await q.query<PartnerRow>(`${SELECT} where pa.id = $1`, [rows[0].id]))[0]!);
}
