import { createHash, randomBytes } from "node:crypto";
import { SecretKeyInput, type SecretKeyInfo, type SecretKeyScope } from "@coalition-kit/schema";
import type { Queryable } from "../../db/types.js";
import { ApiError, parseOrReject, validationError } from "../errors.js";

/** The organization behind an admin request's secret key. */
export interface AdminContext {
  keyId: string;
  organizationId: string;
  slug: string;
  name: string;
  kind: "coalition" | "partner";
  /** read_only keys may read and export; every write is refused. */
  scope: SecretKeyScope;
}

const hash = (key: string) => createHash("sha256").update(key).digest("hex");

/** Create a secret key for an organization (read-write unless asked). The key is returned once; only its SHA-256 is stored. */
export async function createSecretKey(db: Queryable, organizationSlug: string, scope: SecretKeyScope = "read_write"): Promise<{ id: string; key: string }> {
  const key = `sk_${randomBytes(24).toString("base64url")}`;
  const rows = await db.query<{ id: string }>(
    `insert into secret_keys (organization_id, prefix, key_hash, scope)
     select id, $2, $3, $4 from organizations where slug = $1
     returning id`,
    [organizationSlug, key.slice(0, 7), hash(key), scope],
  );
  if (!rows[0]) throw new Error(`no organization with slug ${organizationSlug}`);
  return { id: rows[0].id, key };
}

/** The organization behind `Authorization: Bearer sk_...`, or 401. */
export async function authenticateSecretKey(db: Queryable, authorization: string | undefined): Promise<AdminContext> {
  const key = /^Bearer (sk_[A-Za-z0-9_-]{20,80})$/.exec(authorization ?? "")?.[1];
  if (!key) throw new ApiError("unauthorized");
  const rows = await db.query<AdminContext>(
    // An organization that runs campaigns with partners is a coalition, even if it joined another
    // coalition as a partner first.
    `select k.id as "keyId", k.organization_id as "organizationId", o.slug, o.name, k.scope,
            case when o.kind = 'coalition' or exists (select 1 from partners p where p.coalition_id = o.id) then 'coalition' else 'partner' end as kind
       from secret_keys k join organizations o on o.id = k.organization_id
      where k.key_hash = $1 and k.revoked_at is null`,
    [hash(key)],
  );
  if (!rows[0]) throw new ApiError("unauthorized");
  return rows[0];
}

interface KeyRow {
  id: string;
  prefix: string;
  scope: SecretKeyScope;
  created_at: Date | string;
  revoked_at: Date | string | null;
}
const toInfo = (r: KeyRow): SecretKeyInfo => ({ id: r.id, prefix: r.prefix, scope: r.scope, createdAt: new Date(r.created_at).toISOString(), revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null });

/** The organization's secret keys (prefix and dates only; the secrets are never kept). */
export async function listSecretKeys(db: Queryable, admin: AdminContext): Promise<SecretKeyInfo[]> {
  const rows = await db.query<KeyRow>("select id, prefix, scope, created_at, revoked_at from secret_keys where organization_id = $1 order by created_at", [admin.organizationId]);
  return rows.map(toInfo);
}

/** Another key for the same organization (e.g. one per staff member or server, or read-only for a dashboard), shown once. */
export async function addSecretKey(q: Queryable, admin: AdminContext, input: unknown = {}): Promise<{ key: SecretKeyInfo; secret: string }> {
  const { scope } = parseOrReject(SecretKeyInput, input);
  const created = await createSecretKey(q, admin.slug, scope);
  const rows = await q.query<KeyRow>("select id, prefix, scope, created_at, revoked_at from secret_keys where id = $1", [created.id]);
  return { key: toInfo(rows[0]!), secret: created.key };
}

/** Revoke a key at once. The key making the request cannot revoke itself (that would lock the organizer out mid-task). */
export async function revokeSecretKey(q: Queryable, admin: AdminContext, id: string): Promise<SecretKeyInfo> {
  if (id === admin.keyId) throw validationError({ id: "This is the key you are using. Sign in with another key to revoke it." });
  const rows = await q.query<KeyRow>(
    "update secret_keys set revoked_at = coalesce(revoked_at, now()) where id::text = $1 and organization_id = $2 returning id, prefix, scope, created_at, revoked_at",
    [id, admin.organizationId],
  );
  if (!rows[0]) throw new ApiError("not_found");
  return toInfo(rows[0]);
}
