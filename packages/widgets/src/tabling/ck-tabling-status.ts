import { LitElement, css, html, nothing } from "lit";
import { defineMessages } from "../shared/define-messages.js";
import { msg, str } from "../shared/localize.js";
import { tokens } from "../shared/tokens.js";
import { queueChanges, queued, remove, type QueuedAction } from "./tabling-queue.js";
// Kept in this entry point's .d.ts: the global event maps (ck-submit, ck-success, ck-error) live there.
import "../shared/events.js";

export const tablingMessages = defineMessages(
  "tabling",
  {
    mode: "Tabling mode: the form clears after each person.",
    thanks: "Thank you! The form is ready for the next person.",
    saved: "Saved on this device, to be sent when the connection returns. Thank you! The form is ready for the next person.",
    savedRegistration: "Saved on this device. You'll get your confirmation email when it's sent.",
    allSent: "Everything taken here has been sent.",
    refusedHeading: "Not accepted: check these with the person, or remove them",
    remove: "Remove",
    anonymous: "An anonymous response",
  },
  {
    waiting: (n: number) => (n === 1 ? msg("1 is waiting on this device to be sent.", { id: "tabling.waitingOne" }) : msg(str`${n} are waiting on this device to be sent.`, { id: "tabling.waiting" })),
  },
);

/** What the last person at the table was told: sent, or kept on the device (a registration says when its email comes). */
export type Thanked = "thanks" | "saved" | "savedRegistration";

/**
 * The line above a widget in tabling mode, for the organizer at the table: that the form clears
 * after each person, how many actions wait on this device, the ones the API refused (the first
 * name and the API's reason, to be checked and removed), and a thank-you after each person.
 * @summary Tabling mode's status: waiting, refused, thank-you.
 * @tagname ck-tabling-status
 */
export class CkTablingStatus extends LitElement {
  static override properties = { scope: { type: String }, preview: { attribute: false }, actions: { state: true }, thanked: { state: true } };
  static override styles = [
    tokens,
    css`
      :host { display: block; margin-bottom: 0.5rem; font: inherit; color: var(--_text); }
      .status { border: 1px dashed var(--_border); border-radius: var(--_radius); padding: 0.5rem 0.75rem; }
      p { margin: 0.25rem 0; }
      .thanks { font-weight: 600; color: var(--_success, inherit); }
      ul { margin: 0.25rem 0; padding-inline-start: 1.25rem; }
      button { font: inherit; min-height: 24px; min-width: 24px; margin-inline-start: 0.5rem; }
    `,
  ];
  /** The queue this line reports on (tabling mode sets it). */
  declare scope: string;
  /** For design previews (Storybook): these actions and this thank-you instead of the device's queue. */
  declare preview: { actions: QueuedAction[]; thanked?: Thanked } | undefined;
  declare private actions: QueuedAction[];
  /** What the last person was told: "thanks" (sent), "saved" or "savedRegistration" (kept for later), or nothing yet. */
  declare private thanked: Thanked | undefined;
  private readonly onChange = () => void this.refresh();

  constructor() {
    super();
    this.scope = "";
    this.actions = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    queueChanges.addEventListener("change", this.onChange);
    void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    queueChanges.removeEventListener("change", this.onChange);
  }

  /** The thank-you for the person who just finished; `savedAs`: what to say when it waits on the device. */
  thank(saved: boolean, savedAs: Exclude<Thanked, "thanks"> = "saved"): void {
    this.thanked = saved ? savedAs : "thanks";
  }

  private async refresh(): Promise<void> {
    if (!this.preview) this.actions = await queued(this.scope);
  }

  protected override render() {
    const actions = this.preview?.actions ?? this.actions;
    const thanked = this.preview?.thanked ?? this.thanked;
    const waiting = actions.filter((a) => a.state === "waiting").length;
    const refused = actions.filter((a) => a.state === "refused");
    const m = tablingMessages;
    return html`<div class="status" part="status">
      <p>${m.mode}</p>
      <p role="status" class="thanks">${thanked ? m[thanked] : ""}</p>
      <p class="waiting" aria-live="polite" data-waiting=${waiting}>${waiting ? m.waiting(waiting) : thanked ? m.allSent : ""}</p>
      ${refused.length
        ? html`<p><strong>${m.refusedHeading}</strong></p>
            <ul class="refused">
              ${refused.map((a) => html`<li>${String(a.input["firstName"] ?? m.anonymous)}: ${a.reason}<button type="button" @click=${() => void remove(a.key)}>${m.remove}</button></li>`)}
            </ul>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ck-tabling-status": CkTablingStatus;
  }
}

/** Define <ck-tabling-status> once (called by tabling mode; the package marks modules free of side effects). */
export function defineTablingStatus(): void {
  if (!customElements.get("ck-tabling-status")) customElements.define("ck-tabling-status", CkTablingStatus);
}
