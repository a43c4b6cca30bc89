import { html, nothing } from "lit";
import { defineMessages } from "../shared/define-messages.js";
import { messages } from "./petition-messages.js";

/**
 * The thank-you and share panel. A chunk of its own: the widget starts fetching it when someone
 * submits, alongside the signature, so the first paint of every petition carries less.
 */
export const shareMessages = defineMessages("petition", {
  shareAsk: "Now share it: every name brings us closer to the goal.",
  copyLink: "Copy link",
  copied: "Link copied",
  share: "Share",
  checkEmail: "Check your email",
  checkEmailBody: "We sent you a link to confirm your signature. Your name counts once you open it.",
  guardianPending: "Waiting for a parent or guardian",
  guardianPendingBody: "We emailed your parent or guardian. Your name counts once they agree.",
  link: "Link",
});

export interface SuccessView {
  /** What the API said: counted now, already counted, or waiting for an email confirmation or a guardian. */
  result: "signed" | "already_signed" | "confirm_email" | "guardian_pending";
  title: string;
  /** The petition's own share address, if the organizers set one; else this page. */
  shareUrl: string | null;
  copied: boolean;
  onCopied(): void;
}

/** This page without the widget's own markers. */
function pageUrl(): string {
  const url = new URL(location.href);
  url.searchParams.delete("ck_signed");
  url.hash = "";
  return url.toString();
}

export function renderSuccess(view: SuccessView) {
  if (view.result === "confirm_email" || view.result === "guardian_pending") {
    const email = view.result === "confirm_email";
    return html`<div part="success" class="success pending">
      <h3 id="ck-thanks" tabindex="-1">${email ? shareMessages.checkEmail : shareMessages.guardianPending}</h3>
      <p>${email ? shareMessages.checkEmailBody : shareMessages.guardianPendingBody}</p>
    </div>`;
  }
  const url = view.shareUrl || pageUrl();
  const copy = async (event: Event) => {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      ((event.target as Element).getRootNode() as ParentNode).querySelector<HTMLInputElement>("#ck-share-url")?.select();
    }
    view.onCopied();
  };
  const onShare = () => navigator.share({ title: view.title, url }).catch(() => undefined);
  return html`
    <div part="success" class="success">
      <slot name="thank-you">
        <h3 id="ck-thanks" tabindex="-1">${view.result === "already_signed" ? messages.alreadySigned : messages.thanks}</h3>
        <p>${shareMessages.shareAsk}</p>
      </slot>
      <div part="share" class="share">
        <label class="visually-hidden" for="ck-share-url">${shareMessages.link}</label>
        <input id="ck-share-url" part="input" readonly .value=${url} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
        <button part="button" type="button" @click=${copy}>${view.copied ? shareMessages.copied : shareMessages.copyLink}</button>
        ${typeof navigator.share === "function" ? html`<button part="button" type="button" @click=${onShare}>${shareMessages.share}</button>` : nothing}
      </div>
      <p class="visually-hidden" role="status">${view.copied ? shareMessages.copied : ""}</p>
    </div>
  `;
}
