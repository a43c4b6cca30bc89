import type { Context } from "hono";
import type { Db } from "../db/types.js";
import { validIdempotencyKey } from "../services/idempotency.js";
import { enforceRateLimit, ipBucket } from "../services/rate-limit.js";
import { readBody } from "./body.js";
import { clientIp } from "./client-ip.js";
import { ApiError } from "./errors.js";
import { resolvePartner, type PartnerContext } from "./partner.js";

/** Limits every public write shares: per-IP rate, body size, and whether to trust X-Forwarded-For. */
export interface WriteOptions {
  signaturesPerMinute: number;
  maxBodyBytes: number;
  trustProxy: boolean;
}

const keyOf = (c: Context) => c.req.header("x-partner-key") ?? c.req.query("key");

/** Reads may name a partner (then its key and Origin must check out); without a key they are public. */
export async function optionalPartner(db: Db, c: Context): Promise<PartnerContext | undefined> {
  const key = keyOf(c);
  return key === undefined ? undefined : resolvePartner(db, key, c.req.header("origin"));
}

/**
 * The gate every JSON write from a partner page goes through: a JSON object body, a valid partner
 * key from an allowed Origin, a well-formed Idempotency-Key, and the per-IP rate limit for `scope`.
 */
export async function acceptPartnerWrite(
  db: Db,
  c: Context,
  options: WriteOptions,
  scope: string,
  maxBodyBytes = options.maxBodyBytes,
): Promise<{ data: Record<string, unknown>; partner: PartnerContext; idempotencyKey: string | undefined }> {
  const body = await readBody(c, maxBodyBytes);
  if (body.format !== "json") throw new ApiError("unsupported_media_type");
  const partner = await resolvePartner(db, keyOf(c), c.req.header("origin"));
  const idempotencyKey = validIdempotencyKey(c.req.header("idempotency-key"));
  await enforceRateLimit(db, await ipBucket(db, scope, clientIp(c, options.trustProxy)), options.signaturesPerMinute);
  return { data: body.data, partner, idempotencyKey };
}

/** Answer a write, marking replays of an Idempotency-Key. */
export function replyWritten(c: Context, outcome: { status: number; body: unknown; replayed: boolean }): Response {
  if (outcome.replayed) c.header("Idempotent-Replayed", "true");
  return c.json(outcome.body as object, outcome.status as 200 | 201);
}
