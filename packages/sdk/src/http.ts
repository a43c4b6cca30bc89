import ky, { HTTPError, TimeoutError, type KyInstance, type Options } from "ky";
import { ApiErrorBody, ERROR_CODES, ERROR_MESSAGES, type ErrorCode } from "@coalition-kit/schema";
import { CkApiError, CkNetworkError, CkResponseError } from "./errors.js";

export interface ClientOptions {
  /** API origin, e.g. "https://api.example.org". */
  baseUrl: string;
  /** Publishable partner key (`pk_...`). Attributes every action to that partner. */
  partnerKey?: string;
  /** Custom fetch (tests, server runtimes). */
  fetch?: typeof fetch;
  /** Per-request timeout in ms (default 15000). */
  timeout?: number;
  /** How many times to retry a failed request (default 2). Writes are retried only because they carry an Idempotency-Key. */
  retries?: number;
  /** Language of the API's messages ("en" or "es"); sent as Accept-Language. */
  locale?: string;
  /** Organizer secret key (`sk_...`), for the admin client only: never put one in a web page you do not control. */
  secretKey?: string;
}

/** A parser from unknown JSON to T: any zod (mini) schema's safeParse fits. */
export interface Parser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

export interface Http {
  get<T>(path: string, parser: Parser<T>): Promise<T>;
  post<T>(path: string, body: unknown, parser: Parser<T>, idempotencyKey: string): Promise<{ status: number; data: T }>;
  /** Any write; `body` undefined sends none. Every write carries an Idempotency-Key. */
  send<T>(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string, body: unknown, parser: Parser<T>, idempotencyKey: string): Promise<{ status: number; data: T }>;
  /** The raw response of a GET (CSV downloads), after the same error handling. */
  raw(path: string): Promise<Response>;
}

export function createHttp(options: ClientOptions): Http {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.partnerKey) headers["X-Partner-Key"] = options.partnerKey;
  if (options.locale) headers["Accept-Language"] = options.locale;
  if (options.secretKey) headers.Authorization = `Bearer ${options.secretKey}`;
  const kyOptions: Options = {
    prefixUrl: options.baseUrl.replace(/\/+$/, "") + "/",
    headers,
    timeout: options.timeout ?? 15_000,
    retry: {
      limit: options.retries ?? 2,
      methods: ["get", "post", "put", "patch", "delete"],
      statusCodes: [408, 429, 502, 503, 504],
      backoffLimit: 4_000,
    },
  };
  if (options.fetch) kyOptions.fetch = options.fetch;
  const client: KyInstance = ky.create(kyOptions);

  async function run<T>(call: () => Promise<Response>, parser: Parser<T>): Promise<{ status: number; data: T }> {
    let response: Response;
    try {
      response = await call();
    } catch (error) {
      throw await toCkError(error);
    }
    const json: unknown = await response.json().catch(() => undefined);
    const parsed = parser.safeParse(json);
    if (!parsed.success) throw new CkResponseError(response.status);
    return { status: response.status, data: parsed.data };
  }

  const send: Http["send"] = (method, path, body, parser, idempotencyKey) => {
    const init: Options = { method, headers: { "Idempotency-Key": idempotencyKey }, ...(body === undefined ? {} : { json: body }) };
    return run(() => client(path.replace(/^\//, ""), init), parser);
  };

  return {
    async get(path, parser) {
      return (await run(() => client.get(path.replace(/^\//, "")), parser)).data;
    },
    post: (path, body, parser, idempotencyKey) => send("POST", path, body, parser, idempotencyKey),
    send,
    async raw(path) {
      try {
        return await client.get(path.replace(/^\//, ""), { headers: { Accept: "*/*" } });
      } catch (error) {
        throw await toCkError(error);
      }
    },
  };
}

async function toCkError(error: unknown): Promise<Error> {
  if (error instanceof HTTPError) {
    const { response } = error;
    const body: unknown = await response.json().catch(() => undefined);
    const parsed = ApiErrorBody.safeParse(body);
    const retryAfter = Number(response.headers.get("Retry-After")) || undefined;
    if (parsed.success) {
      const { code, message, fields } = parsed.data.error;
      return new CkApiError({ code, status: response.status, message, ...(fields ? { fields } : {}), ...(retryAfter ? { retryAfter } : {}) });
    }
    const code = statusToCode(response.status);
    return new CkApiError({ code, status: response.status, message: ERROR_MESSAGES[code], ...(retryAfter ? { retryAfter } : {}) });
  }
  if (error instanceof TimeoutError) return new CkNetworkError("The server took too long to answer. Please try again.", { cause: error });
  return new CkNetworkError(undefined, { cause: error });
}

function statusToCode(status: number): ErrorCode {
  const byStatus: Record<number, ErrorCode> = { 401: "invalid_key", 403: "origin_not_allowed", 404: "not_found", 413: "payload_too_large", 415: "unsupported_media_type", 422: "validation_failed", 429: "rate_limited" };
  const code = byStatus[status] ?? "internal";
  return ERROR_CODES.includes(code) ? code : "internal";
}
