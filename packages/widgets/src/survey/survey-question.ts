import { html, nothing, type TemplateResult } from "lit";
import { live } from "lit/directives/live.js";
import type { AnswerValue, Question } from "@coalition-kit/schema";
import { surveyMessages as t } from "./survey-messages.js";
import { localizeError } from "../shared/i18n.js";

export interface QuestionView {
  question: Question;
  /** The language of one of the question's texts ("prompt", "help", "options.<value>", "scale.minLabel"). */
  lang(text: string): string;
  value: AnswerValue | undefined;
  error: string | undefined;
  onAnswer(id: string, value: AnswerValue | undefined): void;
  onEnter(): void;
}

const errorId = (q: Question) => `q-${q.id}-error`;

function describedBy(view: QuestionView): string | typeof nothing {
  const ids = [view.question.help ? `q-${view.question.id}-help` : "", view.error ? errorId(view.question) : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : nothing;
}

function prompt(view: QuestionView) {
  const q = view.question;
  return html`<span lang=${view.lang("prompt")}>${q.prompt}</span>${q.required ? nothing : html` <span class="optional">${t.optional}</span>`}`;
}

function help(view: QuestionView) {
  const q = view.question;
  return q.help ? html`<p class="help" id="q-${q.id}-help" lang=${view.lang("help")}>${q.help}</p>` : nothing;
}

function choices(view: QuestionView): TemplateResult {
  const q = view.question;
  const multiple = q.type === "multiple";
  const selected = (value: string) => (multiple ? Array.isArray(view.value) && view.value.includes(value) : view.value !== undefined && String(view.value) === value);
  const options = q.type === "scale" ? [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) })) : (q.options ?? []);
  const toggle = (value: string, checked: boolean) => {
    if (!multiple) return view.onAnswer(q.id, q.type === "scale" ? Number(value) : value);
    const current = Array.isArray(view.value) ? view.value : [];
    view.onAnswer(q.id, checked ? [...current, value] : current.filter((v) => v !== value));
  };
  return html`
    <fieldset
      part="question"
      class="question ${q.type}"
      role=${multiple ? nothing : "radiogroup"}
      aria-describedby=${describedBy(view)}
      aria-required=${!multiple && q.required ? "true" : nothing}
    >
      <legend part="label" class="prompt" tabindex="-1">${prompt(view)}</legend>
      ${help(view)}
      ${q.type === "scale" && q.scale ? html`<p class="scale-ends" aria-hidden="true"><span lang=${view.lang("scale.minLabel")}>1 = ${q.scale.minLabel}</span><span lang=${view.lang("scale.maxLabel")}>5 = ${q.scale.maxLabel}</span></p>` : nothing}
      <div class="options">
        ${options.map(
          (o, i) => html`<label class="option">
            <input
              type=${multiple ? "checkbox" : "radio"}
              name="q-${q.id}"
              id=${i === 0 ? `ck-q-${q.id}` : `ck-q-${q.id}-${o.value}`}
              value=${o.value}
              aria-invalid=${view.error ? "true" : "false"}
              aria-label=${q.type === "scale" && q.scale ? `${o.label}${o.value === "1" ? ` (${q.scale.minLabel})` : o.value === "5" ? ` (${q.scale.maxLabel})` : ""}` : nothing}
              .checked=${live(selected(o.value))}
              @change=${(e: Event) => toggle(o.value, (e.target as HTMLInputElement).checked)}
            />
            <span lang=${q.type === "scale" ? nothing : view.lang(`options.${o.value}`)}>${o.label}</span>
          </label>`,
        )}
      </div>
      ${view.error ? html`<p part="error" class="error" id=${errorId(q)}>${localizeError(view.error)}</p>` : nothing}
    </fieldset>
  `;
}

function textAnswer(view: QuestionView): TemplateResult {
  const q = view.question;
  const long = q.type === "long_text";
  const onInput = (e: Event) => view.onAnswer(q.id, (e.target as HTMLInputElement | HTMLTextAreaElement).value);
  const onKey = (e: KeyboardEvent) => {
    if (!long && e.key === "Enter") {
      e.preventDefault();
      view.onEnter();
    }
  };
  return html`
    <div part="question" class="question ${q.type}">
      <label part="label" class="prompt" for="ck-q-${q.id}">${prompt(view)}</label>
      ${help(view)}
      ${long
        ? html`<textarea part="input" id="ck-q-${q.id}" rows="5" maxlength=${q.maxLength ?? 2000} aria-invalid=${view.error ? "true" : "false"} aria-describedby=${describedBy(view)} .value=${typeof view.value === "string" ? view.value : ""} @input=${onInput}></textarea>`
        : html`<input part="input" id="ck-q-${q.id}" type="text" maxlength=${q.maxLength ?? 200} aria-invalid=${view.error ? "true" : "false"} aria-describedby=${describedBy(view)} .value=${typeof view.value === "string" ? view.value : ""} @input=${onInput} @keydown=${onKey} />`}
      ${view.error ? html`<p part="error" class="error" id=${errorId(q)}>${localizeError(view.error)}</p>` : nothing}
    </div>
  `;
}

export function renderQuestion(view: QuestionView): TemplateResult {
  return view.question.type === "short_text" || view.question.type === "long_text" ? textAnswer(view) : choices(view);
}
