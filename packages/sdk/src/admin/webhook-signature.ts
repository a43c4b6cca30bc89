/**
 * Verify a Coalition Kit webhook on the receiving side (Node 20+, Deno, Workers, browsers):
 * `CK-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with the endpoint's
 * secret. Pass the raw body exactly as received (before JSON parsing). Rejects old timestamps so a
 * captured request cannot be replayed later.
 */
export async function verifyWebhookSignature(secret: string, header: string | null | undefined, rawBody: string, options: { toleranceSeconds?: number; now?: number } = {}): Promise<boolean> {
  const t = /(?:^|,)t=(\d+)/.exec(header ?? "")?.[1];
  const v1 = /(?:^|,)v1=([0-9a-f]{64})/.exec(header ?? "")?.[1];
  if (!t || !v1) return false;
  const now = options.now ?? Date.now() / 1000;
  if (Math.abs(now - Number(t)) > (options.toleranceSeconds ?? 300)) return false;
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  const signature = new Uint8Array(v1.match(/../g)!.map((byte) => Number.parseInt(byte, 16)));
  // subtle.verify compares in constant time.
  return crypto.subtle.verify("HMAC", key, signature, encoder.encode(`${t}.${rawBody}`));
}
