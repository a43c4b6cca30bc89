import * as z from "zod/mini";

/** Every error code the API can return. Stable: clients switch on these. */
export const ERROR_CODES = [
  "validation_failed",
  "not_found",
  "invalid_key",
  "unauthorized",
  "origin_not_allowed",
  "petition_closed",
  "registration_closed",
  "rate_limited",
  "idempotency_conflict",
  "payload_too_large",
  "unsupported_media_type",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status for each error code. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  validation_failed: 422,
  not_found: 404,
  invalid_key: 401,
  unauthorized: 401,
  origin_not_allowed: 403,
  petition_closed: 409,
  registration_closed: 409,
  rate_limited: 429,
  idempotency_conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
};

/** Human messages shown when the API has nothing more specific to say. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  validation_failed: "Please correct the highlighted fields.",
  not_found: "We couldn't find that.",
  invalid_key: "This page's partner key is missing or not valid.",
  unauthorized: "A valid secret key is required (Authorization: Bearer sk_...).",
  origin_not_allowed: "This website is not allowed to use this partner key.",
  petition_closed: "This petition is closed and no longer accepting signatures.",
  registration_closed: "Registration for this session is closed.",
  rate_limited: "Too many attempts. Please wait a minute and try again.",
  idempotency_conflict: "This request was already sent with different details.",
  payload_too_large: "That request is too large.",
  unsupported_media_type: "Send JSON or a form.",
  internal: "Something went wrong on our side. Your information was not lost; please try again.",
};

/** Body of every non-2xx response: `{ error: { code, message, fields? } }`. */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** Field path (dot-joined) -> the message to show next to that field. */
    fields: z.optional(z.record(z.string(), z.string())),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/**
 * Turn a zod error into one message per field (the first issue wins).
 * Used by the API for its 422 body and by widgets for client-side validation,
 * so the browser and the API show the same words.
 */
export function fieldErrors(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
