import type { ErrorCode, RegisterResponse } from "@coalition-kit/schema";
import { CkApiError, CkNetworkError } from "@coalition-kit/sdk/lite";

/** Event details carry no personal data: safe to forward to a host page's analytics. */
export type CkSubmitDetail =
  | { widget: "petition"; petition: string }
  | { widget: "training-calendar"; series: string; session: string }
  | { widget: "story-form"; campaign: string }
  | { widget: "survey"; survey: string; variant: string }
  | { widget: "meeting-rsvp"; meeting: string; occurrence: string };

export type CkSuccessDetail =
  | { widget: "petition"; petition: string; status: "signed" | "already_signed" | "confirm_email" | "guardian_pending"; total: number }
  | { widget: "training-calendar"; series: string; session: string; status: RegisterResponse["status"]; queued?: true }
  | { widget: "story-form"; campaign: string; status: "pending" | "guardian_pending" }
  | { widget: "survey"; survey: string; variant: string; status: "recorded" }
  | { widget: "meeting-rsvp"; meeting: string; occurrence: string; response: "yes" | "maybe" | "no" };

export interface CkErrorDetail {
  widget: "petition" | "training-calendar" | "story-form" | "story-wall" | "survey" | "meeting-rsvp";
  code: ErrorCode | "network" | "unexpected";
  message: string;
  petition?: string;
  series?: string;
  session?: string;
  campaign?: string;
  survey?: string;
  variant?: string;
  meeting?: string;
  occurrence?: string;
}

/** Every event a Coalition Kit element dispatches (bubbling and composed, so a listener on `document` or `window` hears them too). */
export interface CkEventMap {
  "ck-submit": CustomEvent<CkSubmitDetail>;
  "ck-success": CustomEvent<CkSuccessDetail>;
  "ck-error": CustomEvent<CkErrorDetail>;
}

// Importing the package or any widget entry point types `addEventListener("ck-success", …)` on
// elements, `document` and `window` (these declarations are in the .d.ts the exports point at).
declare global {
  interface HTMLElementEventMap extends CkEventMap {}
  interface DocumentEventMap extends CkEventMap {}
  interface WindowEventMap extends CkEventMap {}
}

export function emit<K extends keyof CkEventMap>(
  target: HTMLElement,
  type: K,
  detail: CkEventMap[K]["detail"],
): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/** The code and message of any error, for a ck-error detail. */
export function errorDetail(error: unknown): Pick<CkErrorDetail, "code" | "message"> {
  const code: CkErrorDetail["code"] = error instanceof CkApiError ? error.code : error instanceof CkNetworkError ? "network" : "unexpected";
  return { code, message: error instanceof Error ? error.message : String(error) };
}
