import { html } from "lit";
import { commonMessages } from "./common-messages.js";

/**
 * What every widget shows until its data is on screen, under its header slot: `text` as a status
 * line while it loads; or, given `retry`, why it could not load (an alert) with "Try again".
 */
export function loadPanel(text: string, retry?: () => unknown) {
  return html`<div part="container" class="container" aria-busy=${retry ? "false" : "true"}>
    <slot name="header"></slot>
    ${retry
      ? html`<div class="alert" role="alert">
          <p>${text}</p>
          <button part="button" type="button" @click=${retry}>${commonMessages.tryAgain}</button>
        </div>`
      : html`<p class="muted" role="status">${text}</p>`}
  </div>`;
}
