import { createHash } from "node:crypto";
import type { Db, Queryable } from "../../db/types.js";
import { ApiError } from "../errors.js";

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** The shape of an Idempotency-Key. */
export const KEY_SHAPE = /^[\x21-\x7e]{8,200}$/;

/** The request's Idempotency-Key when well-formed; undefined when absent (unless `required`). */
export function validIdempotencyKey(key: string | undefined, required = false): string | undefined {
  if ((key === undefined || key === "") && !required) return undefined;
  if (key === undefined || !KEY_SHAPE.test(key)) throw new ApiError("validation_failed", { fields: { idempotencyKey: "Idempotency-Key must be 8 to 200 visible ASCII characters." } });
  return key;
}

/** Stable hash of a request body: keys sorted, so property order does not matter. */
export function requestHash(route: string, body: unknown): string {
  return createHash("sha256").update(route).update("\n").update(canonical(body)).digest("hex");
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}

/** Who a key belongs to: a partner (widget writes) or an organizer's secret key (admin writes). */
export type IdempotencyOwner = { partnerId: string } | { secretKeyId: string };

/** Hours a stored answer to a write is kept for replays; then it is deleted (it may hold personal links). */
export const IDEMPOTENCY_HOURS = 24;

/** Delete stored answers older than IDEMPOTENCY_HOURS (partner and admin writes). Time is injectable. Returns how many. */
export async function purgeIdempotencyReplies(db: Queryable, now = new Date()): Promise<number> {
  let purged = 0;
  for (const table of ["idempotency_keys", "admin_idempotency_keys"]) {
    purged += (await db.query(`delete from ${table} where created_at < $1::timestamptz - make_interval(hours => $2) returning 1`, [now.toISOString(), IDEMPOTENCY_HOURS])).length;
  }
  return purged;
}

/** The table and owner column for each kind of owner (fixed strings, never from input). */
function ownerSql(owner: IdempotencyOwner): { table: string; column: string; id: string } {
  return "partnerId" in owner
    ? { table: "idempotency_keys", column: "partner_id", id: owner.partnerId }
    : { table: "admin_idempotency_keys", column: "secret_key_id", id: owner.secretKeyId };
}

/**
 * Claim (owner, key) inside the caller's transaction. Returns the stored response when the key
 * was already used with the same request, throws idempotency_conflict when used with another one,
 * and returns undefined when the caller should do the work (and then call `remember`).
 * A concurrent request with the same key waits on the primary key until the first one commits.
 */
export async function claim(q: Queryable, owner: IdempotencyOwner, key: string, hash: string): Promise<StoredResponse | undefined> {
  const { table, column, id } = ownerSql(owner);
  const inserted = await q.query(`insert into ${table} (${column}, key, request_hash) values ($1, $2, $3) on conflict do nothing returning key`, [id, key, hash]);
  if (inserted.length > 0) return undefined;
  const rows = await q.query<{ request_hash: string; status_code: number | null; response_body: string | null }>(
    `select request_hash, status_code, response_body from ${table} where ${column} = $1 and key = $2`,
    [id, key],
  );
  const row = rows[0];
  if (!row || row.request_hash !== hash || row.status_code === null || row.response_body === null) throw new ApiError("idempotency_conflict");
  return { status: row.status_code, body: JSON.parse(row.response_body) as unknown };
}

/** Store the answer to a claimed (owner, key), for replays. */
export async function remember(q: Queryable, owner: IdempotencyOwner, key: string, response: StoredResponse): Promise<void> {
  const { table, column, id } = ownerSql(owner);
  await q.query(`update ${table} set status_code = $3, response_body = $4 where ${column} = $1 and key = $2`, [
    id,
    key,
    response.status,
    JSON.stringify(response.body),
  ]);
}

/**
 * Run a write once per (owner, Idempotency-Key) inside one transaction: a replay gets the stored
 * response (replayed: true); without a key the work simply runs.
 */
export async function idempotentWrite<T>(
  db: Db,
  scope: IdempotencyOwner & { key: string | undefined; hash: string },
  work: (q: Queryable) => Promise<{ status: number; body: T }>,
): Promise<{ status: number; body: T; replayed: boolean }> {
  return db.tx(async (q) => {
    if (scope.key) {
      const stored = await claim(q, scope, scope.key, scope.hash);
      if (stored) return { status: stored.status, body: stored.body as T, replayed: true };
    }
    const result = await work(q);
    if (scope.key) await remember(q, scope, scope.key, result);
    return { ...result, replayed: false };
  });
}
