import type { Db } from "../../db/types.js";
import { envConfig } from "../../config.js";
import { runDailyJobs } from "../platform/daily-jobs.js";
import { deliverToOsdi, type Attempt } from "../connectors/osdi-delivery.js";
import { sendOutbound } from "./outbound-http.js";
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
  person_id: string | null;
  attempts: number;
  /** A webhook endpoint, or a CRM connector speaking OSDI. */
  kind: "webhook" | "osdi";
  organization_id: string;
  url: string;
  /** Webhooks: the signing secret. */
  secret: string;
  /** OSDI: the encrypted API key and the tags every person gets. */
  api_key_encrypted: string | null;
  tags: string[];
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
 * Deliver due outbox events: each is leased for a minute (so another replica skips it), posted with
 * its Standard Webhooks signature (webhook-signing.ts), logged, and marked delivered on a 2xx or rescheduled with backoff. When `signal`
 * aborts (the process is stopping), posts in flight are cut off and their events' leases released
 * (due again at once, no attempt counted) so another replica delivers them without waiting.
 */
export async function deliverDue(db: Db, options: WebhookWorkerOptions = {}, signal?: AbortSignal): Promise<number> {
  const due = await db.tx((q) =>
    q.query<DueRow>(
      `with picked as (
         select o.id from outbox o join webhook_endpoints pe on pe.id = o.endpoint_id and pe.paused_at is null
          where o.delivered_at is null and o.failed_at is null and o.next_attempt_at <= now()
          order by o.next_attempt_at limit $1
          for update of o skip locked)
       update outbox o set next_attempt_at = now() + interval '60 seconds'
         from picked, webhook_endpoints e
        where o.id = picked.id and e.id = o.endpoint_id
       returning o.id, o.endpoint_id, o.event_type, o.payload, o.person_id, o.attempts, e.kind, e.organization_id, e.url, e.secret, e.secret_format,
                 e.api_key_encrypted, e.tags,
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

/** POST the event to a webhook endpoint, signed (Standard Webhooks) with its secret and, during a rotation's overlap, the old one. */
async function postWebhook(row: DueRow, timeoutMs: number, allowLoopback: boolean, signal?: AbortSignal): Promise<Attempt> {
  // Redirects are not followed (a 3xx is a failed delivery): they could lead anywhere.
  const headers = {
    "Content-Type": "application/json",
    "User-Agent": "CoalitionKit-Webhooks/1",
    ...signedHeaders(
      [{ secret: row.secret, format: row.secret_format }, ...(row.previous_secret ? [{ secret: row.previous_secret, format: row.previous_secret_format ?? "standard" }] : [])],
      (JSON.parse(row.payload) as { id: string }).id,
      row.event_type,
      row.payload,
    ),
  };
  const { status } = await sendOutbound("POST", row.url, headers, row.payload, { timeoutMs, allowLoopback, signal });
  const ok = status >= 200 && status <= 299;
  return { verdict: ok ? "delivered" : "retry", statusCode: status, error: ok ? null : `HTTP ${status}`, response: null };
}

async function deliverOne(db: Db, row: DueRow, timeoutMs: number, allowLoopback: boolean, signal?: AbortSignal): Promise<void> {
  const started = performance.now();
  let result: Attempt;
  try {
    result = row.kind === "osdi"
      ? await deliverToOsdi(db, row, { timeoutMs, allowLoopback, signal, tags: row.tags })
      : await postWebhook(row, timeoutMs, allowLoopback, signal);
  } catch (cause) {
    // Cut off by a stop: the receiver may or may not have it; it is delivered again (receivers dedupe by webhook-id).
    if (signal?.aborted) return releaseLeases(db, [row.id]);
    const error = cause instanceof Error ? cause.message : String(cause);
    // An address that is not public is not retried: it will not become public by waiting.
    result = { verdict: /^refused: /.test(error) ? "failed" : "retry", statusCode: null, error, response: null };
  }
  // A refused key does not use up an attempt: the event waits, with the connector, for a new key.
  const attempt = result.verdict === "paused" ? row.attempts : row.attempts + 1;
  const verdict = result.verdict === "retry" && attempt >= MAX_ATTEMPTS ? "failed" : result.verdict;
  const durationMs = Math.round(performance.now() - started);
  if (result.error && verdict !== "paused") countDeliveryFailure(row.kind === "osdi" ? "connector" : "webhook", verdict !== "retry");
  await db.tx(async (q) => {
    await q.query("insert into webhook_deliveries (outbox_id, endpoint_id, attempt, status_code, error, duration_ms, response) values ($1, $2, $3, $4, $5, $6, $7)", [
      row.id,
      row.endpoint_id,
      Math.max(attempt, 1),
      result.statusCode,
      (verdict === "todo" ? `to-do: ${result.error ?? "the endpoint cannot delete people"}` : result.error)?.slice(0, 300) ?? null,
      durationMs,
      result.response,
    ]);
    if (verdict === "delivered") await q.query("update outbox set attempts = $2, delivered_at = now() where id = $1", [row.id, attempt]);
    else if (verdict === "failed" || verdict === "todo") await q.query("update outbox set attempts = $2, failed_at = now() where id = $1", [row.id, attempt]);
    else if (verdict === "paused") {
      await q.query("update outbox set next_attempt_at = now() where id = $1", [row.id]);
      await q.query("update webhook_endpoints set paused_at = coalesce(paused_at, now()), pause_reason = $2 where id = $1", [
        row.endpoint_id,
        `The CRM refused the API key (${result.error}). Deliveries wait until the key is replaced.${result.response ? ` It said: ${result.response.slice(0, 200)}` : ""}`,
      ]);
    } else await q.query("update outbox set attempts = $2, next_attempt_at = now() + make_interval(secs => $3) where id = $1", [row.id, attempt, backoffSeconds(attempt)]);
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
