import { html, nothing, type PropertyValues } from "lit";
import { surveysLite } from "@coalition-kit/sdk/lite";
import { keyed } from "lit/directives/keyed.js";
import { cssWidth } from "../shared/css-width.js";
import { isShown, validateAnswers } from "@coalition-kit/schema/rules";
import type { AnswerValue, Question, Survey, SurveyResults, SurveyVariant } from "@coalition-kit/schema";
import { CkFormWidget, type FieldErrors } from "../shared/ck-form-widget.js";
import { emit, errorDetail } from "../shared/events.js";
import { checkbox, textField } from "../shared/form-controls.js";
import { formStyles } from "../shared/form-styles.js";
import { loadPanel } from "../shared/load-panels.js";
import { surveyMessages as t } from "./survey-messages.js";
import { panelStyles } from "../shared/panel-styles.js";
import { tokens } from "../shared/tokens.js";
import { surveyStyles } from "./ck-survey.styles.js";
import { renderQuestion } from "./survey-question.js";
import { renderResults } from "./survey-results-view.js";
import { langOf } from "../shared/text-language.js";
import { commonMessages as common, pagerMessages as pager, sendingMessages as sending } from "../shared/common-messages.js";

type Phase = "loading" | "choose" | "answering" | "done" | "error";
type SurveyInput = { variant: string; answers: Record<string, AnswerValue>; followUp?: { email: string; firstName?: string; consent: true }; session?: string };

/**
 * An anonymous student survey: one question per step (or all at once), show-if questions, a
 * progress bar, audience variants, optional follow-up kept apart from answers, and results.
 *
 * @fires ck-submit - (detail: { widget: "survey", survey, variant })
 * @fires ck-success - (detail: { widget: "survey", survey, variant, status: "recorded" })
 * @fires ck-error
 * Attribute `mode="tabling"`: students answering one after another on a shared device (the form
 * clears after each; answers taken offline wait on the device until the connection returns).
 * Feedback after a training session: the response carries the session from the `session`
 * attribute or, by default, the page address's `ck_session` (the link in the feedback email).
 * @summary An anonymous student survey, step by step or all at once.
 * @tagname ck-survey
 * @csspart container - the widget's outer box
 * @csspart title - the heading
 * @csspart form - the form
 * @csspart field - one field (label, control, error)
 * @csspart label - a field's label
 * @csspart input - text inputs
 * @csspart checkbox - consent checkboxes
 * @csspart error - a field's error message
 * @csspart button - buttons
 * @csspart success - the confirmation after sending
 * @cssprop --ck-font-family - font stack (default: system UI)
 * @cssprop --ck-color-primary - buttons, links, progress
 * @cssprop --ck-color-text - body text
 * @cssprop --ck-color-bg - background
 * @cssprop --ck-color-error - error messages and invalid fields
 * @cssprop --ck-radius - corner radius
 */
export class CkSurvey extends CkFormWidget<SurveyInput> {
  protected static override vertical = ["surveys", surveysLite] as const;
  static override properties = {
    survey: { type: String },
    variant: { type: String },
    layout: { type: String },
    showResults: { type: Boolean, attribute: "show-results" },
    session: { type: String },
    phase: { state: true },
    data: { state: true },
    chosen: { state: true },
    answers: { state: true },
    step: { state: true },
    results: { state: true },
  };
  static override styles = [tokens, panelStyles, formStyles, surveyStyles];

  declare survey: string;
  /** Audience variant slug; without it, people choose when there are several. */
  declare variant: string | undefined;
  /** "steps" (one question at a time, the default) or "all". */
  declare layout: "steps" | "all";
  /** After sending, show aggregated results when the survey publishes them. */
  declare showResults: boolean;
  /** The training session this is feedback for; left out, the page address's `ck_session` (if any). */
  declare session: string | undefined;
  declare protected phase: Phase;
  declare protected data: Survey | undefined;
  declare protected chosen: SurveyVariant | undefined;
  declare protected answers: Record<string, AnswerValue | undefined>;
  declare protected step: number;
  declare protected results: SurveyResults | undefined;

  constructor() {
    super();
    this.survey = "";
    this.layout = "steps";
    this.showResults = false;
    this.phase = "loading";
    this.answers = {};
    this.step = 0;
  }

