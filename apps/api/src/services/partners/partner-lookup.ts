import type { Queryable } from "../../db/types.js";
import { ApiError } from "../errors.js";
import { PARTNER_KEY_PATTERN } from "@coalition-kit/schema";

/** The partner behind a publishable key: its organization, coalition and allowed origins. */
export interface PartnerContext {
  id: string;
  coalitionId: string;
  organizationId: string;
  slug: string;
  name: string;
  website: string | null;
  allowedOrigins: string[];
}

const KEY_SHAPE = PARTNER_KEY_PATTERN;

/**
 * Partners by key, remembered per database for PARTNER_CACHE_MS: every write and keyed read
 * needs one, and a round trip fewer per signature is measurable. A change made through this
 * process (pausing a partner, new origins) applies at once; other replicas see it within the
 * same few seconds, as they do for CORS.
 */
export const PARTNER_CACHE_MS = 5_000;
const remembered = new WeakMap<Queryable, Map<string, { partner: PartnerContext | undefined; until: number; generation: number }>>();
let generation = 0;

/** Forget every remembered partner (after an organizer changes one). */
export function partnersChanged(): void {
  generation += 1;
}

async function partnerByKey(db: Queryable, key: string): Promise<PartnerContext | undefined> {
  let cache = remembered.get(db);
  if (!cache) remembered.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.generation === generation && hit.until > Date.now()) return hit.partner;
  const partner = await lookupPartner(db, key);
  if (cache.size > 10_000) cache.clear();
  cache.set(key, { partner, until: Date.now() + PARTNER_CACHE_MS, generation });
  return partner;
}

/**
 * Resolve a publishable key and check the request's Origin against the partner's allowed origins.
 * Requests without an Origin (server-side use of the SDK) are allowed; browsers always send one.
 */
export async function resolvePartner(db: Queryable, key: string | undefined, origin: string | undefined): Promise<PartnerContext> {
  if (!key || !KEY_SHAPE.test(key)) throw new ApiError("invalid_key");
  const partner = await partnerByKey(db, key);
  if (!partner) throw new ApiError("invalid_key");
  if (origin !== undefined && !partner.allowedOrigins.includes(origin)) throw new ApiError("origin_not_allowed");
  return partner;
}

async function lookupPartner(db: Queryable, key: string): Promise<PartnerContext | undefined> {
  const rows = await db.query<PartnerContext>(
    `select pa.id, pa.coalition_id as "coalitionId", pa.organization_id as "organizationId", o.slug, o.name, o.website,
            pa.allowed_origins as "allowedOrigins"
       from partners pa join organizations o on o.id = pa.organization_id
      where pa.publishable_key = $1 and pa.active`,
    [key],
  );
  return rows[0];
}

/** Whether any active partner lists this origin (used to answer CORS preflights). */
export async function isKnownOrigin(db: Queryable, origin: string): Promise<boolean> {
  const rows = await db.query("select 1 from partners where active and $1 = any(allowed_origins) limit 1", [origin]);
  return rows.length > 0;
}
