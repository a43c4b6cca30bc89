import { PARTNER_ERROR_CODES, type ErrorCode } from "@coalition-kit/schema/rules";
import type { WriteChallenge } from "@coalition-kit/schema";

/** Base class of every error the SDK throws. */
export class CkError extends Error {
  override name = "CkError";
}

/** The API answered with an error body (or local validation failed with the API's own rules). */
export class CkApiError extends CkError {
  override name = "CkApiError";
  readonly code: ErrorCode;
  readonly status: number;
  /** Field path -> message, for `validation_failed`. Empty otherwise. */
  readonly fields: Readonly<Record<string, string>>;
  /** Seconds to wait before retrying, from Retry-After (429). */
  readonly retryAfter: number | undefined;
  /** With `challenge_required`: the proof-of-work to solve (see the `solveChallenge` client option). */
  readonly challenge: WriteChallenge | undefined;

  constructor(init: { code: ErrorCode; status: number; message?: string | undefined; fields?: Record<string, string> | undefined; retryAfter?: number | undefined; challenge?: WriteChallenge | undefined }) {
    super(init.message ?? "The request could not be completed.");
    this.code = init.code;
    this.status = init.status;
    this.fields = Object.freeze({ ...(init.fields ?? {}) });
    this.retryAfter = init.retryAfter;
    this.challenge = init.challenge;
  }
}

/** The API could not be reached (offline, DNS, refused, timed out). Safe to retry with the same idempotency key. */
export class CkNetworkError extends CkError {
  override name = "CkNetworkError";
  constructor(message = "We couldn't reach the server. Check your connection and try again.", options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The API answered with something that does not match the contract (version skew or a proxy page). */
export class CkResponseError extends CkError {
  override name = "CkResponseError";
  readonly status: number;
  constructor(status: number, message = "The server sent an unexpected response. Please try again later.") {
    super(message);
    this.status = status;
  }
}

const BY_STATUS: Readonly<Record<number, ErrorCode>> = { 401: "invalid_key", 403: "origin_not_allowed", 404: "not_found", 413: "payload_too_large", 415: "unsupported_media_type", 422: "validation_failed", 429: "rate_limited" };

/**
 * The one mapping from an error answer to a CkApiError, for both transports: the API's own
 * `{ error: { code, message, fields } }` when the body is one, else a code guessed from the status
 * (a proxy's page, an empty body). Zod-free and small: the widgets' client uses it too, knowing
 * only the codes a partner page can get (`codes`; the full client passes every code).
 */
export function apiErrorFrom(status: number, body: unknown, retryAfterHeader: string | null, codes: readonly ErrorCode[] = PARTNER_ERROR_CODES): CkApiError {
  const error = (body as { error?: { code?: ErrorCode; message?: string; fields?: Record<string, string>; challenge?: WriteChallenge } } | undefined)?.error;
  const known = codes.includes(error?.code as ErrorCode);
  return new CkApiError({
    code: known ? error!.code! : (BY_STATUS[status] ?? "internal"),
    status,
    message: known ? error!.message : undefined,
    fields: known ? error!.fields : undefined,
    retryAfter: Number(retryAfterHeader) || undefined,
    challenge: known ? error!.challenge : undefined,
  });
}
