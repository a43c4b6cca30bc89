import type { ErrorCode } from "@coalition-kit/schema";

/** Event details carry no personal data: safe to forward to a host page's analytics. */
export interface CkSubmitDetail {
  widget: string;
  petition: string;
}
export interface CkSuccessDetail {
  widget: string;
  petition: string;
  status: "signed" | "already_signed";
  total: number;
}
export interface CkErrorDetail {
  widget: string;
  petition: string;
  code: ErrorCode | "network" | "unexpected";
  message: string;
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
