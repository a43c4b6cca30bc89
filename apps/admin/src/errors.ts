import { CkApiError, CkNetworkError } from "@coalition-kit/sdk/admin";

/** One line for an alert: the API's message, or what to do when it could not be reached. */
export function problem(error: unknown): string {
  if (error instanceof CkApiError) return error.message;
  if (error instanceof CkNetworkError) return "We couldn't reach the API. Check the connection and try again.";
  return error instanceof Error ? error.message : String(error);
}

/** Field -> message of a validation error (the same words the API and the widgets use). */
export const fieldsOf = (error: unknown): Record<string, string> => (error instanceof CkApiError ? { ...error.fields } : {});
