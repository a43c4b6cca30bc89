import { createHmac } from "node:crypto";
import type { Db } from "../db/types.js";
import { REDACTED_PAYLOAD_SQL } from "./webhooks.js";

/** Attempts before an event is given up on: about a day and a half of backoff in all. */
export const MAX_ATTEMPTS = 12;

/** Seconds to wait after the n-th failed attempt: 10s, 20s, 40s… capped at 6 hours, with jitter. */
export function backoffSeconds(attempt: number, random = Math.random): number {
  const base = Math.min(10 * 2 ** (attempt - 1), 6 * 3600);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** `CK-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as Stripe-style receivers expect. */
export function signatureHeader(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

interface DueRow {
  id: string;
  endpoint_id: string;
  event_type: string;
  payload: string;
  attempts: number;
  url: string;
  secret: string;
}

export interface WebhookWorkerOptions {
  /** Milliseconds between polls of the outbox (default 1000). */
  intervalMs?: number;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
  /** Events per poll (default 20). */
  batch?: number;
}

/**
 * Deliver due outbox events: each is leased for a minute (so another replica skips it), posted with
 * its HMAC signature, logged, and marked delivered on a 2xx or rescheduled with backoff.
 */
export async function deliverDue(db: Db, options: WebhookWorkerOptions = {}): Promise<number> {
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
       returning o.id, o.endpoint_id, o.event_type, o.payload, o.attempts, e.url, e.secret`,
      [options.batch ?? 20],
    ),
  );
  await Promise.all(due.map((row) => deliverOne(db, row, options.timeoutMs ?? 10_000)));
  return due.length;
}

async function deliverOne(db: Db, row: DueRow, timeoutMs: number): Promise<void> {
  const attempt = row.attempts + 1;
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(row.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "CoalitionKit-Webhooks/1",
        "CK-Event-Id": (JSON.parse(row.payload) as { id: string }).id,
        "CK-Event-Type": row.event_type,
        "CK-Signature": signatureHeader(row.secret, row.payload),
      },
      body: row.payload,
    });
    statusCode = response.status;
    await response.body?.cancel();
    if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}`;
  } catch (cause) {
    error = cause instanceof Error ? (cause.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : cause.message) : String(cause);
  }
  const durationMs = Math.round(performance.now() - started);
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
    else if (attempt >= MAX_ATTEMPTS) await q.query("update outbox set attempts = $2, failed_at = now() where id = $1", [row.id, attempt]);
    else await q.query("update outbox set attempts = $2, next_attempt_at = now() + make_interval(secs => $3) where id = $1", [row.id, attempt, backoffSeconds(attempt)]);
  });
}

/** Days a delivered (or given-up) event keeps its content: after that only the log line remains. */
export const EVENT_RETENTION_DAYS = 30;

/**
 * Least data: events carry names and emails, so once delivered or given up for 30 days their
 * content is replaced by the event id. Returns how many were redacted.
 */
export async function redactOldEvents(db: Db, days = EVENT_RETENTION_DAYS): Promise<number> {
  const rows = await db.query(
    `update outbox set payload = ${REDACTED_PAYLOAD_SQL}, person_id = null
      where coalesce(delivered_at, failed_at) < now() - make_interval(days => $1) and payload::json->>'redacted' is null
      returning id`,
    [days],
  );
  return rows.length;
}

/** Poll the outbox until stopped. One per API process; replicas share the work through leases. */
export function startWebhookWorker(db: Db, options: WebhookWorkerOptions = {}): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let ticks = 0;
  const tick = () => {
    if (stopped) return;
    ticks += 1;
    // Every 600 polls (10 minutes at the default interval), redact old delivered events.
    running = (ticks % 600 === 1 ? redactOldEvents(db).then(() => deliverDue(db, options)) : deliverDue(db, options))
      .catch((error: unknown) => console.error("webhook delivery failed:", error))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.intervalMs ?? 1000);
      });
  };
  let timer: ReturnType<typeof setTimeout> = setTimeout(tick, options.intervalMs ?? 1000);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
