import type { Context, MiddlewareHandler } from "hono";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { PARTNER_KEY_HEADER } from "@coalition-kit/schema";
import { forgetPageViews, markPublicRead } from "./kept-page-views.js";

/**
 * How long a shared cache (a CDN in front of the API) may serve a public read, and for how much
 * longer a CDN may serve it stale while it fetches a fresh copy.
 * - Cache-Control is for browsers and any shared cache: browsers revalidate every time (max-age=0,
 *   must-revalidate), so a visitor who just signed, or a story just withdrawn, never comes back from
 *   their own browser stale, and the revalidation costs a 304 with no body when nothing changed; a
 *   shared cache keeps it fresh for s-maxage.
 * - CDN-Cache-Control (RFC 9213, read by Cloudflare, Fastly, Akamai) adds stale-while-revalidate
 *   for the CDN alone. In Cache-Control it would apply to browsers too.
 */
export const PUBLIC_READ_SECONDS = 15;
export const PUBLIC_READ_STALE_SECONDS = 60;

/**
 * How long this process keeps a public read's answer in memory. Page views outnumber actions many
 * times over: within a second, every view of the same petition from the same origin shares one
 * database read. Any write answered by this process forgets them all (so a visitor who just signed
 * or registered reads fresh numbers); another replica's write shows here within this second.
 */
export const PUBLIC_READ_MEMORY_MS = 1_000;

interface Kept {
  /** Kept as text: @hono/node-server writes a string body without copying it into a stream. */
  body: string;
  type: string;
  etag: string;
  until: number;
  /** The body gzipped, made on the first request that accepts gzip and kept with the answer. */
  gzip?: Uint8Array<ArrayBuffer>;
  /** The body's length in bytes (its Content-Length), counted on the first plain answer. */
  bytes?: number;
}

/** Below this, gzip saves too little to be worth it (as Hono's compress middleware). */
const GZIP_THRESHOLD = 1024;

/** Whether Accept-Encoding allows gzip: named with a q above 0, or not named and `*` allowed. */
function acceptsGzip(accept: string | undefined): boolean {
  let any = false;
  for (const part of (accept ?? "").split(",")) {
    const [name = "", ...params] = part.split(";").map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (name === "gzip") return allowed;
    if (name === "*") any = allowed;
  }
  return any;
}
const kept = new WeakMap<object, Map<string, Kept>>();

/** Forget every public read kept for this database (after a write). */
export function forgetPublicReads(db: object): void {
  kept.get(db)?.clear();
  forgetPageViews(db);
}

/**
 * Put `res` (made by c.body, so it already carries the handler's headers) in place of the handler's
 * answer. Assigned over an answer, Hono's c.res setter reads the old answer's `.body`, which turns
 * @hono/node-server's lightweight response into a web ReadableStream; the node server then sends it
 * as a stream, chunk by chunk, instead of writing the string at once. That cost every read that
 * reached the database (a count read at 1,000,000 signatures: most of what it allocated).
 * Cleared first, the setter has nothing to copy.
 */
function answerWith(c: Context, res: Response): void {
  c.res = undefined;
  c.res = res;
}

/** The JSON text publicJson answered, by request: publicRead keeps it without reading the answer back. */
const handed = new WeakMap<Request, string>();

/**
 * A public read's 200 answer: `value` as JSON, handed to publicRead as text too. Reading the text
 * back from the answer (`c.res.text()`, which a plain c.json answer still needs) makes
 * @hono/node-server build a full web Response and read its body stream, for every read that
 * reaches the database.
 */
export function publicJson(c: Context, value: unknown): Response {
  const text = JSON.stringify(value);
  handed.set(c.req.raw, text);
  return c.body(text, 200, { "Content-Type": "application/json" });
}

