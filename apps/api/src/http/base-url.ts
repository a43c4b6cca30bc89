import type { Context } from "hono";

/** The API's public address for links it hands out (CK_PUBLIC_URL behind a proxy, else the request's origin). */
export function publicBaseUrl(c: Context): string {
  return (process.env.CK_PUBLIC_URL ?? new URL(c.req.url).origin).replace(/\/+$/, "");
}
