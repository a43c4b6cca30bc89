// One JSON line per request, and the request's count in the metrics. The line names the route
// pattern (`/v1/petitions/:slug`), never the path or query: query strings carry partner keys and
// signed-link tokens, and paths carry slugs and ids. No header is logged.
import type { MiddlewareHandler } from "hono";
import { requestId } from "hono/request-id";
import { routePath } from "hono/route";
import type { Logger } from "../log.js";
import type { HttpMetrics } from "./metrics.js";

/**
 * The request id: a sane incoming `X-Request-Id` (up to 128 letters, digits, `_`, `-`, `=`) or a
 * fresh UUID, echoed in the answer's `X-Request-Id` and read in handlers as `c.get("requestId")`.
 */
export const requestIds = (): MiddlewareHandler => requestId({ limitLength: 128 });

/**
 * `{"level":30,"time":…,"reqId":…,"method":"POST","route":"/v1/petitions/:slug/signatures","status":201,"ms":12.3,"msg":"request"}`
 * (level 40 for a 503, 50 for any other 5xx), and the same request counted in `metrics`.
 */
export function requestLog(logger: Logger, metrics: HttpMetrics): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = performance.now() - started;
    const status = c.res.status;
    const route = routePath(c) || "*";
    metrics.observe(c.req.method, route, status, ms / 1000);
    // A 503 is the API saying it is not ready (starting, stopping, database away): a warning, not a fault.
    const level = status < 500 ? "info" : status === 503 ? "warn" : "error";
    if (logger.isLevelEnabled(level)) logger[level]({ reqId: c.get("requestId"), method: c.req.method, route, status, ms: Math.round(ms * 10) / 10 }, "request");
  };
}
