import { PARTNER_KEY_PARAM } from "@coalition-kit/schema/rules";

/**
 * `path` with the partner key as a query parameter. Reads carry the key this way instead of the
 * X-Partner-Key header: a GET with no custom header needs no CORS preflight (one round trip
 * fewer before a widget renders), and a shared cache keys the answer by its URL.
 */
export function withPartnerKey(path: string, partnerKey: string | undefined): string {
  if (!partnerKey) return path;
  return `${path}${path.includes("?") ? "&" : "?"}${PARTNER_KEY_PARAM}=${encodeURIComponent(partnerKey)}`;
}

/**
 * Reads an embed loader started while the widget code was still downloading, shared through one
 * global registry: `"<language> <url>"` → { at, response }, each taken once and only within 10
 * seconds. The loader (packages/widgets/scripts/embed-loader.mjs) writes entries with this key.
 */
export function takePrefetched(url: string, locale: string | undefined): Promise<Response> | undefined {
  const registry = (globalThis as Record<symbol, Map<string, { at: number; response: Promise<Response> }> | undefined>)[Symbol.for("coalition-kit.prefetch")];
  const key = `${locale ?? ""} ${url}`;
  const hit = registry?.get(key);
  registry?.delete(key);
  return hit && Date.now() - hit.at < 10_000 ? hit.response : undefined;
}
