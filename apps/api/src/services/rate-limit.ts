import { createHash } from "node:crypto";
import type { Db } from "../db/types.js";
import { ApiError } from "../http/errors.js";
import { setting } from "./settings.js";


/** A bucket name that never holds the raw IP: a salted hash shared by every replica. */
export async function ipBucket(db: Db, scope: string, ip: string): Promise<string> {
  const hash = createHash("sha256").update(`${await setting(db, "ip_salt")}:${ip}`).digest("base64url").slice(0, 22);
  return `${scope}:${hash}`;
}

/**
 * Fixed one-minute windows counted in the database, so limits hold across replicas.
 * Throws rate_limited (429 + Retry-After) once `limit` is exceeded in the current minute.
 */
export async function enforceRateLimit(db: Db, bucket: string, limit: number): Promise<void> {
  const rows = await db.query<{ count: number; retry: number }>(
    `insert into rate_limits as r (bucket, window_start, count) values ($1, date_trunc('minute', now()), 1)
     on conflict (bucket, window_start) do update set count = r.count + 1
     returning r.count, (60 - extract(second from now()))::int as retry`,
    [bucket],
  );
  if (Math.random() < 0.01) {
    await db.query("delete from rate_limits where window_start < now() - interval '10 minutes'");
  }
  const row = rows[0];
  if (row && row.count > limit) {
    throw new ApiError("rate_limited", { headers: { "Retry-After": String(Math.max(1, row.retry)) } });
  }
}
