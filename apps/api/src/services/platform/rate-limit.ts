import { createHash } from "node:crypto";
import type { Db } from "../../db/types.js";
import { ApiError } from "../errors.js";
import { setting } from "./settings.js";
import { rateTally } from "./rate-tally.js";


/** A bucket name that never holds the raw IP: a salted hash shared by every replica. */
export async function ipBucket(db: Db, scope: string, ip: string): Promise<string> {
  const hash = createHash("sha256").update(`${await setting(db, "ip_salt")}:${ip}`).digest("base64url").slice(0, 22);
  return `${scope}:${hash}`;
}

/** A clock for rate-limit windows: the real one, or a test's (so a window never ends mid-test). */
export type Clock = () => Date;
const realClock: Clock = () => new Date();

const windowOf = (now: Date) => {
  const start = new Date(now);
  start.setUTCSeconds(0, 0);
  return { start: start.toISOString(), retry: Math.max(1, 60 - now.getUTCSeconds()) };
};

/** The 429 for a spent window, saying when it ends. */
const rateLimited = (window: { retry: number }) => new ApiError("rate_limited", { headers: { "Retry-After": String(window.retry) } });

/** About once in a hundred counts, drop windows older than ten minutes. */
async function sometimesSweep(db: Db, now: Date): Promise<void> {
  if (Math.random() < 0.01) await db.query("delete from rate_limits where window_start < $1::timestamptz - interval '10 minutes'", [now.toISOString()]);
}

/** Refuse (429) when `bucket` already holds `limit` in the current minute, without counting this request. */
export async function refuseIfSpent(db: Db, bucket: string, limit: number, clock: Clock = realClock): Promise<void> {
  const window = windowOf(clock());
  const rows = await db.query<{ count: number }>("select count from rate_limits where bucket = $1 and window_start = $2", [bucket, window.start]);
  if ((rows[0]?.count ?? 0) >= limit) throw rateLimited(window);
}

/**
 * Fixed one-minute windows counted in the database, so limits hold across replicas.
 * Throws rate_limited (429 + Retry-After) once `limit` is exceeded in the current minute.
 */
export async function enforceRateLimit(db: Db, bucket: string, limit: number, clock: Clock = realClock): Promise<void> {
  const now = clock();
  const window = windowOf(now);
  const rows = await db.query<{ count: number }>(
    `insert into rate_limits as r (bucket, window_start, count) values ($1, $2, 1)
     on conflict (bucket, window_start) do update set count = r.count + 1
     returning r.count`,
    [bucket, window.start],
  );
  await sometimesSweep(db, now);
  const row = rows[0];
  if (row && row.count > limit) {
    throw rateLimited(window);
  }
}

/** A bucket and its limit per minute. */
export interface Limit {
  bucket: string;
  limit: number;
}

/** What counting two limits found: whether each is spent, and the seconds until the window ends. */
export interface LimitCount {
  firstSpent: boolean;
  secondSpent: boolean;
  retry: number;
}

/**
 * Two limits in one round trip, the second counted only while the first holds (per IP address,
 * then per partner key): requests one address sends past its own limit never use up the key's,
 * so one abuser cannot shut a partner's page for everyone. While both buckets are at most a
 * quarter spent (as this process knows them), the request is counted in memory and written with the next
 * batch, without a round trip of its own (rate-tally.ts: the bound this puts on replicas).
 */
export async function countRateLimits(db: Db, first: Limit, second: Limit, clock: Clock = realClock): Promise<LimitCount> {
  const now = clock();
  const window = windowOf(now);
  const tally = rateTally(db);
  if (tally.tryCount(first, second, window.start)) {
    await sometimesSweep(db, now);
    return { firstSpent: false, secondSpent: false, retry: window.retry };
  }
  if (tally.unwritten(first.bucket, second.bucket, window.start)) await tally.flush();
  const rows = await db.query<{ first: number; second: number | null }>(
    `with a as (
       insert into rate_limits as r (bucket, window_start, count) values ($1, $3, 1)
       on conflict (bucket, window_start) do update set count = r.count + 1
       returning r.count
     ), b as (
       insert into rate_limits as r (bucket, window_start, count)
       select $2, $3, 1 from a where a.count <= $4
       on conflict (bucket, window_start) do update set count = r.count + 1
       returning r.count
     )
     select (select count from a) as first, (select count from b) as second`,
    [first.bucket, second.bucket, window.start, first.limit],
  );
  await sometimesSweep(db, now);
  const row = rows[0];
  if (row) {
    tally.learned(first.bucket, window.start, row.first);
    tally.learned(second.bucket, window.start, row.second);
  }
  return { firstSpent: !!row && row.first > first.limit, secondSpent: !!row && (row.second ?? 0) > second.limit, retry: window.retry };
}

/** countRateLimits, throwing rate_limited (429 + Retry-After) when either limit is spent. */
export async function enforceRateLimits(db: Db, first: Limit, second: Limit, clock: Clock = realClock): Promise<void> {
  const count = await countRateLimits(db, first, second, clock);
  if (count.firstSpent || count.secondSpent) throw rateLimited(count);
}
