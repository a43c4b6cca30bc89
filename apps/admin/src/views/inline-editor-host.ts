import { html, nothing, type TemplateResult } from "lit";
import { keyed } from "lit/directives/keyed.js";
import { AdminView } from "./admin-view.js";
import type { EditMode } from "./inline-editor.js";

/** The row whose change form or cancel confirmation is open: `key` within `group` (a series or a meeting). */
export interface Editing {
  group: string;
  key: string;
  mode: EditMode;
}

/**
 * A section whose table rows each open an InlineEditor under them: at most one at a time, a
 * status line saying what the last change did, and the focus moved to that line after a save or
 * back to the row's first button when the organizer keeps things as they are.
 */
export abstract class InlineEditorHost extends AdminView {
  static override properties = { ...AdminView.properties, editing: { state: true }, status: { state: true } };
  /** The one row whose editor is open. */
  declare editing: Editing | undefined;
  /** The outcome of the last change, for the status line. */
  declare status: string | undefined;

  /** The id of the status line. */
  protected abstract readonly statusId: string;
  /** The attribute holding each row's key (rows are `tr[<rowKey>="<key>"]`). */
  protected abstract readonly rowKey: string;

  /** The row's open editor, if it is the one open. */
  protected openFor(group: string, key: string): Editing | undefined {
    return this.editing?.group === group && this.editing.key === key ? this.editing : undefined;
  }

  protected edit(group: string, key: string, mode: EditMode): void {
    this.status = undefined;
    this.editing = { group, key, mode };
  }

  /**
   * A change went through: close the editor, load again, then say what happened and focus the
   * outcome, so the status line never describes a table that has not caught up yet.
   */
  protected async saved(status: string): Promise<void> {
    this.editing = undefined;
    await this.refresh();
    this.status = status;
    await this.focusOutcome(`#${this.statusId}`);
  }

  protected readonly onClosed = async (): Promise<void> => {
    const key = this.editing?.key;
    this.editing = undefined;
    await this.updateComplete;
    if (key) this.renderRoot.querySelector<HTMLElement>(`tr[${this.rowKey}="${CSS.escape(key)}"] button`)?.focus();
  };

  protected renderStatus() {
    return html`<p id=${this.statusId} class=${this.status ? "notice" : "visually-hidden"} role="status" tabindex="-1">${this.status ?? ""}</p>`;
  }

  /**
   * "Change" and `cancel[0]` ("Cancel week") for one row, each saying whether its editor is open;
   * `change` and `cancel[1]` end their names for screen readers (" the meeting of 2026-12-10").
   */
  protected renderEditButtons(group: string, key: string, change: string, cancel: readonly [label: string, more: string]) {
    const open = this.openFor(group, key)?.mode;
    const button = (mode: EditMode, label: string, more: string) =>
      html`<button type="button" class="secondary" aria-expanded=${open === mode ? "true" : "false"} @click=${() => this.edit(group, key, mode)}>${label}<span class="visually-hidden">${more}</span></button>`;
    return html`${button("change", "Change", change)} ${button("cancel", ...cancel)}`;
  }

  /** The table row under the row `key` holding its open editor (keyed: each opening starts afresh). */
  protected renderEditorRow(group: string, key: string, columns: number, editor: (mode: EditMode) => TemplateResult) {
    const open = this.openFor(group, key);
    return open
      ? html`<tr class="editing">
          <td colspan=${columns}>${keyed(`${group} ${key} ${open.mode}`, editor(open.mode))}</td>
        </tr>`
      : nothing;
  }
}
