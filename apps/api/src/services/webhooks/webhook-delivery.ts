import type { Db } from "../../db/types.js";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { envConfig } from "../../config.js";
import { runDailyJobs } from "../platform/daily-jobs.js";
import { blockedAddress, guardedLookup } from "./webhook-address.js";
import { logError } from "../../log.js";
import { signedHeaders, type SecretFormat } from "./webhook-signing.js";
import { countDeliveryFailure } from "../platform/metrics.js";

/** Attempts before an event is given up on: about a day and a half of backoff in all. */
export const MAX_ATTEMPTS = 12;

/** Events leased per poll. */
const DEFAULT_BATCH = 20;

/** Seconds to wait after the n-th failed attempt: 10s, 20s, 40s… capped at 6 hours, with jitter. */
export function backoffSeconds(attempt: number, random = Math.random): number {
  const base = Math.min(10 * 2 ** (attempt - 1), 6 * 3600);
  return Math.round(base * (0.8 + 0.4 * random()));
}

interface DueRow {
  id: string;
  endpoint_id: string;
  event_type: string;
  payload: string;
  attempts: number;
  url: string;
  secret: string;
  secret_format: SecretFormat;
  /** The secret a rotation replaced, while its overlap lasts (else null). */
  previous_secret: string | null;
  previous_secret_format: SecretFormat | null;
}

export interface WebhookWorkerOptions {
  /** Milliseconds between polls of the outbox (default 1000). */
  intervalMs?: number;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
  /** Events per poll (default 20); a full batch is followed by the next at once. */
  batch?: number;
  /** False: this worker leaves the daily jobs (retention purge, digest, clean-ups) to other replicas. */
  dailyJobs?: false;
  /** Deliver to loopback addresses (development and tests; never in production). */
  allowLoopback?: boolean;
}

/**
 * POST one delivery and answer its status code. The connection goes only to a public address:
 * a literal IP is checked here, and a name on every address it resolves to (guardedLookup).
 */
function post(url: string, headers: Record<string, string>, body: string, timeoutMs: number, allowLoopback: boolean, signal?: AbortSignal): Promise<number> {
  const target = new URL(url);
  const literal = blockedAddress(target.hostname, allowLoopback);
  if (literal) return Promise.reject(new Error(`refused: ${target.hostname} is not a public address`));
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(target, { method: "POST", headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) }, lookup: guardedLookup(allowLoopback), timeout: timeoutMs, ...(signal ? { signal } : {}) }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("timeout", () => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { name: "TimeoutError" })));
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * Deliver due outbox events: each is leased for a minute (so another replica skips it), posted with
 * its Standard Webhooks signature (webhook-signing.ts), logged, and marked delivered on a 2xx or rescheduled with backoff. When `signal`
 * aborts (the process is stopping), posts in flight are cut off and their events' leases released
 * (due again at once, no attempt counted) so another replica delivers them without waiting.
 */
export async function deliverDue(db: Db, options: WebhookWorkerOptions = {}, signal?: AbortSignal): Promise<number> {
  const due = await db.tx((q) =>
    q.query<DueRow>(
      `with picked as (
         select o.id from outbox o
          where o.delivered_at is null and o.failed_at is null and o.next_attempt_at <= now()
          order by o.next_attempt_at limit $1
          for update skip locked)
       update outbox o set next_attempt_at = now() + interval '60 seconds'
         from picked, webhook_endpoints e
        where o.id = picked.id and e.id = o.endpoint_id
       returning o.id, o.endpoint_id, o.event_type, o.payload, o.attempts, e.url, e.secret, e.secret_format,
                 case when e.previous_secret_expires_at > now() then e.previous_secret end as previous_secret, e.previous_secret_format`,
      [options.batch ?? DEFAULT_BATCH],
    ),
  );
  const allowLoopback = options.allowLoopback ?? !envConfig().production;
  if (signal?.aborted) await releaseLeases(db, due.map((row) => row.id));
  else await Promise.all(due.map((row) => deliverOne(db, row, options.timeoutMs ?? 10_000, allowLoopback, signal)));
  return due.length;
}

/** Make leased events due again now, for another replica (or the next start) to deliver. */
async function releaseLeases(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db.query("update outbox set next_attempt_at = now() where id = any($1::uuid[]) and delivered_at is null and failed_at is null", [ids]);
}

