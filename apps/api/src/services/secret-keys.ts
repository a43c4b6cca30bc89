import { createHash, randomBytes } from "node:crypto";
import type { Queryable } from "../db/types.js";
import { ApiError } from "../http/errors.js";

export interface SecretKeyContext {
  keyId: string;
  organizationId: string;
}

const hash = (key: string) => createHash("sha256").update(key).digest("hex");

/** Create a secret key for an organization. The key is returned once; only its SHA-256 is stored. */
export async function createSecretKey(db: Queryable, organizationSlug: string): Promise<{ id: string; key: string }> {
  const key = `sk_${randomBytes(24).toString("base64url")}`;
  const rows = await db.query<{ id: string }>(
    `insert into secret_keys (organization_id, prefix, key_hash)
     select id, $2, $3 from organizations where slug = $1
     returning id`,
    [organizationSlug, key.slice(0, 7), hash(key)],
  );
  if (!rows[0]) throw new Error(`no organization with slug ${organizationSlug}`);
  return { id: rows[0].id, key };
}

/** The organization behind `Authorization: Bearer sk_...`, or 401. */
export async function authenticateSecretKey(db: Queryable, authorization: string | undefined): Promise<SecretKeyContext> {
  const key = /^Bearer (sk_[A-Za-z0-9_-]{20,80})$/.exec(authorization ?? "")?.[1];
  if (!key) throw new ApiError("unauthorized");
  const rows = await db.query<SecretKeyContext>(
    `select id as "keyId", organization_id as "organizationId" from secret_keys where key_hash = $1 and revoked_at is null`,
    [hash(key)],
  );
  if (!rows[0]) throw new ApiError("unauthorized");
  return rows[0];
}
