import * as z from "zod/mini";
import { ERROR_CODES } from "./vocabulary.js";

export { ERROR_CODES, ERROR_MESSAGES, ERROR_STATUS, type ErrorCode } from "./vocabulary.js";

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
