import ky, { HTTPError, TimeoutError, type KyInstance, type Options } from "ky";
import { CHALLENGE_HEADER, ERROR_CODES, IDEMPOTENCY_KEY_HEADER, PARTNER_KEY_HEADER, type WriteChallenge } from "@coalition-kit/schema";
import { apiErrorFrom, CkApiError, CkNetworkError, CkResponseError } from "./errors.js";
import { withPartnerKey } from "./reads.js";

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
  /**
   * Solves a proof-of-work challenge and returns the `X-CK-Challenge` header value. Past the
   * per-address rate (many people behind one school address) a write is answered 429
   * `challenge_required`; with this option it is sent again, solved, with the same Idempotency-Key.
   * With altcha-lib: `async (challenge) => { const solution = await solveChallenge({ challenge, deriveKey }); return solution ? btoa(JSON.stringify({ challenge, solution })) : undefined; }`.
   */
  solveChallenge?: (challenge: WriteChallenge) => Promise<string | undefined>;
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

/** A write body sent as it is, with its own Content-Type (a CSV upload), instead of as JSON. */
export class TextBody {
  constructor(
    readonly text: string,
    readonly type: string,
  ) {}
}

export function createHttp(options: ClientOptions): Http {
  const headers: Record<string, string> = { Accept: "application/json" };
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
      // A challenge is answered by solving it, not by sending the same request again.
      shouldRetry: async ({ error }) => (error instanceof HTTPError && error.response.status === 429 && (await challengeOf(error.response)) ? false : undefined),
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
    // Writes name their partner in a header; reads carry it in the URL (no CORS preflight, cacheable).
    const partner: Record<string, string> = options.partnerKey ? { [PARTNER_KEY_HEADER]: options.partnerKey } : {};
    const attempt = (solution?: string) => {
      const headers: Record<string, string> = { ...partner, [IDEMPOTENCY_KEY_HEADER]: idempotencyKey, ...(solution ? { [CHALLENGE_HEADER]: solution } : {}) };
      const payload = body === undefined ? {} : body instanceof TextBody ? { body: body.text, headers: { ...headers, "Content-Type": body.type } } : { json: body };
      return run(() => client(path.replace(/^\//, ""), { method, headers, ...payload }), parser);
    };
    return attempt().catch(async (error: unknown) => {
      // Past the per-address rate: solve the challenge and send the same write again (once).
      if (!(error instanceof CkApiError) || error.code !== "challenge_required" || !error.challenge || !options.solveChallenge) throw error;
      const solution = await options.solveChallenge(error.challenge);
      if (!solution) throw error;
      return attempt(solution);
    });
  };

  return {
    async get(path, parser) {
      return (await run(() => client.get(withPartnerKey(path.replace(/^\//, ""), options.partnerKey)), parser)).data;
    },
    post: (path, body, parser, idempotencyKey) => send("POST", path, body, parser, idempotencyKey),
    send,
    async raw(path) {
      try {
        return await client.get(withPartnerKey(path.replace(/^\//, ""), options.partnerKey), { headers: { Accept: "*/*" } });
      } catch (error) {
        throw await toCkError(error);
      }
    },
  };
}

/** Whether a 429 is `challenge_required` (read from a copy: the body is still read afterwards). */
async function challengeOf(response: Response): Promise<boolean> {
  const body = (await response.clone().json().catch(() => undefined)) as { error?: { code?: string } } | undefined;
  return body?.error?.code === "challenge_required";
}

async function toCkError(error: unknown): Promise<Error> {
  if (error instanceof HTTPError) {
    const body: unknown = await error.response.json().catch(() => undefined);
    return apiErrorFrom(error.response.status, body, error.response.headers.get("Retry-After"), ERROR_CODES);
  }
  if (error instanceof TimeoutError) return new CkNetworkError("The server took too long to answer. Please try again.", { cause: error });
  return new CkNetworkError(undefined, { cause: error });
}
