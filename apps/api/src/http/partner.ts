import type { Queryable } from "../db/types.js";
import { ApiError } from "./errors.js";

export interface PartnerContext {
  id: string;
  coalitionId: string;
  organizationId: string;
  slug: string;
  name: string;
  website: string | null;
  allowedOrigins: string[];
}

const KEY_SHAPE = /^pk_[A-Za-z0-9_]{4,120}$/;

/**
 * Resolve a publishable key and check the request's Origin against the partner's allowed origins.
 * Requests without an Origin (server-side use of the SDK) are allowed; browsers always send one.
 */
export async function resolvePartner(db: Queryable, key: string | undefined, origin: string | undefined): Promise<PartnerContext> {
  if (!key || !KEY_SHAPE.test(key)) throw new ApiError("invalid_key");
  const rows = await db.query<PartnerContext>(
    `select pa.id, pa.coalition_id as "coalitionId", pa.organization_id as "organizationId", o.slug, o.name, o.website,
            pa.allowed_origins as "allowedOrigins"
       from partners pa join organizations o on o.id = pa.organization_id
      where pa.publishable_key = $1 and pa.active`,
    [key],
  );
  const partner = rows[0];
  if (!partner) throw new ApiError("invalid_key");
  if (origin !== undefined && !partner.allowedOrigins.includes(origin)) throw new ApiError("origin_not_allowed");
  return partner;
}

/** Whether any active partner lists this origin (used to answer CORS preflights). */
export async function isKnownOrigin(db: Queryable, origin: string): Promise<boolean> {
  const rows = await db.query("select 1 from partners where active and $1 = any(allowed_origins) limit 1", [origin]);
  return rows.length > 0;
}
