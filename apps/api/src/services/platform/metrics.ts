// Process-wide metrics the workers count into (the HTTP ones live with each app, http/metrics.ts).
import { Counter, Registry, collectDefaultMetrics } from "prom-client";

/** This process's own registry (not prom-client's global one): Node's default metrics and delivery failures. */
export const processMetrics = new Registry();
collectDefaultMetrics({ register: processMetrics });

/**
 * Failed delivery attempts, by channel (webhook, email) and outcome: `retrying` (tried again later)
 * or `failed` (given up on: attempts used up or refused for good).
 */
export const deliveryFailures = new Counter({
  name: "ck_delivery_failures_total",
  help: "Failed webhook and email delivery attempts, by channel and whether they will be retried.",
  labelNames: ["channel", "outcome"] as const,
  registers: [processMetrics],
});

/** Count one failed attempt. */
export function countDeliveryFailure(channel: "webhook" | "connector" | "email", givenUp: boolean): void {
  deliveryFailures.inc({ channel, outcome: givenUp ? "failed" : "retrying" });
}
