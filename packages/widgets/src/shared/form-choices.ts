import { html, nothing, type TemplateResult } from "lit";
import { errorFor, type ControlsView } from "./form-controls.js";

/** A fieldset of radios; the first radio's id is `ck-<name>` so focusFirstError can reach it. */
export function radioGroup<V extends string>(
  view: ControlsView,
  name: string,
  legend: string,
  options: ReadonlyArray<readonly [V, string]>,
  selected: V | undefined,
  onPick: (value: V) => void,
): TemplateResult {
  const invalid = Boolean(view.errors[name]);
  return html`
    <fieldset part="field" class="field choices" aria-describedby=${invalid ? `${name}-error` : nothing}>
      <legend part="label">${legend}</legend>
      ${options.map(
        ([value, label], i) => html`<label class="radio">
          <input
            type="radio"
            name=${name}
            id=${i === 0 ? `ck-${name}` : `ck-${name}-${value}`}
            value=${value}
            aria-invalid=${invalid ? "true" : "false"}
            .checked=${selected === value}
            @change=${() => onPick(value)}
          />
          ${label}
        </label>`,
      )}
      ${errorFor(view, name)}
    </fieldset>
  `;
}

/** A labelled textarea with a live character count. */
/**
 * A long text with a character counter. The counter warns from 90% of `max` ("is-near") and turns
 * to an error past it ("is-over"): the text is not cut at the limit (a pasted story stays whole, to
 * be shortened), and the field's error says the limit when it is sent.
 */
export function textArea(view: ControlsView, name: string, label: string, options: { max: number; rows?: number; length: number; onInput(event: Event): void }): TemplateResult {
  const invalid = Boolean(view.errors[name]);
  const state = options.length > options.max ? "is-over" : options.length >= options.max * 0.9 ? "is-near" : "";
  return html`
    <div part="field" class="field">
      <label part="label" for="ck-${name}">${label}</label>
      <textarea
        part="input"
        id="ck-${name}"
        name=${name}
        rows=${options.rows ?? 8}
        aria-invalid=${invalid || state === "is-over" ? "true" : "false"}
        aria-describedby="${name}-count${invalid ? ` ${name}-error` : ""}"
        @input=${options.onInput}
        @change=${view.onFieldChange}
      ></textarea>
      <p class="count-hint ${state}" id="${name}-count">${options.length} / ${options.max}</p>
      ${errorFor(view, name)}
    </div>
  `;
}
