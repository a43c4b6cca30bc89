import * as z from "zod/mini";
import { ERROR_CODES } from "./vocabulary.js";

export { ERROR_CODES, ERROR_MESSAGES, ERROR_STATUS, type ErrorCode } from "./vocabulary.js";

/** An ALTCHA v2 proof-of-work challenge, signed by the API: solve it with altcha-lib's `solveChallenge`. */
export const WriteChallenge = z.object({
  parameters: z.object({
    algorithm: z.string(),
    nonce: z.string(),
    salt: z.string(),
    cost: z.number(),
    keyLength: z.number(),
    keyPrefix: z.string(),
    keySignature: z.optional(z.string()),
    data: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
  }),
  signature: z.string(),
});
export type WriteChallenge = z.infer<typeof WriteChallenge>;

/** Body of every non-2xx response: `{ error: { code, message, fields? } }`. */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** Field path (dot-joined) -> the message to show next to that field. */
    fields: z.optional(z.record(z.string(), z.string())),
    /**
     * With `challenge_required`: an ALTCHA v2 challenge to solve (see CHALLENGE_HEADER). Send the
     * same write again, with the same Idempotency-Key, and the solution in that header.
     */
    challenge: z.optional(WriteChallenge),
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
