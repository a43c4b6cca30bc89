import type { MiddlewareHandler } from "hono";
import type { Db } from "../db/types.js";
import { isKnownOrigin } from "./partner.js";

const ALLOW_HEADERS = "Content-Type, X-Partner-Key, Idempotency-Key, Authorization, Accept-Language";
const EXPOSE_HEADERS = "Retry-After, Idempotent-Replayed";

/**
 * CORS for the public API: an Origin gets CORS headers only if some active partner lists it.
 * Which partner key may be used from which origin is checked per request in resolvePartner.
 */
export function partnerCors(db: Db): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header("origin");
    const known = origin !== undefined && (await isKnownOrigin(db, origin));
    if (c.req.method === "OPTIONS") {
      if (!known) return c.body(null, 403, { Vary: "Origin" });
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
    if (known) {
      c.res.headers.set("Access-Control-Allow-Origin", origin);
      c.res.headers.set("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    }
  };
}
