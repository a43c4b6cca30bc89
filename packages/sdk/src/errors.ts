import type { ErrorCode } from "@coalition-kit/schema/rules";

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

  constructor(init: { code: ErrorCode; status: number; message?: string; fields?: Record<string, string>; retryAfter?: number }) {
    super(init.message ?? "The request could not be completed.");
    this.code = init.code;
    this.status = init.status;
    this.fields = Object.freeze({ ...(init.fields ?? {}) });
    this.retryAfter = init.retryAfter;
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
