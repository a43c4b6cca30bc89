// Rate-limit counts kept in this process's memory while a bucket is far below its limit, and
// written to the shared rate_limits table in batches. The table stays the one count every replica
// shares; a write is only spared its own round trip while that cannot matter to the answer.
//
// A bucket is counted here while what this process knows of it (the count it last read from the
// table, plus what it has counted since) stays at or below a quarter of its limit: no such
// request could be refused, so none needs the table's answer first. Past that, every request
// counts in the table (this process's batch first), exactly as before. One process is therefore
// exact. With several replicas, another replica's batch not yet written is invisible for at most
// RATE_TALLY_FLUSH_MS, and it holds at most a quarter of the limit: in the worst case, with N
// replicas (or a replica restarted mid-minute), a minute lets through at most
// (N − 1) × ⌊limit / 4⌋ more than the limit. The reliability check (test/reliability/replicas.mjs)
// sends one address's signatures alternately to two replicas and measures what passes; a burst
// of 60 at once over two replicas against a limit of 20 let 25 through (30 with half as the ceiling).
import type { Db } from "../../db/types.js";

/** How long counts wait in memory before they are written to rate_limits. */
export const RATE_TALLY_FLUSH_MS = 100;

/** The most a bucket may count in memory (as far as this process knows of it): a quarter of its limit. */
export const localCeiling = (limit: number) => Math.floor(limit / 4);

/** One bucket in one window, as this process knows it. */
interface Entry {
  bucket: string;
  window: string;
  /** The bucket's count in rate_limits, as last read by this process (its own writes included). */
  shared: number;
  /** Counted here, being written now. */
  writing: number;
  /** Counted here, not yet written. */
  pending: number;
}

/** A bucket and its limit per minute (as rate-limit.ts Limit). */
interface Limit {
  bucket: string;
  limit: number;
}

/** What the process knows of each bucket's count, and the batch not yet written. */
export class RateTally {
  private readonly entries = new Map<string, Entry>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly db: Db) {}

  private entry(bucket: string, window: string): Entry {
    const id = `${window}\n${bucket}`;
    let entry = this.entries.get(id);
    if (!entry) this.entries.set(id, (entry = { bucket, window, shared: 0, writing: 0, pending: 0 }));
    return entry;
  }

  /** Count one request against both limits here, if both stay within localCeiling; false: count it in the table. */
  tryCount(first: Limit, second: Limit, window: string): boolean {
    const a = this.entry(first.bucket, window);
    const b = this.entry(second.bucket, window);
    const known = (e: Entry) => e.shared + e.writing + e.pending + 1;
    if (known(a) > localCeiling(first.limit) || known(b) > localCeiling(second.limit)) return false;
    a.pending += 1;
    b.pending += 1;
    this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), RATE_TALLY_FLUSH_MS).unref();
    return true;
  }

  /** Whether either bucket has counts not yet in the table (then flush before counting there). */
  unwritten(first: string, second: string, window: string): boolean {
    const a = this.entries.get(`${window}\n${first}`);
    const b = this.entries.get(`${window}\n${second}`);
    return !!(a && a.pending + a.writing > 0) || !!(b && b.pending + b.writing > 0);
  }

  /** Remember a count the table answered (it only grows within a window). */
  learned(bucket: string, window: string, count: number | null): void {
    if (count === null) return;
    const entry = this.entry(bucket, window);
    entry.shared = Math.max(entry.shared, count - entry.writing - entry.pending);
  }

  /** Write every count not yet written, in one statement, after any write already under way. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const next = this.flushing.then(() => this.write());
    this.flushing = next.catch(() => undefined);
    return next;
  }

  private async write(): Promise<void> {
    const batch = [...this.entries.values()].filter((e) => e.pending > 0);
    for (const e of batch) [e.writing, e.pending] = [e.pending, 0];
    try {
      if (batch.length > 0) {
        const rows = await this.db.query<{ bucket: string; window_start: string; count: number }>(
          `insert into rate_limits as r (bucket, window_start, count)
           select * from unnest($1::text[], $2::timestamptz[], $3::int[])
           on conflict (bucket, window_start) do update set count = r.count + excluded.count
           returning r.bucket, r.window_start, r.count`,
          [batch.map((e) => e.bucket), batch.map((e) => e.window), batch.map((e) => e.writing)],
        );
        const counts = new Map(rows.map((r) => [`${new Date(r.window_start).toISOString()}\n${r.bucket}`, r.count]));
        for (const e of batch) e.shared = Math.max(e.shared, counts.get(`${e.window}\n${e.bucket}`) ?? 0);
      }
    } finally {
      for (const e of batch) e.writing = 0;
      this.forgetOldWindows();
    }
  }

  /** Drop what is known of windows before the newest one counted (their counts are written). */
  private forgetOldWindows(): void {
    let newest = "";
    for (const e of this.entries.values()) if (e.window > newest) newest = e.window;
    for (const [id, e] of this.entries) if (e.window < newest && e.pending === 0 && e.writing === 0) this.entries.delete(id);
  }
}

const tallies = new WeakMap<Db, RateTally>();

/** The tally for this database (one per process and database). */
export function rateTally(db: Db): RateTally {
  let tally = tallies.get(db);
  if (!tally) tallies.set(db, (tally = new RateTally(db)));
  return tally;
}
