import type { Context } from "hono";
import type { Db } from "../db/types.js";
import { validIdempotencyKey } from "../services/platform/idempotency.js";
import { countRateLimits, enforceRateLimits, ipBucket, type Clock } from "../services/platform/rate-limit.js";
import { challengeRequired, newWriteChallenge, takeSolution } from "../services/platform/write-challenges.js";
import { readBody, type ParsedBody } from "./body.js";
import { clientIp } from "./client-ip.js";
import { ApiError } from "../services/errors.js";
import { resolvePartner, type PartnerContext } from "../services/partners/partner-lookup.js";
import type { PartnerWriter } from "../services/partners/partner-writer.js";
import { publicBaseUrl } from "./base-url.js";
import { CHALLENGE_HEADER, IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, PARTNER_KEY_HEADER, PARTNER_KEY_PARAM, pickLocale } from "@coalition-kit/schema";

/** Limits every public write shares: per-IP and per-key rates, body size, and how many proxy hops to trust. */
export interface WriteOptions {
  /** Writes per minute from one address, per action, with nothing asked (CK_SIGNATURES_PER_MINUTE). */
  signaturesPerMinute: number;
  /** Writes per minute from one address, per action, that solved a challenge; past it, 429 (CK_CHALLENGED_WRITES_PER_MINUTE). */
  challengedWritesPerMinute: number;
  /** The counter a challenge's solver must reach, at most: its cost in hashes (CK_CHALLENGE_WORK). */
  challengeWork: number;
  keyWritesPerMinute: number;
  maxBodyBytes: number;
  trustedProxies: number;
  /** The clock for rate-limit windows and challenge lifetimes (tests freeze it). */
  clock?: Clock;
}

/**
 * The rate limits on a partner write: per IP address for this action (`scope`), and per partner
 * key across every address (a key copied to a script on many machines is still limited).
 * Past the address's rate, a write gets `challenge_required` with a proof-of-work challenge
 * instead of a refusal; a write that sends a solution counts against the address's far higher
 * challenged rate, and only past that is it refused (429 rate_limited).
 */
export async function enforceWriteLimits(db: Db, c: Context, options: WriteOptions, scope: string, partner: PartnerContext): Promise<void> {
  const now = options.clock?.() ?? new Date();
  const bucket = await ipBucket(db, scope, clientIp(c, options.trustedProxies));
  const key = { bucket: `key:${partner.id}`, limit: options.keyWritesPerMinute };
  const solution = c.req.header(CHALLENGE_HEADER);
  if (solution && (await takeSolution(db, solution, bucket, now))) {
    await enforceRateLimits(db, { bucket: `${bucket}:solved`, limit: options.challengedWritesPerMinute }, key, options.clock);
    return;
  }
  const count = await countRateLimits(db, { bucket, limit: options.signaturesPerMinute }, key, options.clock);
  if (count.firstSpent) throw challengeRequired(await newWriteChallenge(db, bucket, options.challengeWork, now), count.retry);
  if (count.secondSpent) throw new ApiError("rate_limited", { headers: { "Retry-After": String(count.retry) } });
}

const keyOf = (c: Context) => c.req.header(PARTNER_KEY_HEADER) ?? c.req.query(PARTNER_KEY_PARAM);

/** Reads may name a partner (then its key and Origin must check out); without a key they are public. */
export async function optionalPartner(db: Db, c: Context): Promise<PartnerContext | undefined> {
  const key = keyOf(c);
  return key === undefined ? undefined : resolvePartner(db, key, c.req.header("origin"));
}

/** Fields only the no-JS form sends (in place of headers); they are not part of the write itself. */
const FORM_CONTROL_FIELDS = ["partner_key", "idempotency_key", "return_to"] as const;
export type FormControls = Partial<Record<(typeof FORM_CONTROL_FIELDS)[number], string>>;

/** Take the no-JS form's control fields out of the body (they must not reach the schema). */
function takeFormControls(data: Record<string, unknown>): FormControls {
  const out: FormControls = {};
  for (const name of FORM_CONTROL_FIELDS) {
    const value = data[name];
    if (typeof value === "string" && value !== "") out[name] = value;
    delete data[name];
  }
  return out;
}

/** An accepted partner write: its fields, the partner, its Idempotency-Key, and (form posts only) the form's control fields. */
export interface PartnerWrite {
  data: Record<string, unknown>;
  /** The partner, Idempotency-Key, language and public address the service answers with. */
  writer: PartnerWriter;
  form: FormControls | undefined;
}

/**
 * The partner gate on a body already read: a valid partner key from an allowed Origin, a
 * well-formed Idempotency-Key and the rate limits for `scope`. A form body (the no-JS fallback)
 * may carry the key and Idempotency-Key as the fields partner_key and idempotency_key; headers win.
 */
export async function admitPartnerWrite(db: Db, c: Context, options: WriteOptions, scope: string, body: ParsedBody): Promise<PartnerWrite> {
  const form = body.format === "form" ? takeFormControls(body.data) : undefined;
  const partner = await resolvePartner(db, form?.partner_key ?? keyOf(c), c.req.header("origin"));
  const idempotencyKey = validIdempotencyKey(c.req.header(IDEMPOTENCY_KEY_HEADER) ?? form?.idempotency_key);
  await enforceWriteLimits(db, c, options, scope, partner);
  return { data: body.data, writer: { partner, idempotencyKey, locale: pickLocale(c.req.header("accept-language")), baseUrl: publicBaseUrl(c) }, form };
}

/**
 * The gate every JSON write from a partner page goes through: a JSON object body, a valid partner
 * key from an allowed Origin, a well-formed Idempotency-Key, and the per-IP rate limit for `scope`.
 */
export async function acceptPartnerWrite(db: Db, c: Context, options: WriteOptions, scope: string, maxBodyBytes = options.maxBodyBytes): Promise<PartnerWrite> {
  const body = await readBody(c, maxBodyBytes);
  if (body.format !== "json") throw new ApiError("unsupported_media_type");
  return admitPartnerWrite(db, c, options, scope, body);
}

/** Answer a write, marking replays of an Idempotency-Key. */
export function replyWritten(c: Context, outcome: { status: number; body: unknown; replayed: boolean }): Response {
  if (outcome.replayed) c.header(IDEMPOTENT_REPLAYED_HEADER, "true");
  return c.json(outcome.body as object, outcome.status as 200 | 201);
}
