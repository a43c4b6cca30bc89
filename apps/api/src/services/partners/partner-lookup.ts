import type { Queryable } from "../../db/types.js";
import { ApiError } from "../errors.js";
import { PARTNER_KEY_PATTERN, RETIRED_KEY_MESSAGE } from "@coalition-kit/schema";

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
 * process (pausing a partner, new origins, a rotated key) applies at once; other replicas see it
 * within the same few seconds, as they do for CORS. A replaced key's entry never outlives its
 * overlap: it is remembered only until the key retires.
 */
export const PARTNER_CACHE_MS = 5_000;

/** What a key names: an active partner, a partner whose key it was (retired), or nothing. */
interface KeyLookup {
  partner: PartnerContext | undefined;
  retired: boolean;
}
const remembered = new WeakMap<Queryable, Map<string, KeyLookup & { until: number; generation: number }>>();
let generation = 0;

/** Forget every remembered partner (after an organizer changes one). */
export function partnersChanged(): void {
  generation += 1;
}

/** How many times partners were forgotten: a cache of partner facts made at another number is stale. */
export function partnersGeneration(): number {
  return generation;
}

async function partnerByKey(db: Queryable, key: string): Promise<KeyLookup> {
  let cache = remembered.get(db);
  if (!cache) remembered.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.generation === generation && hit.until > Date.now()) return hit;
  const { retiresAt, ...found } = await lookupPartner(db, key);
  if (cache.size > 10_000) cache.clear();
  cache.set(key, { ...found, until: Math.min(Date.now() + PARTNER_CACHE_MS, retiresAt ?? Infinity), generation });
  return found;
}

/**
 * Resolve a publishable key and check the request's Origin against the partner's allowed origins.
 * Requests without an Origin (server-side use of the SDK) are allowed; browsers always send one.
 * A key replaced by a rotation works (with the same origins) until its overlap ends, then answers
 * invalid_key with RETIRED_KEY_MESSAGE, so the partner knows to switch rather than hunt for a typo.
 */
export async function resolvePartner(db: Queryable, key: string | undefined, origin: string | undefined): Promise<PartnerContext> {
  if (!key || !KEY_SHAPE.test(key)) throw new ApiError("invalid_key");
  const { partner, retired } = await partnerByKey(db, key);
  if (retired) throw new ApiError("invalid_key", { message: RETIRED_KEY_MESSAGE });
  if (!partner) throw new ApiError("invalid_key");
  if (origin !== undefined && !partner.allowedOrigins.includes(origin)) throw new ApiError("origin_not_allowed");
  return partner;
}

/** The partner for a current key, or for a replaced one (usable until its overlap ends, by the database's clock). */
async function lookupPartner(db: Queryable, key: string): Promise<KeyLookup & { retiresAt: number | undefined }> {
  const rows = await db.query<PartnerContext & { current: boolean; usable: boolean; expiresAt: Date | string | null }>(
    `select pa.id, pa.coalition_id as "coalitionId", pa.organization_id as "organizationId", o.slug, o.name, o.website,
            pa.allowed_origins as "allowedOrigins", pa.publishable_key = $1 as current,
            (pa.publishable_key = $1 or pa.previous_key_expires_at > now()) as usable, pa.previous_key_expires_at as "expiresAt"
       from partners pa join organizations o on o.id = pa.organization_id
      where (pa.publishable_key = $1 or pa.previous_key = $1) and pa.active`,
    [key],
  );
  const row = rows[0];
  if (!row) return { partner: undefined, retired: false, retiresAt: undefined };
  const { current, usable, expiresAt, ...partner } = row;
  if (!usable) return { partner: undefined, retired: true, retiresAt: undefined };
  return { partner, retired: false, retiresAt: current || !expiresAt ? undefined : new Date(expiresAt).getTime() };
}

/** Whether any active partner lists this origin (used to answer CORS preflights). */
export async function isKnownOrigin(db: Queryable, origin: string): Promise<boolean> {
  const rows = await db.query("select 1 from partners where active and $1 = any(allowed_origins) limit 1", [origin]);
  return rows.length > 0;
}