/** Whether If-None-Match names this (weak) ETag. */
const matches = (tag: string, ifNoneMatch: string | undefined) => ifNoneMatch === "*" || (ifNoneMatch?.match(/"[^"]*"/g) ?? ([] as string[])).includes(tag.replace(/^W\//, ""));

/**
 * A public read (a petition, its counts, a training series, a meeting, a story wall, a survey):
 * answers 200 carry a shared cache lifetime (with stale-while-revalidate for CDNs) and an ETag,
 * and a request whose If-None-Match still holds gets 304. The answer depends only on its URL (the
 * partner key travels as `?key=`) and on the headers named in Vary: Origin (the CORS check),
 * Accept-Language, and X-Partner-Key for servers that send the key as a header; the memory cache
 * is keyed by exactly those. Nothing personal is ever read here; errors are never cached.
 */
export function publicRead(db: object, seconds = PUBLIC_READ_SECONDS): MiddlewareHandler {
  const policy = `public, max-age=0, s-maxage=${seconds}, must-revalidate`;
  const cdnPolicy = `public, max-age=${seconds}, stale-while-revalidate=${PUBLIC_READ_STALE_SECONDS}`;
  return async (c, next) => {
    let memory = kept.get(db);
    if (!memory) kept.set(db, (memory = new Map()));
    const key = [c.req.url, c.req.header("origin"), c.req.header("accept-language"), c.req.header(PARTNER_KEY_HEADER)].join("\n");
    let answer = memory.get(key);
    if (!answer || answer.until <= Date.now()) {
      await next();
      if (c.res.status !== 200) {
        c.res.headers.set("Cache-Control", "no-store");
        c.res.headers.append("Vary", `Accept-Language, ${PARTNER_KEY_HEADER}`);
        return;
      }
      const body = handed.get(c.req.raw) ?? (await c.res.text());
      // Weak: the same JSON, gzipped or not, is one representation to a cache that revalidates.
      answer = { body, type: c.res.headers.get("Content-Type") ?? "application/json", etag: `W/"${createHash("sha1").update(body).digest("hex")}"`, until: Date.now() + PUBLIC_READ_MEMORY_MS };
      if (memory.size >= 1_000) memory.clear();
      memory.set(key, answer);
    }
    const headers = {
      ETag: answer.etag,
      "Cache-Control": policy,
      "CDN-Cache-Control": cdnPolicy,
      Vary: `Accept-Language, ${PARTNER_KEY_HEADER}, Accept-Encoding`,
    };
    // Through c.body, not `new Response(…, { headers: {…} })`: c.body keeps the headers set before
    // (X-Request-Id) and builds a Headers object. With a plain-object init, @hono/node-server's
    // lightweight Response drops later header changes (CORS, set after this) once the gzip
    // middleware reads the body: a kept answer reached the partner's page without
    // Access-Control-Allow-Origin, and the widget could not load.
    if (matches(answer.etag, c.req.header("if-none-match"))) {
      answerWith(c, c.body(null, 304, headers));
      markPublicRead(c.req.raw, { body: null, encoding: null, until: answer.until });
    } else if (answer.body.length >= GZIP_THRESHOLD && acceptsGzip(c.req.header("accept-encoding"))) {
      // Gzipped once per kept answer, not once per page view: re-gzipping every view cut the rate
      // of reads served from memory from about 20,000/s to 4,100/s for browsers, which always send
      // Accept-Encoding. The gzip middleware leaves an answer with Content-Encoding alone.
      answer.gzip ??= new Uint8Array(gzipSync(answer.body));
      answerWith(c, c.body(answer.gzip, 200, { ...headers, "Content-Type": answer.type, "Content-Encoding": "gzip" }));
      markPublicRead(c.req.raw, { body: answer.gzip, encoding: "gzip", until: answer.until });
    } else {
      // With its Content-Length, so the gzip middleware (app.ts) sees a body below its threshold and
      // leaves it alone. Without one it gzipped every small answer (a count is about 450 bytes)
      // through a stream of its own: a zlib state and web streams per read, chunked, for the client
      // to inflate again. At 1,000,000 signatures that was most of a count read's slowest 1 %.
      answerWith(c, c.body(answer.body, 200, { ...headers, "Content-Type": answer.type, "Content-Length": String((answer.bytes ??= Buffer.byteLength(answer.body))) }));
      markPublicRead(c.req.raw, { body: answer.body, encoding: null, until: answer.until });
    }
  };
}
