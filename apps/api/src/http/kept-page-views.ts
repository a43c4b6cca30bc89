// A page view answered before the app. A public read kept in memory (public-read.ts) is answered,
// the first time, through the whole middleware chain: request id, request log, security headers,
// gzip, CORS. The answer that chain produced, headers and all, is kept beside it for the same
// second, keyed by every request header that chose it, and the next identical page view is
// written straight to the socket: the same status, headers and bytes, its own X-Request-Id, one
// request log line and the same metrics. Hono's request and response objects and the five
// middlewares cost about 70 µs of CPU per view against 14–16 µs for a bare Hono answer
// (docs/benchmarks.md); page views outnumber every other request.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { HttpBindings } from "@hono/node-server";
import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import { PARTNER_KEY_HEADER } from "@coalition-kit/schema";
import type { Logger } from "../log.js";
import type { HttpMetrics } from "./metrics.js";

/** What public-read.ts answered for one request: the body it sent, its encoding, and until when it holds. */
export interface PublicReadAnswer {
  body: string | Uint8Array | null;
  encoding: string | null;
  until: number;
}

interface KeptView {
  status: number;
  headers: OutgoingHttpHeaders;
  body: string | Uint8Array | null;
  until: number;
  /** The request's log line and metrics, as requestLog writes them. */
  done(reqId: string, ms: number): void;
}

/** Marked by publicRead on the request it answered; read by the outermost middleware. */
const answered = new WeakMap<Request, PublicReadAnswer>();
/** The page views kept per database, as public-read.ts keeps its answers. */
const views = new WeakMap<object, Map<string, KeptView>>();

export function markPublicRead(request: Request, answer: PublicReadAnswer): void {
  answered.set(request, answer);
}

/** Forget every page view kept for this database (after a write). */
export function forgetPageViews(db: object): void {
  views.get(db)?.clear();
}

/** Every request header that can change a public read's answer: its URL's host, the CORS Origin, language, key, encoding and revalidation. */
const CHOSEN_BY = ["origin", "accept-language", PARTNER_KEY_HEADER.toLowerCase(), "accept-encoding", "if-none-match"];
const keyOf = (req: IncomingMessage) => `${req.headers.host}\n${req.url}\n${CHOSEN_BY.map((name) => req.headers[name] ?? "").join("\n")}`;

/** An incoming X-Request-Id kept as hono/request-id keeps it (up to 128 of `\w`, `-`, `=`), else a fresh UUID. */
function requestIdOf(req: IncomingMessage): string {
  const id = req.headers["x-request-id"];
  return typeof id === "string" && id.length > 0 && id.length <= 128 && !/[^\w\-=]/.test(id) ? id : randomUUID();
}

/**
 * The outermost middleware: once the chain has answered a public read from memory (200 or 304,
 * body and encoding as publicRead sent them), keep the final answer for the node listener.
 */
export function keepPageViews(db: object, logger: Logger, metrics: HttpMetrics): MiddlewareHandler<{ Bindings: Partial<HttpBindings> }> {
  return async (c, next) => {
    await next();
    const answer = answered.get(c.req.raw);
    const incoming = c.env?.incoming;
    const res = c.res;
    if (!answer || !incoming || c.req.method !== "GET" || (res.status !== 200 && res.status !== 304)) return;
    // A stopping server's answers say Connection: close; a body re-encoded on the way is not the one kept.
    if (res.headers.has("connection") || res.headers.get("content-encoding") !== answer.encoding) return;
    const headers: OutgoingHttpHeaders = {};
    res.headers.forEach((value, name) => {
      if (name !== "x-request-id") headers[name] = value;
    });
    const body = res.status === 304 ? null : answer.body;
    if (body !== null) headers["content-length"] = typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
    const route = routePath(c) || "*";
    const status = res.status;
    let memory = views.get(db);
    if (!memory) views.set(db, (memory = new Map()));
    if (memory.size >= 1_000) memory.clear();
    memory.set(keyOf(incoming), {
      status,
      headers,
      body,
      until: answer.until,
      done(reqId, ms) {
        metrics.observe("GET", route, status, ms / 1000);
        if (logger.isLevelEnabled("info")) logger.info({ reqId, method: "GET", route, status, ms: Math.round(ms * 10) / 10 }, "request");
      },
    });
  };
}

/** Answer a page view kept for this database and return true, or return false to hand it to the app. */
export function answerKeptPageView(db: object, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "GET" || req.headers["content-length"] || req.headers["transfer-encoding"]) return false;
  const memory = views.get(db);
  if (!memory?.size) return false;
  const key = keyOf(req);
  const view = memory.get(key);
  if (!view) return false;
  if (view.until <= Date.now()) {
    memory.delete(key);
    return false;
  }
  const started = performance.now();
  const reqId = requestIdOf(req);
  res.writeHead(view.status, { ...view.headers, "x-request-id": reqId });
  res.end(view.body ?? undefined);
  view.done(reqId, performance.now() - started);
  return true;
}
