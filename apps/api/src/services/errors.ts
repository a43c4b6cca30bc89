import { ERROR_MESSAGES, ERROR_STATUS, fieldErrors, type ApiErrorBody, type ErrorCode, type Locale, type WriteChallenge } from "@coalition-kit/schema";
import { spanishFor } from "@coalition-kit/schema/messages/es";

/** An error meant for the client: it becomes `{ error: { code, message, fields } }` with the code's status. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  readonly headers: Record<string, string>;
  /** With challenge_required: the proof-of-work challenge to solve. */
  readonly challenge: WriteChallenge | undefined;

  constructor(code: ErrorCode, options: { message?: string; fields?: Record<string, string>; headers?: Record<string, string>; challenge?: WriteChallenge } = {}) {
    super(options.message ?? ERROR_MESSAGES[code]);
    this.code = code;
    this.fields = options.fields;
    this.headers = options.headers ?? {};
    this.challenge = options.challenge;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** The response body, in Spanish when the request asked for it (messages without a translation stay English). */
  toBody(locale: Locale = "en"): ApiErrorBody {
    const say = (en: string) => (locale === "es" ? (spanishFor(en) ?? en) : en);
    const fields = this.fields ? Object.fromEntries(Object.entries(this.fields).map(([k, v]) => [k, say(v)])) : undefined;
    return { error: { code: this.code, message: say(this.message), ...(fields ? { fields } : {}), ...(this.challenge ? { challenge: this.challenge } : {}) } };
  }
}

/** A 422 with a message per field (`{ field: message }`). */
export function validationError(fields: Record<string, string>): ApiError {
  return new ApiError("validation_failed", { fields });
}

/** Parse with a shared schema, or fail with its field messages (422). */
export function parseOrReject<T>(
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof fieldErrors>[0] } },
  input: unknown,
): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(fieldErrors(parsed.error));
  return parsed.data;
}
