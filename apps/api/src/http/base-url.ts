import type { Context } from "hono";
import { envConfig } from "../config.js";

/** The API's public address for links it hands out (CK_PUBLIC_URL behind a proxy, else the request's origin). */
export function publicBaseUrl(c: Context): string {
  return (envConfig().publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, "");
}
