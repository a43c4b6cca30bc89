import type { Db, Queryable } from "../../db/types.js";
import { logError } from "../../log.js";

/** A job that runs once a day, whichever replica gets to it first. */
export interface DailyJob {
  /** Stable name: the scheduled_jobs row. */
  name: string;
  /** Hour of the day (UTC) it runs at, once it has first run. */
  hourUtc: number;
  /** The work, with the scheduler's clock. Should be safe to run again after a crash. */
  run(db: Db, now: Date): Promise<unknown>;
}

/** How long a claim holds: a replica that dies mid-job frees the job after this. */
const LEASE_SECONDS = 30 * 60;
/** After a failure, try again this much later (not on every tick). */
const RETRY_SECONDS = 60 * 60;

/** The first time at `hourUtc` strictly after `after`. */
export function nextSlot(hourUtc: number, after: Date): Date {
  const slot = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), after.getUTCDate(), hourUtc));
  if (slot <= after) slot.setUTCDate(slot.getUTCDate() + 1);
  return slot;
}

/**
 * Claim a job if it is due at `now`: one UPDATE that only one caller can win (a second replica
 * racing it re-reads the row after the first commits and finds the lease). A job seen for the
 * first time is due at once. Returns the lease token, or undefined when not due or taken.
 */
export async function claimJob(q: Queryable, name: string, now: Date): Promise<string | undefined> {
  await q.query("insert into scheduled_jobs (name, next_run_at) values ($1, $2) on conflict (name) do nothing", [name, now.toISOString()]);
  const rows = await q.query<{ token: string }>(
    `update scheduled_jobs set lease_until = $2::timestamptz + make_interval(secs => $3), lease_token = gen_random_uuid()
      where name = $1 and next_run_at <= $2 and (lease_until is null or lease_until <= $2)
      returning lease_token::text as token`,
    [name, now.toISOString(), LEASE_SECONDS],
  );
  return rows[0]?.token;
}

/** Record a finished run (or its failure) under the lease it ran with, and set when it runs next. */
async function release(q: Queryable, job: DailyJob, token: string, now: Date, error: string | null): Promise<void> {
  const next = error ? new Date(now.getTime() + RETRY_SECONDS * 1000) : nextSlot(job.hourUtc, now);
  await q.query(
    `update scheduled_jobs set next_run_at = $3, lease_until = null, lease_token = null, last_run_at = case when $4::text is null then $2::timestamptz else last_run_at end, last_error = $4
      where name = $1 and lease_token = $5::uuid`,
    [job.name, now.toISOString(), next.toISOString(), error, token],
  );
}

/**
 * Run every job that is due at `now` (default: the real time) and that this caller claims, one
 * after another. A failing job is logged and retried an hour later; the others still run.
 * Returns the names of the jobs this call ran.
 */
export async function runDueJobs(db: Db, jobs: readonly DailyJob[], now = new Date()): Promise<string[]> {
  const ran: string[] = [];
  for (const job of jobs) {
    const token = await claimJob(db, job.name, now);
    if (!token) continue;
    let error: string | null = null;
    try {
      await job.run(db, now);
    } catch (cause) {
      error = (cause instanceof Error ? cause.message : String(cause)).slice(0, 300);
      logError(`daily job ${job.name} failed`, error);
    }
    await release(db, job, token, now, error);
    ran.push(job.name);
  }
  return ran;
}

export interface JobStatus {
  nextRunAt: string | null;
  lastRunAt: string | null;
}

/** When a job runs next and last ran (nulls before the scheduler first saw it). */
export async function jobStatus(q: Queryable, name: string): Promise<JobStatus> {
  const row = (await q.query<{ next_run_at: string | Date; last_run_at: string | Date | null }>("select next_run_at, last_run_at from scheduled_jobs where name = $1", [name]))[0];
  const iso = (v: string | Date | null | undefined) => (v ? new Date(v).toISOString() : null);
  return { nextRunAt: iso(row?.next_run_at), lastRunAt: iso(row?.last_run_at) };
}
