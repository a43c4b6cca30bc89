import { html, nothing, type TemplateResult } from "lit";
import { AdminView } from "./admin-view.js";

/** An inline editor shows a change form or a cancel confirmation. */
export type EditMode = "change" | "cancel";

/** What an inline editor's `ck-saved` event carries: the API's answer and what was done, for the status line. */
export interface Saved<T> {
  answer: T;
  action: "changed" | "cancelled" | "restored";
}

/** The ways a session or meeting happens, for a select. */
export const FORMATS = [
  ["virtual", "Online"],
  ["in_person", "In person"],
  ["hybrid", "Both (in person and online)"],
] as const;

/** "1 person was notified by email." / "Nobody …" — how many the API says were told. */
export function notifiedText(n: number): string {
  if (n === 0) return "Nobody was signed up, so no email went out.";
  return `${n === 1 ? "1 person was" : `${n} people were`} notified by email.`;
}

/**
 * A change form or a cancel confirmation shown in the page under the row it changes (never a
 * browser dialog). It focuses its first input (or the question, with id "question") when it opens,
 * fires `ck-saved` (detail: Saved) when the API accepted the change and `ck-closed` when the
 * organizer keeps things as they are. The parent reloads, says what happened and moves the focus.
 */
export abstract class InlineEditor<T> extends AdminView {
  static override properties = { ...AdminView.properties, mode: { type: String } };
  declare mode: EditMode;

  constructor() {
    super();
    this.mode = "change";
  }

  protected async load(): Promise<void> {}

  protected override render() {
    return this.mode === "cancel" ? this.renderCancel() : this.renderChange();
  }

  protected abstract renderChange(): TemplateResult;
  protected abstract renderCancel(): TemplateResult;

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>("#question, input, select")?.focus();
  }

  /** Run the API call: on success fire `ck-saved`; on failure focus the first field in error, else the alert. */
  protected async save(action: Saved<T>["action"], call: () => Promise<T>): Promise<void> {
    let answer: T | undefined;
    const ok = await this.attempt(async () => {
      answer = await call();
    });
    if (ok && answer !== undefined) this.dispatchEvent(new CustomEvent<Saved<T>>("ck-saved", { detail: { answer, action }, bubbles: true, composed: true }));
    else await this.focusOutcome(".alert");
  }

  protected readonly close = () => this.dispatchEvent(new CustomEvent("ck-closed", { bubbles: true, composed: true }));

  /** A change form's "Save and notify" and "Keep as is", and how many fields need fixing (for screen readers). */
  protected renderSaveRow() {
    const errors = Object.keys(this.errors).length;
    return html`<div class="row">
        <button type="submit" ?disabled=${this.busy}>${this.busy ? "Saving…" : "Save and notify"}</button>
        <button type="button" class="secondary" @click=${this.close}>Keep as is</button>
      </div>
      ${errors ? html`<p class="visually-hidden" role="status">Please fix ${errors} fields.</p>` : nothing}`;
  }

  /** The alert line, with the words of any field error that has no field on screen (e.g. a session that ended meanwhile). */
  protected renderProblems(shown: readonly string[]) {
    const elsewhere = Object.entries(this.errors).filter(([name]) => !shown.includes(name));
    if (elsewhere.length === 0) return this.renderAlert();
    return html`<p class="alert" role="alert">${elsewhere.map(([, message]) => message).join(" ")}</p>`;
  }
}
