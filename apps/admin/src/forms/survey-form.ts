import { html, nothing } from "lit";
import { live } from "lit/directives/live.js";
import { SurveyInput } from "@coalition-kit/schema";
import { FormView, schemaErrors, slugTyping } from "./form-view.js";
import { answersOf, blankQuestion, blankSurvey, blankVariant, QUESTION_KINDS, readSurvey, surveyDraftOf, surveyInputOf, type QuestionDraft, type SurveyDraft, type VariantDraft } from "./survey-draft.js";

/** Where an error under a question shows: its choices box, its show-if select, or (for its id) its prompt. */
const QUESTION_PLACES: Array<[RegExp, string]> = [
  [/^(variants\.\d+\.questions\.\d+)\.options(\..*)?$/, "$1.options"],
  [/^(variants\.\d+\.questions\.\d+)\.showIf(\..*)?$/, "$1.showIf"],
  [/^(variants\.\d+\.questions\.\d+)\.scale(\.(min|max))?$/, "$1.scale.minLabel"],
  [/^(variants\.\d+\.questions\.\d+)\.id$/, "$1.prompt"],
];

/**
 * Create a survey (`slug` empty) or edit one (`slug` set: it is loaded into the form): title, whether
 * results are public and the smallest group shown, and versions for different audiences, each with
 * questions (one or several choices, short or long text, a 1–5 scale) that may show only when an
 * earlier answer is given. Saved with PUT; back to the list after.
 */
export class CkAdminSurveyForm extends FormView {
  static override properties = { ...FormView.properties, slug: { type: String }, draft: { state: true } };
  declare slug: string;
  declare draft: SurveyDraft | undefined;
  /** Versions saved before: people may have answered them, so they are not removed here. */
  private saved = new Set<string>();

  constructor() {
    super();
    this.slug = "";
  }

  protected async load(): Promise<void> {
    this.draft = this.slug ? surveyDraftOf(await this.client.surveys.get(this.slug)) : blankSurvey();
    this.saved = new Set(this.slug ? this.draft.variants.map((v) => v.slug) : []);
  }

