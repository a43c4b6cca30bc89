// Prometheus metrics for one app: requests and latency by route pattern (never the raw path, so
// the label set stays bounded and carries no slug, token or key), and queue depths read from the
// database when Prometheus scrapes. Served at /metrics by routes/ops.ts.
import { timingSafeEqual } from "node:crypto";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Db } from "../db/types.js";
import { processMetrics } from "../services/platform/metrics.js";
import { queueDepths } from "../services/platform/queue-depths.js";

export interface HttpMetrics {
  /** Count one answered request. */
  observe(method: string, route: string, status: number, seconds: number): void;
  /** The exposition text and its content type, queue depths read now. */
  render(): Promise<{ body: string; contentType: string }>;
}

export function createHttpMetrics(db: Db): HttpMetrics {
  const registry = new Registry();
  const requests = new Counter({
    name: "ck_http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status.",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "ck_http_request_duration_seconds",
    help: "Time to answer an HTTP request (until the handler returned its response), by method and route pattern.",
    labelNames: ["method", "route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const outbox = new Gauge({ name: "ck_webhook_outbox_depth", help: "Webhook events not yet delivered nor given up on: due now, or waiting for a retry.", labelNames: ["state"] as const, registers: [registry] });
  const messages = new Gauge({ name: "ck_message_queue_depth", help: "Emails not yet sent nor given up on: due now (or being sent), or scheduled for later.", labelNames: ["state"] as const, registers: [registry] });
  return {
    observe(method, route, status, seconds) {
      requests.inc({ method, route, status });
      latency.observe({ method, route }, seconds);
    },
    async render() {
      const depths = await queueDepths(db);
      outbox.set({ state: "due" }, depths.outbox.due);
      outbox.set({ state: "waiting" }, depths.outbox.waiting);
      messages.set({ state: "due" }, depths.messages.due);
      messages.set({ state: "scheduled" }, depths.messages.scheduled);
      const body = (await registry.metrics()) + (await processMetrics.metrics());
      return { body, contentType: registry.contentType };
    },
  };
}

/** Whether an Authorization header carries `Bearer <token>` (compared in constant time). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith("Bearer ") ? header.slice(7) : "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
