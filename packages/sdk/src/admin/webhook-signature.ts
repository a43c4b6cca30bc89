/**
 * Verify a Coalition Kit webhook on the receiving side (Node 20+, Deno, Workers, browsers), by the
 * Standard Webhooks spec (https://www.standardwebhooks.com): `webhook-signature` holds one or more
 * space-separated `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>">`, keyed
 * with the bytes of the `whsec_` secret (base64 after the prefix). Pass the raw body exactly as
 * received (before JSON parsing) and the request's headers (a `Headers` or a plain record, such as
 * Node's `req.headers`). A timestamp more than `toleranceSeconds` (300) away is refused, so a
 * captured request cannot be replayed later.
 *
 * Secrets of endpoints made before the standard headers are keyed with their own text: pass
 * `{ secretFormat: "raw" }` for them (as `new Webhook(secret, { format: "raw" })` in the
 * `standardwebhooks` library). The deprecated form, `verifyWebhookSignature(secret,
 * headers.get("ck-signature"), rawBody)` with the `CK-Signature` header as a string, still works.
 */
export async function verifyWebhookSignature(
  secret: string,
  headers: WebhookHeaders | string | null | undefined,
  rawBody: string,
  options: VerifyWebhookOptions = {},
): Promise<boolean> {
  if (typeof headers === "string" || headers == null) return verifyLegacySignature(secret, headers, rawBody, options);
  const id = header(headers, "webhook-id");
  const timestamp = header(headers, "webhook-timestamp");
  const signatures = header(headers, "webhook-signature");
  if (!id || !timestamp || !/^\d+$/.test(timestamp) || !signatures) return false;
  if (!withinTolerance(Number(timestamp), options)) return false;
  const keyBytes: Uint8Array<ArrayBuffer> | undefined = options.secretFormat === "raw" ? encoder.encode(secret) : base64Bytes(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret);
  if (!keyBytes?.length) return false;
  const key = await crypto.subtle.importKey("raw", keyBytes, { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  const signed = encoder.encode(`${id}.${timestamp}.${rawBody}`);
  // Several signatures (during a key rotation): any one that matches will do.
  for (const entry of signatures.split(" ")) {
    const [version, value] = entry.split(",", 2);
    const signature = version === "v1" && value ? base64Bytes(value) : undefined;
    // subtle.verify compares in constant time.
    if (signature?.length === 32 && (await crypto.subtle.verify("HMAC", key, signature, signed))) return true;
  }
  return false;
}

/** Request headers: a `Headers` object, or a plain record with lower-case names (Node's `req.headers`). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface VerifyWebhookOptions {
  /** Seconds the timestamp may be away from now (default 300). */
  toleranceSeconds?: number;
  /** Now, in Unix seconds (for tests). */
  now?: number;
  /** "raw" for a secret from before the standard headers (its text is the key); default "standard". */
  secretFormat?: "standard" | "raw";
}

const PREFIX = "whsec_";
const encoder = new TextEncoder();

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value.join(" ") : value;
}

function withinTolerance(timestamp: number, options: VerifyWebhookOptions): boolean {
  const now = options.now ?? Date.now() / 1000;
  return Math.abs(now - timestamp) <= (options.toleranceSeconds ?? 300);
}

/** Standard base64 to bytes, or undefined when it is not base64. */
function base64Bytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/**
 * Deprecated: `CK-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with
 * the secret's text; during a secret rotation's overlap it holds one `v1=` per secret.
 */
async function verifyLegacySignature(secret: string, header: string | null | undefined, rawBody: string, options: VerifyWebhookOptions): Promise<boolean> {
  const t = /(?:^|,)t=(\d+)/.exec(header ?? "")?.[1];
  const signatures = [...(header ?? "").matchAll(/(?:^|,)v1=([0-9a-f]{64})/g)].map((m) => m[1]!);
  if (!t || signatures.length === 0 || !withinTolerance(Number(t), options)) return false;
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  const signed = encoder.encode(`${t}.${rawBody}`);
  for (const v1 of signatures) {
    const signature = new Uint8Array(v1.match(/../g)!.map((byte) => Number.parseInt(byte, 16)));
    if (await crypto.subtle.verify("HMAC", key, signature, signed)) return true;
  }
  return false;
}
