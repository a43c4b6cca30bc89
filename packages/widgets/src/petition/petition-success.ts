import { html, nothing } from "lit";
import { messages } from "./petition-messages.js";

export interface SuccessView {
  alreadySigned: boolean;
  shareUrl: string;
  copied: boolean;
  canShare: boolean;
  onCopy(): void;
  onShare(): void;
}

export function renderSuccess(view: SuccessView) {
  return html`
    <div part="success" class="success">
      <slot name="thank-you">
        <h3 id="ck-thanks" tabindex="-1">${view.alreadySigned ? messages.alreadySigned : messages.thanks}</h3>
        <p>${messages.shareAsk}</p>
      </slot>
      <div part="share" class="share">
        <label class="visually-hidden" for="ck-share-url">Link</label>
        <input id="ck-share-url" part="input" readonly .value=${view.shareUrl} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
        <button part="button" type="button" @click=${view.onCopy}>${view.copied ? messages.copied : messages.copyLink}</button>
        ${view.canShare ? html`<button part="button" type="button" @click=${view.onShare}>${messages.share}</button>` : nothing}
      </div>
      <p class="visually-hidden" role="status">${view.copied ? messages.copied : ""}</p>
    </div>
  `;
}
