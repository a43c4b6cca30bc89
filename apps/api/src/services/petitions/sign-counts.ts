// The counts a signer sees in the answer to their signature. sign_petition answers them lean (the
// petition's count per partner id, one index range of petition_counts); here they get the
// partners' slugs and names, with every active partner of the coalition shown (0 where none
// signed through it yet) and paused partners' signatures counted in the total only, exactly as
// petitionStats (petition-queries.ts) reads them for page views. Leaving the joins with partners
// and organizations to this process took about a tenth of sign_petition's database time.
import type { Queryable } from "../../db/types.js";
import { PARTNER_CACHE_MS, partnersGeneration } from "../partners/partner-lookup.js";

/** A partner as the counts name it. */
interface Named {
  slug: string;
  name: string;
}

/** The active partners of each coalition, remembered as partners by key are (same lifetime, forgotten together). */
const directories = new WeakMap<Queryable, Map<string, { partners: Map<string, Named>; until: number; generation: number }>>();

/** A coalition's active partners by id: read at most every PARTNER_CACHE_MS, and again after any partner change here. */
export async function activePartners(db: Queryable, coalitionId: string): Promise<Map<string, Named>> {
  let cache = directories.get(db);
  if (!cache) directories.set(db, (cache = new Map()));
  const hit = cache.get(coalitionId);
  const generation = partnersGeneration();
  if (hit && hit.generation === generation && hit.until > Date.now()) return hit.partners;
  const rows = await db.query<{ id: string; slug: string; name: string }>(
    `select pa.id, o.slug, o.name from partners pa join organizations o on o.id = pa.organization_id
      where pa.coalition_id = $1 and pa.active`,
    [coalitionId],
  );
  const partners = new Map(rows.map((r) => [r.id, { slug: r.slug, name: r.name }]));
  if (cache.size > 1_000) cache.clear();
  cache.set(coalitionId, { partners, until: Date.now() + PARTNER_CACHE_MS, generation });
  return partners;
}

/** Per-partner counts (by partner id) as the widget shows them: each active partner named, in no particular order. */
export function namedCounts(active: Map<string, Named>, byPartner: Record<string, number>): Array<Named & { count: number }> {
  return [...active].map(([id, partner]) => ({ slug: partner.slug, name: partner.name, count: byPartner[id] ?? 0 }));
}
