import type { MiddlewareHandler } from "hono";
import type { Db } from "../db/types.js";
import { isKnownOrigin } from "../services/partners/partner-lookup.js";
import { CHALLENGE_HEADER, IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, PARTNER_KEY_HEADER } from "@coalition-kit/schema";

const ALLOW_HEADERS = `Content-Type, ${PARTNER_KEY_HEADER}, ${IDEMPOTENCY_KEY_HEADER}, ${CHALLENGE_HEADER}, Authorization, Accept-Language`;
const EXPOSE_HEADERS = `Retry-After, ${IDEMPOTENT_REPLAYED_HEADER}`;

/**
 * CORS for the public API: an Origin gets CORS headers only if some active partner lists it, and
 * never on /v1/admin/*.
 * Which partner key may be used from which origin is checked per request in resolvePartner.
 */
export function partnerCors(db: Db): MiddlewareHandler {
  // Remembered for 5 seconds per origin: CORS only lets a page read answers; every write still
  // checks its key against the partner's origins (resolvePartner), so a paused partner stays shut.
  const remembered = new Map<string, { known: boolean; until: number }>();
  const known = async (origin: string) => {
    const hit = remembered.get(origin);
    if (hit && hit.until > Date.now()) return hit.known;
    const value = await isKnownOrigin(db, origin);
    if (remembered.size > 1000) remembered.clear();
    remembered.set(origin, { known: value, until: Date.now() + 5000 });
    return value;
  };
  return async (c, next) => {
    const origin = c.req.header("origin");
    // The admin API is for servers and the console (same origin): no partner page may call it.
    const admin = c.req.path === "/v1/admin" || c.req.path.startsWith("/v1/admin/");
    const allowed = origin !== undefined && !admin && (await known(origin));
    if (c.req.method === "OPTIONS") {
      if (!allowed) return c.body(null, 403, { Vary: "Origin" });
      return c.body(null, 204, {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
        "Access-Control-Allow-Headers": ALLOW_HEADERS,
        "Access-Control-Max-Age": "600",
        Vary: "Origin",
      });
    }
    await next();
    c.res.headers.append("Vary", "Origin");
    if (allowed) {
      c.res.headers.set("Access-Control-Allow-Origin", origin);
      c.res.headers.set("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    }
  };
}