  protected override reloadOn() {
    return ["survey"];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has("variant") && this.data && !changed.has("survey")) this.pickVariant(this.data);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Students answering on a shared device: a chunk of its own (queue, reset, status), loaded only then.
    if (this.getAttribute("mode") === "tabling") void import("../tabling/tabling.js").then((m) => m.attachTabling(this));
  }

  async load(): Promise<void> {
    const client = this.activeClient;
    // In tabling mode nothing shows (so nothing can be sent) until tabling mode has set its client.
    if (!client || !this.survey || !this.isConnected || (this.getAttribute("mode") === "tabling" && !this.client)) return;
    const current = this.beginLoad();
    this.phase = "loading";
    try {
      const { survey } = await client.surveys.get(this.survey);
      if (!current()) return;
      this.data = survey;
      this.pickVariant(survey);
    } catch (error) {
      if (!current()) return;
      this.phase = "error";
      emit(this, "ck-error", { widget: "survey", survey: this.survey, ...errorDetail(error) });
    }
  }

  private pickVariant(survey: Survey): void {
    const only = survey.variants.length === 1 ? survey.variants[0] : undefined;
    this.chosen = survey.variants.find((v) => v.slug === this.variant) ?? only;
    this.answers = {};
    this.step = 0;
    this.errors = {};
    this.phase = this.chosen ? "answering" : "choose";
  }

  /** Questions shown for the answers so far; hidden ones drop out as answers change. */
  private get visible(): Question[] {
    return this.chosen ? this.chosen.questions.filter((q) => isShown(q, this.answers)) : [];
  }

  private get hasFollowUpStep(): boolean {
    return this.layout === "steps" && Boolean(this.data?.followUp);
  }

  private get stepCount(): number {
    return this.visible.length + (this.hasFollowUpStep ? 1 : 0);
  }

  private readonly onAnswer = (id: string, value: AnswerValue | undefined) => {
    const next = { ...this.answers, [id]: value };
    // Clear answers to questions that the new answer hides, so nothing stale is sent.
    for (const q of this.chosen?.questions ?? []) if (!isShown(q, next)) delete next[q.id];
    this.answers = next;
    this.fix(id);
  };

  private input(): SurveyInput {
    const answers: Record<string, AnswerValue> = {};
    for (const [k, v] of Object.entries(this.answers)) if (v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0)) answers[k] = v;
    const email = this.renderRoot.querySelector<HTMLInputElement>("#ck-email")?.value.trim();
    const firstName = this.renderRoot.querySelector<HTMLInputElement>("#ck-firstName")?.value.trim();
    const consent = this.renderRoot.querySelector<HTMLInputElement>("#ck-consentFollowUp")?.checked;
    const followUp = email ? { email, ...(firstName ? { firstName } : {}), consent: consent as true } : undefined;
    const session = this.session || new URLSearchParams(globalThis.location?.search ?? "").get("ck_session") || undefined;
    return { variant: this.chosen!.slug, answers, ...(followUp ? { followUp } : {}), ...(session ? { session } : {}) };
  }

  private async focusQuestion(id: string | undefined): Promise<void> {
    await this.updateComplete;
    const target = id ? this.renderRoot.querySelector<HTMLElement>(`#ck-q-${id}`) : this.renderRoot.querySelector<HTMLElement>("#ck-email");
    target?.focus();
  }

  private readonly next = async () => {
    const q = this.visible[this.step];
    if (q) {
      const error = validateAnswers(this.chosen!, this.answers)[q.id];
      if (error) {
        this.fix(q.id, error);
        return this.focusQuestion(q.id);
      }
    }
    if (this.step + 1 >= this.stepCount) return this.submit();
    this.step += 1;
    return this.focusQuestion(this.visible[this.step]?.id);
  };

  private readonly back = () => {
    this.step = Math.max(0, this.step - 1);
    void this.focusQuestion(this.visible[this.step]?.id);
  };

  /** The survey's own rules (as the API's), the client's checks and the follow-up's consent. */
  protected override validate(input: SurveyInput): FieldErrors {
    const chosen = this.chosen!;
    const errors = { ...validateAnswers(chosen, input.answers), ...this.activeClient?.surveys.validate(chosen, input) };
    if (input.followUp && !input.followUp.consent) errors["followUp.consent"] = t.followUpConsent;
    return errors;
  }

  private readonly submit = async () => {
    const client = this.activeClient;
    const { chosen, survey } = this;
    if (!client || !chosen) return;
    const input = this.input();
    const detail = { widget: "survey" as const, survey, variant: chosen.slug };
    const sent = await this.attempt({
      input,
      detail,
      send: (idempotencyKey) => client.surveys.respond(survey, chosen, input, { idempotencyKey }),
      done: () => {
        this.phase = "done";
        return { ...detail, status: "recorded" };
      },
      focus: "#ck-thanks",
      fallback: t.loadFailed,
    });
    if (sent && this.showResults && this.data?.publicResults) this.results = await client.surveys.results(survey, chosen.slug).catch(() => undefined);
  };

  /** Field errors show on their question's step (or the follow-up's), which gets the focus. */
  protected override async showErrors(errors: FieldErrors): Promise<void> {
    this.errors = errors;
    const first = this.visible.findIndex((q) => errors[q.id]);
    if (this.layout === "steps") this.step = first >= 0 ? first : this.stepCount - 1;
    await this.focusQuestion(first >= 0 ? this.visible[first]!.id : undefined);
  }

  private readonly onFormSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void (this.layout === "steps" ? this.next() : this.submit());
  };

  protected override render() {
    const survey = this.data;
    if (this.phase === "loading") return loadPanel(t.loading);
    if (this.phase === "error" || !survey) return loadPanel(t.loadFailed, () => this.load());
    return html`<section part="container" class="container" aria-labelledby="ck-survey-title">
      <slot name="header"></slot>
      <h2 part="title" id="ck-survey-title" lang=${langOf(survey, "title")}>${survey.title}</h2>
      <p class="anonymous">${t.anonymous}</p>
      ${this.phase === "choose" ? this.renderChooser(survey) : this.phase === "done" ? this.renderDone() : this.renderForm(survey)}
    </section>`;
  }

  private renderChooser(survey: Survey) {
    return html`<fieldset class="choose"><legend>${t.chooseVersion}</legend>
      ${survey.variants.map((v) => html`<button part="button" type="button" class="variant" lang=${langOf(survey, `variants.${v.slug}.title`)} @click=${() => { this.variant = v.slug; }}>${v.title}</button>`)}
    </fieldset>`;
  }

  private renderDone() {
    return html`<div part="success" class="success"><h3 id="ck-thanks" tabindex="-1">${t.thanks}</h3>${this.results ? renderResults(this.results) : nothing}</div>`;
  }

  private renderForm(survey: Survey) {
    const visible = this.visible;
    const steps = this.layout === "steps";
    const onFollowUp = steps && this.step >= visible.length;
    const shown = steps ? (onFollowUp ? [] : visible.slice(this.step, this.step + 1)) : visible;
    const position = Math.min(this.step + 1, this.stepCount);
    const { submitting } = this;
    const last = !steps || this.step + 1 >= this.stepCount;
    const at = `variants.${this.chosen!.slug}`;
    return html`
      <p class="intro" lang=${langOf(survey, `${at}.intro`)}>${this.chosen!.intro}</p>
      ${steps
        ? html`<div class="progress">
            <p class="muted small" aria-live="polite">${t.progress(position, this.stepCount)}</p>
            <div part="progress" class="bar" role="progressbar" aria-label=${t.progressLabel} aria-valuemin="1" aria-valuemax=${this.stepCount} aria-valuenow=${position}>
              <span class="fill" ${cssWidth(Math.round((position / this.stepCount) * 100))}></span>
            </div>
          </div>`
        : nothing}
      <form part="form" class="form" novalidate @submit=${this.onFormSubmit}>
        ${this.alert ? html`<div part="alert" class="alert" role="alert">${this.alert}</div>` : nothing}
        ${this.errors.session ? html`<p class="error">${this.errors.session}</p>` : nothing}
        ${shown.map((question) => keyed(question.id, renderQuestion({ question, lang: (text) => langOf(survey, `${at}.questions.${question.id}.${text}`), value: this.answers[question.id], error: this.errors[question.id], onAnswer: this.onAnswer, onEnter: () => void this.next() })))}
        ${survey.followUp && (onFollowUp || !steps) ? this.renderFollowUp(survey) : nothing}
        <div class="actions">
          ${steps && this.step > 0 ? html`<button part="button" class="secondary" type="button" @click=${this.back}>${t.back}</button>` : nothing}
          <button part="button" class="primary" type="submit" ?disabled=${submitting}>${submitting ? sending.sending : last ? t.submit : pager.next}</button>
        </div>
      </form>
    `;
  }

  private renderFollowUp(survey: Survey) {
    const view = { errors: { email: this.errors["followUp.email"] ?? "", consentFollowUp: this.errors["followUp.consent"] ?? "" }, onFieldChange: () => undefined };
    const errors = Object.fromEntries(Object.entries(view.errors).filter(([, v]) => v));
    return html`<fieldset class="follow-up">
      <legend>${t.followUpHeading}</legend>
      <p class="muted" lang=${langOf(survey, "followUp.prompt")}>${survey.followUp!.prompt}</p>
      ${textField({ ...view, errors }, "email", common.email, { type: "email", autocomplete: "email", maxlength: 254 })}
      ${textField({ ...view, errors }, "firstName", t.followUpName, { autocomplete: "given-name", maxlength: 80 })}
      ${checkbox({ ...view, errors }, "consentFollowUp", html`<span lang=${langOf(survey, "followUp.consent")}>${survey.followUp!.consent.text}</span>`)}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ck-survey": CkSurvey;
  }
}
