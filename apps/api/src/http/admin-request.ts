import type { Context } from "hono";
import type { Db, Queryable } from "../db/types.js";
import { authenticateSecretKey, type AdminContext } from "../services/keys/secret-keys.js";
import { idempotentWrite, requestHash, validIdempotencyKey } from "../services/platform/idempotency.js";
import { enforceRateLimit, ipBucket, refuseIfSpent, type Clock } from "../services/platform/rate-limit.js";
import { readBody, readLimited } from "./body.js";
import { clientIp } from "./client-ip.js";
import { ApiError } from "../services/errors.js";
import { replyWritten } from "./partner-request.js";
import { IDEMPOTENCY_KEY_HEADER } from "@coalition-kit/schema";

/**
 * The admin API's limits: how many failed secret keys one address may try per minute, and how
 * many requests one secret key may make per minute, before either is refused (429).
 */
export interface AdminAuthLimits {
  failuresPerMinute: number;
  requestsPerMinute: number;
  trustedProxies: number;
  clock?: Clock;
}

/** Set on /v1/admin/* by the app, so requireAdmin knows its limits. */
export function adminAuthLimits(limits: AdminAuthLimits) {
  return async (c: Context, next: () => Promise<void>) => {
    c.set("ckAdminAuth" as never, limits as never);
    await next();
  };
}

/** Methods a read-only key may use: reads and exports. */
const READ_METHODS = new Set(["GET", "HEAD"]);

/**
 * An organizer request: a valid secret key; admin answers are never cached. Wrong keys are
 * counted per address: past the limit, that address is refused for the rest of the minute, even
 * with a right key, so keys cannot be guessed at speed. Each key has its own budget per minute
 * (a runaway script cannot crowd out the console), and a read-only key is refused every write.
 */
export async function requireAdmin(db: Db, c: Context, options: { coalitionOnly?: boolean } = {}): Promise<AdminContext> {
  c.header("Cache-Control", "no-store");
  const limits = c.get("ckAdminAuth" as never) as AdminAuthLimits | undefined;
  const bucket = limits ? await ipBucket(db, "admin-auth-failed", clientIp(c, limits.trustedProxies)) : undefined;
  if (bucket) await refuseIfSpent(db, bucket, limits!.failuresPerMinute, limits!.clock);
  let admin: AdminContext;
  try {
    admin = await authenticateSecretKey(db, c.req.header("authorization"));
  } catch (error) {
    if (bucket && c.req.header("authorization") && error instanceof ApiError && error.code === "unauthorized") await enforceRateLimit(db, bucket, limits!.failuresPerMinute, limits!.clock);
    throw error;
  }
  if (limits) await enforceRateLimit(db, `admin-key:${admin.keyId}`, limits.requestsPerMinute, limits.clock);
  if (options.coalitionOnly && admin.kind !== "coalition") throw new ApiError("not_found");
  if (admin.scope === "read_only" && !READ_METHODS.has(c.req.method)) throw new ApiError("read_only_key");
  return admin;
}

/** What an organizer write needs: a coalition's key, a JSON body (default yes), an Idempotency-Key (default optional). */
export interface AdminWriteOptions {
  coalitionOnly?: boolean;
  /** "optional": a request without a Content-Type sends no fields (`{}`); "csv": a text/csv body, as `{ csv }`. */
  body?: boolean | "optional" | "csv";
  /** Refuse the write without an Idempotency-Key (writes that email people). */
  requireKey?: boolean;
}

/** An organizer write: the key, a JSON object body and a well-formed Idempotency-Key. */
export async function acceptAdminWrite(
  db: Db,
  c: Context,
  maxBodyBytes: number,
  options: AdminWriteOptions = {},
): Promise<{ admin: AdminContext; data: Record<string, unknown>; idempotencyKey: string | undefined }> {
  const admin = await requireAdmin(db, c, options);
  let data: Record<string, unknown> = {};
  if (options.body === "csv") {
    const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (type !== "text/csv") throw new ApiError("unsupported_media_type");
    if (Number(c.req.header("content-length") ?? 0) > maxBodyBytes) throw new ApiError("payload_too_large");
    data = { csv: await readLimited(c.req.raw, maxBodyBytes) };
  } else if (options.body !== false && !(options.body === "optional" && !c.req.header("content-type"))) {
    const body = await readBody(c, maxBodyBytes);
    if (body.format !== "json") throw new ApiError("unsupported_media_type");
    data = body.data;
  }
  return { admin, data, idempotencyKey: validIdempotencyKey(c.req.header(IDEMPOTENCY_KEY_HEADER), options.requireKey) };
}

type AdminWork = (q: Queryable, admin: AdminContext, data: Record<string, unknown>) => Promise<{ status: number; body: unknown }>;

/**
 * The whole of an organizer write: accept it, run `work` once per Idempotency-Key in one
 * transaction (a replay gets the stored answer), and reply. `route` names the operation in the
 * request hash, so one key cannot be reused for a different write.
 */
export function adminWriter(db: Db, maxBodyBytes: number) {
  return async (c: Context, route: string, options: AdminWriteOptions, work: AdminWork): Promise<Response> => {
    const { admin, data, idempotencyKey } = await acceptAdminWrite(db, c, maxBodyBytes, options);
    const scope = { secretKeyId: admin.keyId, key: idempotencyKey, hash: requestHash(route, data) };
    return replyWritten(c, await idempotentWrite(db, scope, (q) => work(q, admin, data)));
  };
}