async function deliverOne(db: Db, row: DueRow, timeoutMs: number, allowLoopback: boolean, signal?: AbortSignal): Promise<void> {
  const attempt = row.attempts + 1;
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  // An address that is not public is not retried: it will not become public by waiting.
  let refused = false;
  try {
    // Redirects are not followed (a 3xx is a failed delivery): they could lead anywhere.
    statusCode = await post(
      row.url,
      {
        "Content-Type": "application/json",
        "User-Agent": "CoalitionKit-Webhooks/1",
        ...signedHeaders(
          [{ secret: row.secret, format: row.secret_format }, ...(row.previous_secret ? [{ secret: row.previous_secret, format: row.previous_secret_format ?? "standard" }] : [])],
          (JSON.parse(row.payload) as { id: string }).id,
          row.event_type,
          row.payload,
        ),
      },
      row.payload,
      timeoutMs,
      allowLoopback,
      signal,
    );
    if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}`;
  } catch (cause) {
    // Cut off by a stop: the receiver may or may not have it; it is delivered again (receivers dedupe by webhook-id).
    if (signal?.aborted) return releaseLeases(db, [row.id]);
    error = cause instanceof Error ? cause.message : String(cause);
    refused = /^refused: /.test(error);
  }
  const durationMs = Math.round(performance.now() - started);
  if (error) countDeliveryFailure("webhook", attempt >= MAX_ATTEMPTS || refused);
  await db.tx(async (q) => {
    await q.query("insert into webhook_deliveries (outbox_id, endpoint_id, attempt, status_code, error, duration_ms) values ($1, $2, $3, $4, $5, $6)", [
      row.id,
      row.endpoint_id,
      attempt,
      statusCode,
      error?.slice(0, 300) ?? null,
      durationMs,
    ]);
    if (!error) await q.query("update outbox set attempts = $2, delivered_at = now() where id = $1", [row.id, attempt]);
    else if (attempt >= MAX_ATTEMPTS || refused) await q.query("update outbox set attempts = $2, failed_at = now() where id = $1", [row.id, attempt]);
    else await q.query("update outbox set attempts = $2, next_attempt_at = now() + make_interval(secs => $3) where id = $1", [row.id, attempt, backoffSeconds(attempt)]);
  });
}

/**
 * Poll the outbox until stopped. One per API process; replicas share the work through leases.
 * The first poll is at once (a backlog left by a restart goes out without waiting), and a full batch
 * is followed by the next one at once: a burst of signatures is delivered as fast as the receivers
 * answer, not `batch` events per interval. About once a minute it also runs the daily jobs that are
 * due (platform/daily-jobs.ts), beside the deliveries rather than in front of them, so a long purge
 * does not hold webhooks back.
 */
export function startWebhookWorker(db: Db, options: WebhookWorkerOptions = {}): { stop(): Promise<void> } {
  let stopped = false;
  const stopping = new AbortController();
  let running: Promise<unknown> = Promise.resolve();
  let daily: Promise<unknown> | undefined;
  // Polls after a wait (a drain's back-to-back polls do not count): the daily jobs' clock.
  let ticks = 0;
  let draining = false;
  const tick = () => {
    if (stopped) return;
    if (!draining) ticks += 1;
    if (!draining && ticks % 60 === 1 && options.dailyJobs !== false && !daily) {
      daily = runDailyJobs(db)
        .catch((error: unknown) => logError("daily jobs failed", error))
        .finally(() => (daily = undefined));
    }
    running = deliverDue(db, options, stopping.signal)
      .catch((error: unknown) => {
        logError("webhook delivery failed", error);
        return 0;
      })
      .then((delivered) => {
        draining = delivered >= batch;
        if (!stopped) timer = setTimeout(tick, draining ? 0 : (options.intervalMs ?? 1000));
      });
  };
  const batch = options.batch ?? DEFAULT_BATCH;
  let timer: ReturnType<typeof setTimeout> = setTimeout(tick, 0);
  return {
    /** Poll no more, cut off posts in flight and release their events' leases, and wait for the daily jobs. */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      stopping.abort();
      await running;
      await daily;
    },
  };
}
