import { createHmac, randomBytes } from "node:crypto";
import { WEBHOOK_SECRET_PREFIX } from "@coalition-kit/schema";

/**
 * Signing by the Standard Webhooks spec (https://www.standardwebhooks.com): `webhook-id`,
 * `webhook-timestamp` and `webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`,
 * keyed with the bytes a `whsec_` secret carries in base64. Endpoints made before the standard
 * ("raw" secrets) are keyed with the secret's own text, which their receivers already hold.
 */
export type SecretFormat = "standard" | "raw";

/** A new endpoint secret: `whsec_` + base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString("base64")}`;
}

/** The HMAC key of a stored secret. */
export function signingKey(secret: string, format: SecretFormat): Buffer {
  if (format === "raw") return Buffer.from(secret, "utf8");
  return Buffer.from(secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret, "base64");
}

/** `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`. */
export function standardSignature(key: Buffer, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

/**
 * Deprecated, sent alongside during the move to the standard headers:
 * `CK-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` keyed with the secret's text
 * (one `v1=` per secret while a rotation's overlap lasts).
 */
export function legacySignatureHeader(secrets: readonly string[], body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return [`t=${timestamp}`, ...secrets.map((secret) => `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`)].join(",");
}

/** A secret that signs deliveries, and how its key is read. */
export interface SigningSecret {
  secret: string;
  format: SecretFormat;
}

/**
 * Every header that signs one delivery of event `id`: the standard three, and the deprecated CK-
 * ones. With several secrets (the current one first, then one a rotation replaced, during its
 * overlap) each adds its signature, space-separated as the standard lists them.
 */
export function signedHeaders(secrets: readonly SigningSecret[], id: string, type: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": secrets.map((s) => standardSignature(signingKey(s.secret, s.format), id, timestamp, body)).join(" "),
    "CK-Event-Id": id,
    "CK-Event-Type": type,
    "CK-Signature": legacySignatureHeader(secrets.map((s) => s.secret), body, timestamp),
  };
}