  protected override placeErrors(errors: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [path, message] of Object.entries(errors)) {
      const rule = QUESTION_PLACES.find(([re]) => re.test(path));
      out[rule ? path.replace(rule[0], rule[1]) : path] ??= message;
    }
    return out;
  }

  private readonly onInput = (event: Event) => {
    if (this.draft) this.draft = readSurvey(this.draft, new FormData(event.currentTarget as HTMLFormElement));
  };

  private setVariants(variants: VariantDraft[], focus: string) {
    this.draft = { ...this.draft!, variants };
    void this.focusLater(focus);
  }

  private setQuestions(i: number, questions: QuestionDraft[], focus: string) {
    this.setVariants(this.draft!.variants.map((v, k) => (k === i ? { ...v, questions } : v)), focus);
  }

  private readonly onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    this.draft = readSurvey(this.draft!, new FormData(event.currentTarget as HTMLFormElement));
    const slug = this.slug || this.draft.slug;
    const { input, typing } = surveyInputOf(this.draft);
    const ok = await this.submit(async () => void (await this.client.surveys.save(slug, input)), { ...(this.slug ? {} : slugTyping(slug)), ...typing }, () => schemaErrors(SurveyInput, input));
    if (ok) location.hash = "#/surveys";
  };

  protected override render() {
    const heading = this.slug ? "Edit survey" : "New survey";
    if (!this.draft) return html`<h1>${heading}</h1>${this.renderAlert()}<p class="muted" role="status">Loading…</p>`;
    const d = this.draft;
    return html`
      <h1>${heading}</h1>
      <p><a href="#/surveys">Back to surveys</a></p>
      <form @submit=${this.onSubmit} @input=${this.onInput} @change=${this.onInput} novalidate aria-label=${heading}>
        ${this.slug
          ? html`<p>Address: <code>${this.slug}</code></p>`
          : this.input("slug", "Address", { value: d.slug, required: true, hint: "Lowercase letters, numbers and dashes, e.g. school-climate. Partners embed the survey by this name." })}
        ${this.input("title", "Title", { value: d.title, required: true })}
        <label class="check"><input type="checkbox" name="publicResults" .checked=${live(d.publicResults)} /> Anyone may see the results</label>
        ${this.input("minGroupSize", "Smallest group shown", { type: "number", value: d.minGroupSize, required: true, hint: "Counts for fewer people than this are never shown." })}
        ${this.slug ? html`<p class="muted">People may have answered already: changing a question's choices changes what their answers are counted as.</p>` : nothing}
        ${d.variants.map((v, i) => this.renderVariant(v, i))}
        <div class="row">
          <button type="button" class="secondary add-variant" @click=${() => this.setVariants([...d.variants, blankVariant(d.variants.length + 1)], `[name="variants.${d.variants.length}.title"]`)}>Add a version</button>
        </div>
        ${this.renderProblems()}
        <div class="row">
          <button type="submit" ?disabled=${this.busy}>${this.busy ? "Saving…" : this.slug ? "Save changes" : "Create survey"}</button>
          <a href="#/surveys">Cancel</a>
        </div>
      </form>
    `;
  }

  private renderVariant(v: VariantDraft, i: number) {
    const p = `variants.${i}.`;
    const name = v.title || `Version ${i + 1}`;
    return html`<fieldset>
      <legend>Version ${i + 1}${v.title ? `: ${v.title}` : ""}</legend>
      ${this.input(`${p}title`, "Version title", { value: v.title, required: true, hint: "Who this version is for, e.g. Hillhouse and Cross students." })}
      ${this.input(`${p}slug`, "Version address", { value: v.slug, required: true, hint: "Lowercase letters, numbers and dashes; a partner page picks a version by it." })}
      ${this.input(`${p}intro`, "Introduction", { value: v.intro, multiline: true })}
      ${v.questions.map((q, j) => this.renderQuestion(v, i, q, j))}
      <div class="row">
        <button type="button" class="secondary add-question-${i}" @click=${() => this.setQuestions(i, [...v.questions, blankQuestion()], `[name="${p}questions.${v.questions.length}.prompt"]`)}>Add a question to ${name}</button>
        ${this.saved.has(v.slug) || this.draft!.variants.length === 1
          ? nothing
          : html`<button type="button" class="secondary" @click=${() => this.setVariants(this.draft!.variants.filter((_, k) => k !== i), ".add-variant")}>Remove ${name}</button>`}
      </div>
    </fieldset>`;
  }

  private renderQuestion(v: VariantDraft, i: number, q: QuestionDraft, j: number) {
    const k = `variants.${i}.questions.${j}.`;
    const earlier = v.questions.slice(0, j).filter((x) => x.type !== "short_text" && x.type !== "long_text");
    const source = earlier.find((x) => x.id === q.showIf);
    return html`<fieldset>
      <legend>Question ${j + 1}</legend>
      ${this.input(`${k}prompt`, `Question ${j + 1}`, { value: q.prompt, required: true })}
      ${this.input(`${k}type`, "Kind of answer", { value: q.type, choices: QUESTION_KINDS })}
      ${q.type === "single" || q.type === "multiple" ? this.input(`${k}options`, "Choices", { value: q.choices, multiline: true, required: true, hint: "One per line." }) : nothing}
      ${q.type === "scale"
        ? html`<div class="row">
            ${this.input(`${k}scale.minLabel`, "What 1 means", { value: q.minLabel, required: true })}
            ${this.input(`${k}scale.maxLabel`, "What 5 means", { value: q.maxLabel, required: true })}
          </div>`
        : nothing}
      ${this.input(`${k}help`, "Help text", { value: q.help })}
      <label class="check"><input type="checkbox" name="${k}required" .checked=${live(q.required)} /> An answer is required</label>
      ${earlier.length
        ? html`<div class="row">
            ${this.input(`${k}showIf`, "Show this question", { value: source ? q.showIf : "", choices: [["", "Always"], ...earlier.map((x) => [x.id, `Only after: ${x.prompt || x.id}`] as const)] })}
            ${source ? this.input(`${k}showIf.value`, source.type === "multiple" ? "When the answers include" : "When the answer is", { value: q.showValue, choices: answersOf(source) }) : nothing}
          </div>`
        : nothing}
      <div class="row">
        <button type="button" class="secondary" @click=${() => this.setQuestions(i, v.questions.filter((_, m) => m !== j), `.add-question-${i}`)}>Remove question ${j + 1}</button>
      </div>
    </fieldset>`;
  }
}

customElements.define("ck-admin-survey-form", CkAdminSurveyForm);
