// What operators and their machines ask: /health (the process answers), /ready (it can serve:
// database answers, migrations applied, not stopping) and /metrics (Prometheus, behind a token).
import { Hono } from "hono";
import type { Db } from "../db/types.js";
import { pendingMigrations } from "../db/migrate.js";
import { bearerMatches, type HttpMetrics } from "../http/metrics.js";
import { logError, type Logger } from "../log.js";

export interface OpsOptions {
  metrics: HttpMetrics;
  /** The bearer token that opens /metrics; without one /metrics is not served (404). */
  metricsToken: string | undefined;
  /** True once the server is stopping: /ready answers 503 so a load balancer stops sending work. */
  draining: () => boolean;
  logger: Logger;
}

/** How long /ready waits for the database before calling it unready. */
const READY_TIMEOUT_MS = 2000;

export function opsRoutes(db: Db, options: OpsOptions): Hono {
  const app = new Hono();
  app.get("/health", (c) => c.json({ ok: true, db: db.kind }));

  app.get("/ready", async (c) => {
    c.header("Cache-Control", "no-store");
    if (options.draining()) return c.json({ ok: false, reason: "shutting down" }, 503);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS)));
    try {
      const pending = await Promise.race([pendingMigrations(db), timeout]);
      if (pending.length) return c.json({ ok: false, reason: `migrations not applied: ${pending.join(", ")}` }, 503);
      return c.json({ ok: true, db: db.kind });
    } catch (error) {
      logError("readiness check: the database did not answer", error, options.logger);
      return c.json({ ok: false, reason: "the database did not answer" }, 503);
    } finally {
      clearTimeout(timer);
    }
  });

  app.get("/metrics", async (c) => {
    const token = options.metricsToken;
    if (!token) return c.notFound();
    if (!bearerMatches(c.req.header("authorization"), token)) {
      c.header("WWW-Authenticate", 'Bearer realm="metrics"');
      return c.json({ ok: false, reason: "a bearer token (METRICS_TOKEN) is needed" }, 401);
    }
    const { body, contentType } = await options.metrics.render();
    c.header("Cache-Control", "no-store");
    return c.body(body, 200, { "Content-Type": contentType });
  });
  return app;
}
