import { ERROR_CODES, type ErrorCode } from "@coalition-kit/schema/rules";
import { CkApiError, CkNetworkError, CkResponseError } from "../errors.js";

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
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.partnerKey) headers["X-Partner-Key"] = options.partnerKey;

  async function request<T>(method: "GET" | "POST", path: string, body?: unknown, key?: string): Promise<{ status: number; data: T }> {
    const retries = options.retries ?? 1;
    const locale = typeof options.locale === "function" ? options.locale() : options.locale;
    const baseHeaders = locale ? { ...headers, "Accept-Language": locale } : headers;
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        response = await doFetch(`${base}/${path}`, {
          method,
          headers: body === undefined ? baseHeaders : { ...baseHeaders, "Content-Type": "application/json", ...(key ? { "Idempotency-Key": key } : {}) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(options.timeout ?? 15_000),
        });
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
      const json = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | undefined;
      if (response.ok) {
        if (json === undefined) throw new CkResponseError(response.status);
        return { status: response.status, data: json as T };
      }
      const code = (ERROR_CODES as readonly string[]).includes(json?.error?.code ?? "") ? (json!.error!.code as ErrorCode) : "internal";
      const retryAfter = Number(response.headers.get("Retry-After")) || undefined;
      throw new CkApiError({
        code,
        status: response.status,
        ...(json?.error?.message ? { message: json.error.message } : {}),
        ...(json?.error?.fields ? { fields: json.error.fields } : {}),
        ...(retryAfter ? { retryAfter } : {}),
      });
    }
  }

  return {
    get: async <T>(path: string) => (await request<T>("GET", path.replace(/^\//, ""))).data,
    post: (path, body, key) => request("POST", path.replace(/^\//, ""), body, key),
  };
}
