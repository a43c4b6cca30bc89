import type { Context } from "hono";
import type { Db, Queryable } from "../db/types.js";
import { authenticateSecretKey, type AdminContext } from "../services/secret-keys.js";
import { idempotentWrite, requestHash, validIdempotencyKey } from "../services/idempotency.js";
import { readBody } from "./body.js";
import { ApiError } from "./errors.js";
import { replyWritten } from "./partner-request.js";

/** An organizer request: a valid secret key; admin answers are never cached. */
export async function requireAdmin(db: Db, c: Context, options: { coalitionOnly?: boolean } = {}): Promise<AdminContext> {
  const admin = await authenticateSecretKey(db, c.req.header("authorization"));
  c.header("Cache-Control", "no-store");
  if (options.coalitionOnly && admin.kind !== "coalition") throw new ApiError("not_found");
  return admin;
}

/** An organizer write: the key, a JSON object body and a well-formed Idempotency-Key. */
export async function acceptAdminWrite(
  db: Db,
  c: Context,
  maxBodyBytes: number,
  options: { coalitionOnly?: boolean; body?: boolean } = {},
): Promise<{ admin: AdminContext; data: Record<string, unknown>; idempotencyKey: string | undefined }> {
  const admin = await requireAdmin(db, c, options);
  let data: Record<string, unknown> = {};
  if (options.body !== false) {
    const body = await readBody(c, maxBodyBytes);
    if (body.format !== "json") throw new ApiError("unsupported_media_type");
    data = body.data;
  }
  return { admin, data, idempotencyKey: validIdempotencyKey(c.req.header("idempotency-key")) };
}

type AdminWork = (q: Queryable, admin: AdminContext, data: Record<string, unknown>) => Promise<{ status: number; body: unknown }>;

/**
 * The whole of an organizer write: accept it, run `work` once per Idempotency-Key in one
 * transaction (a replay gets the stored answer), and reply. `route` names the operation in the
 * request hash, so one key cannot be reused for a different write.
 */
export function adminWriter(db: Db, maxBodyBytes: number) {
  return async (c: Context, route: string, options: { coalitionOnly?: boolean; body?: boolean }, work: AdminWork): Promise<Response> => {
    const { admin, data, idempotencyKey } = await acceptAdminWrite(db, c, maxBodyBytes, options);
    const scope = { secretKeyId: admin.keyId, key: idempotencyKey, hash: requestHash(route, data) };
    return replyWritten(c, await idempotentWrite(db, scope, (q) => work(q, admin, data)));
  };
}
