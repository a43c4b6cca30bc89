import type { Context } from "hono";
import type { Db } from "../db/types.js";
import { enforceRateLimit, ipBucket, type Clock } from "../services/platform/rate-limit.js";
import { clientIp } from "./client-ip.js";

/**
 * The pages emailed links open, each a signed token in its address or form: confirm a signature,
 * a guardian's answer, withdraw a consent or a story, unsubscribe, cancel a registration, manage
 * an RSVP. One budget per address covers them all, so tokens cannot be tried at speed.
 */
export const SIGNED_LINK_PATHS = [
  "/v1/signatures/confirm",
  "/v1/signatures/guardian",
  "/v1/consents/withdraw",
  "/v1/messages/unsubscribe",
  "/v1/stories/guardian",
  "/v1/stories/withdraw",
  "/v1/registrations/cancel",
  "/v1/meeting-rsvps/manage",
] as const;

export interface LinkLimits {
  /** Requests per minute from one address, to all the link pages together. */
  perMinute: number;
  trustedProxies: number;
  clock?: Clock;
}

/** Middleware counting a link page request against its address's budget (429 + Retry-After past it). */
export function signedLinkLimit(db: Db, limits: LinkLimits) {
  return async (c: Context, next: () => Promise<void>) => {
    await enforceRateLimit(db, await ipBucket(db, "signed-link", clientIp(c, limits.trustedProxies)), limits.perMinute, limits.clock);
    await next();
  };
}
