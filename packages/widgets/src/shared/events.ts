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
  | { widget: "training-calendar"; series: string; session: string; status: RegisterResponse["status"] }
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

declare global {
  interface HTMLElementEventMap {
    "ck-submit": CustomEvent<CkSubmitDetail>;
    "ck-success": CustomEvent<CkSuccessDetail>;
    "ck-error": CustomEvent<CkErrorDetail>;
  }
}

export function emit<K extends "ck-submit" | "ck-success" | "ck-error">(
  target: HTMLElement,
  type: K,
  detail: HTMLElementEventMap[K]["detail"],
): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/** The code and message of any error, for a ck-error detail. */
export function errorDetail(error: unknown): Pick<CkErrorDetail, "code" | "message"> {
  const code: CkErrorDetail["code"] = error instanceof CkApiError ? error.code : error instanceof CkNetworkError ? "network" : "unexpected";
  return { code, message: error instanceof Error ? error.message : String(error) };
}
