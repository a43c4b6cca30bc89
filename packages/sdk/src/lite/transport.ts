import { CHALLENGE_HEADER, IDEMPOTENCY_KEY_HEADER, PARTNER_KEY_HEADER } from "@coalition-kit/schema/rules";
import type { WriteChallenge } from "@coalition-kit/schema";
import { apiErrorFrom, CkNetworkError, CkResponseError } from "../errors.js";
import { takePrefetched, withPartnerKey } from "../reads.js";

export interface LiteOptions {
  baseUrl: string;
  partnerKey?: string;
  fetch?: typeof fetch;
  /** Per-request timeout in ms (default 15000). */
  timeout?: number;
  /** Retries after a network failure or a 502/503/504 (default 1). Writes carry an Idempotency-Key, so retrying is safe. */
  retries?: number;
  /** Language for the API's messages ("en", "es"), read on every request; sent as Accept-Language. */
  locale?: string | (() => string);
  /**
   * Solves a proof-of-work challenge (a write answered 429 `challenge_required`, many writes from
   * one address) and returns the `X-CK-Challenge` header value; the write is then sent again with
   * the same Idempotency-Key. Without it, such a write fails with `challenge_required`.
   */
  solveChallenge?: (challenge: WriteChallenge) => Promise<string | undefined>;
}

export interface Transport {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown, idempotencyKey: string): Promise<{ status: number; data: T }>;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Plain fetch, no validation library: for widgets on partner pages, where every kilobyte counts.
 * The API validates every request with the shared schema and answers with field messages.
 */
export function liteTransport(options: LiteOptions): Transport {
  const base = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  /** A read when `body` is undefined (a GET), else a POST. */
  async function request<T>(path: string, body?: unknown, key?: string): Promise<{ status: number; data: T }> {
    const retries = options.retries ?? 1;
    const locale = typeof options.locale === "function" ? options.locale() : options.locale;
    const read = body === undefined;
    const headers: Record<string, string> = { Accept: "application/json" };
    if (locale) headers["Accept-Language"] = locale;
    let url = `${base}/${path}`;
    let prefetched: Promise<Response | undefined> | undefined;
    if (read) {
      // Only CORS-safelisted headers and the key in the URL: no preflight, and a cacheable answer.
      url = withPartnerKey(url, options.partnerKey);
      prefetched = takePrefetched(url, locale)?.catch(() => undefined);
    } else {
      headers["Content-Type"] = "application/json";
      if (options.partnerKey) headers[PARTNER_KEY_HEADER] = options.partnerKey;
      if (key) headers[IDEMPOTENCY_KEY_HEADER] = key;
    }
    /** Challenges solved for this write (a second one, if the first expired on the way; never more). */
    let solved = 0;
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        // The embed loader's read of this URL, when it started one; else (and on a retry) a fresh one.
        response = (await prefetched) || (await doFetch(url, { method: read ? "GET" : "POST", headers, body: read ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(options.timeout ?? 15_000) }));
        prefetched = undefined;
      } catch (error) {
        if (attempt < retries) {
          await wait(300 * 2 ** attempt);
          continue;
        }
        throw new CkNetworkError(undefined, { cause: error });
      }
      if ([502, 503, 504].includes(response.status) && attempt < retries) {
        await wait(300 * 2 ** attempt);
        continue;
      }
      const json: unknown = await response.json().catch(() => undefined);
      const challenge = (json as { error?: { code?: string; challenge?: WriteChallenge } } | undefined)?.error;
      if (!read && response.status === 429 && challenge?.code === "challenge_required" && challenge.challenge && options.solveChallenge && solved < 2) {
        solved += 1;
        const header = await options.solveChallenge(challenge.challenge);
        if (header) {
          headers[CHALLENGE_HEADER] = header;
          attempt -= 1;
          continue;
        }
      }
      if (response.ok) {
        if (json === undefined) throw new CkResponseError(response.status);
        return { status: response.status, data: json as T };
      }
      throw apiErrorFrom(response.status, json, response.headers.get("Retry-After"));
    }
  }

  return {
    get: async <T>(path: string) => (await request<T>(path.replace(/^\//, ""))).data,
    post: (path, body, key) => request(path.replace(/^\//, ""), body, key),
  };
}
