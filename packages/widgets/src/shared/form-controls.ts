import { html, nothing, type TemplateResult } from "lit";
import { localizeError } from "./i18n.js";

/** What a form's controls need from their widget: current errors and a change handler. */
export interface ControlsView {
  errors: Readonly<Record<string, string>>;
  onFieldChange(event: Event): void;
}

export function errorFor(view: ControlsView, name: string) {
  const message = view.errors[name];
  return message ? html`<p part="error" class="error" id="${name}-error">${localizeError(message)}</p>` : nothing;
}

export interface TextFieldOptions {
  type?: string;
  autocomplete: string;
  required?: boolean;
  inputmode?: string;
  maxlength?: number;
}

/** A labelled input whose error is tied to it with aria-describedby. Its id is `ck-<name>`. */
export function textField(view: ControlsView, name: string, label: string, options: TextFieldOptions): TemplateResult {
  const invalid = Boolean(view.errors[name]);
  return html`
    <div part="field" class="field">
      <label part="label" for="ck-${name}">${label}</label>
      <input
        part="input"
        id="ck-${name}"
        name=${name}
        type=${options.type ?? "text"}
        autocomplete=${options.autocomplete}
        inputmode=${options.inputmode ?? nothing}
        maxlength=${options.maxlength ?? nothing}
        ?required=${options.required ?? false}
        aria-invalid=${invalid ? "true" : "false"}
        aria-describedby=${invalid ? `${name}-error` : nothing}
        @change=${view.onFieldChange}
      />
      ${errorFor(view, name)}
    </div>
  `;
}

/** An unchecked-by-default checkbox with its label (consent texts are shown exactly as stored). */
export function checkbox(view: ControlsView, name: string, label: string | TemplateResult): TemplateResult {
  const invalid = Boolean(view.errors[name]);
  return html`
    <div part="field" class="field check">
      <input
        part="checkbox"
        type="checkbox"
        id="ck-${name}"
        name=${name}
        aria-invalid=${invalid ? "true" : "false"}
        aria-describedby=${invalid ? `${name}-error` : nothing}
        @change=${view.onFieldChange}
      />
      <label part="label" for="ck-${name}">${label}</label>
      ${errorFor(view, name)}
    </div>
  `;
}

/** Focus the first field (in the given order) that has an error. */
export function focusFirstError(root: ParentNode, order: readonly string[], errors: Readonly<Record<string, string>>): void {
  const first = order.find((name) => errors[name]);
  if (first) root.querySelector<HTMLElement>(`#ck-${first}`)?.focus();
}
