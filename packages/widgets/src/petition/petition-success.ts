import { html, nothing } from "lit";
import { SHARE_CODE_PARAM } from "@coalition-kit/schema/rules";
import { defineMessages } from "../shared/define-messages.js";
import { msg, str } from "../shared/localize.js";
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
  shareVia: "Share it on",
  sms: "Text message",
  email: "Email",
}, {
  /** What a share says before the link. */
  shareText: (title: string) => msg(str`I just signed "${title}". Add your name too:`, { id: "petition.shareText" }),
});

/**
 * Where a signer can share the link without the Web Share API: each a plain link, opened by the
 * person's own app or site (nothing is loaded from these services until they choose one).
 */
function shareLinks(url: string, text: string): ReadonlyArray<readonly [string, string]> {
  const e = encodeURIComponent;
  return [
    ["WhatsApp", `https://wa.me/?text=${e(`${text} ${url}`)}`],
    [shareMessages.sms, `sms:?&body=${e(`${text} ${url}`)}`],
    [shareMessages.email, `mailto:?subject=${e(text)}&body=${e(url)}`],
    ["Facebook", `https://www.facebook.com/sharer/sharer.php?u=${e(url)}`],
    ["X", `https://x.com/intent/post?text=${e(text)}&url=${e(url)}`],
  ];
}

export interface SuccessView {
  /** What the API said: counted now, already counted, or waiting for an email confirmation or a guardian. */
  result: "signed" | "already_signed" | "confirm_email" | "guardian_pending";
  title: string;
  /** The petition's own share address, if the organizers set one; else this page. */
  shareUrl: string | null;
  /** The signer's own share code (a new signature's), added to the shared address as ck_ref. */
  shareRef: string | undefined;
  copied: boolean;
  onCopied(): void;
}

/** The address to share: the petition's, else this page without the widget's own markers, with the signer's code. */
function sharedUrl(shareUrl: string | null, ref: string | undefined): string {
  const url = new URL(shareUrl || location.href);
  url.searchParams.delete("ck_signed");
  url.searchParams.delete(SHARE_CODE_PARAM);
  if (ref) url.searchParams.set(SHARE_CODE_PARAM, ref);
  if (!shareUrl) url.hash = "";
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
  const url = sharedUrl(view.shareUrl, view.shareRef);
  const text = shareMessages.shareText(view.title);
  const copy = async (event: Event) => {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      ((event.target as Element).getRootNode() as ParentNode).querySelector<HTMLInputElement>("#ck-share-url")?.select();
    }
    view.onCopied();
  };
  const onShare = () => navigator.share({ title: view.title, text, url }).catch(() => undefined);
  const webShare = typeof navigator.share === "function";
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
        ${webShare ? html`<button part="button" type="button" @click=${onShare}>${shareMessages.share}</button>` : nothing}
      </div>
      ${webShare
        ? nothing
        : html`<nav part="share-links" class="share share-links" aria-label=${shareMessages.shareVia}>
            <span>${shareMessages.shareVia}</span>
            ${shareLinks(url, text).map(([name, href]) => html`<a href=${href} target="_blank" rel="noopener noreferrer">${name}</a>`)}
          </nav>`}
      <p class="visually-hidden" role="status">${view.copied ? shareMessages.copied : ""}</p>
    </div>
  `;
}
