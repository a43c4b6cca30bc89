import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";

/**
 * The caller's IP. Behind `trustedProxies` proxies of your own, each of which appends the address
 * it saw to X-Forwarded-For, the caller is the entry that many places from the right: whatever a
 * client wrote at the left of the header itself is ignored. Otherwise the socket's address.
 */
export function clientIp(c: Context, trustedProxies: number): string {
  if (trustedProxies > 0) {
    const hops = (c.req.header("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
    const caller = hops[hops.length - trustedProxies];
    if (caller) return caller;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}
