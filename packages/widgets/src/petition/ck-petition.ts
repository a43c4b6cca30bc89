import { html, nothing, type PropertyValues } from "lit";
import type { AgeBand, PetitionResponse, SignPetitionRequest } from "@coalition-kit/schema";
import { CkApiError, newIdempotencyKey, type CoalitionClient } from "@coalition-kit/sdk/lite";
import { CkWidget, withFieldError } from "../shared/ck-widget.js";
import { emit, errorDetail } from "../shared/events.js";
import { alertText, formatLocale } from "../shared/i18n.js";
import { focusFirstError } from "../shared/form-controls.js";
import { formStyles } from "../shared/form-styles.js";
import { utmFromLocation } from "../shared/format.js";
import { messages } from "./petition-messages.js";
import { commonMessages as common } from "../shared/common-messages.js";
import { panelStyles } from "../shared/panel-styles.js";
import { tokens } from "../shared/tokens.js";
import { petitionStyles } from "./ck-petition.styles.js";
import { FIELD_ORDER, renderForm } from "./petition-form.js";
import { renderIntro, renderProgress } from "./petition-summary.js";

export type PetitionPhase = "loading" | "ready" | "submitting" | "success" | "error" | "closed";

/**
 * "Add your name": a petition with live count, goal bar, per-partner counts and consent opt-ins.
 *
 * @fires ck-submit - the visitor submitted a valid form (detail: { widget, petition })
 * @fires ck-success - the signature was stored or had been already (detail: { widget, petition, status, total })
 * @fires ck-error - loading or signing failed (detail: { widget, petition, code, message })
 * @slot header - above the title
 * @slot thank-you - replaces the default thank-you message
  * @tagname ck-petition
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
export class CkPetition extends CkWidget {
  static override properties = {
    petition: { type: String },
    pollInterval: { type: Number, attribute: "poll-interval" },
    phase: { state: true },
    data: { state: true },
    errors: { state: true },
    alert: { state: true },
    ageBand: { state: true },
    result: { state: true },
    copied: { state: true },
  };
  static override styles = [tokens, panelStyles, formStyles, petitionStyles];

  /** Petition slug. */
  declare petition: string;
  /** Milliseconds between live count refreshes while the page is visible; 0 turns polling off. */
  declare pollInterval: number;

  declare protected phase: PetitionPhase;
  declare protected data: PetitionResponse | undefined;
  declare protected errors: Record<string, string>;
  declare protected alert: string | undefined;
  declare protected ageBand: AgeBand | undefined;
  declare protected result: "signed" | "already_signed" | undefined;
  declare protected copied: boolean;

  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private pending: { fingerprint: string; key: string } | undefined;
  private successView: typeof import("./petition-success.js") | undefined;

  constructor() {
    super();
    this.petition = "";
    this.pollInterval = 30_000;
    this.phase = "loading";
    this.errors = {};
    this.copied = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener("visibilitychange", this.onVisibility);
    this.restartPolling();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener("visibilitychange", this.onVisibility);
    this.stopPolling();
  }

  protected override reloadOn() {
    return ["petition"];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has("pollInterval")) this.restartPolling();
  }

  /** Fetch the petition and counts (again). */
  async load(): Promise<void> {
    const client = this.activeClient;
    if (!client || !this.petition || !this.isConnected) return;
    const current = this.beginLoad();
    if (!this.data || this.data.petition.slug !== this.petition) this.phase = "loading";
    try {
      const data = await client.petitions.get(this.petition);
      if (!current()) return;
      this.data = data;
      if (this.phase === "loading" || this.phase === "error") this.phase = data.petition.status === "closed" ? "closed" : "ready";
    } catch (error) {
      if (!current()) return;
      // With the petition already on screen, a failed reload keeps the form usable.
      if (!this.data || this.data.petition.slug !== this.petition) this.phase = "error";
      this.fail(error);
    }
  }

  private readonly onVisibility = () => {
    if (document.visibilityState === "visible") void this.refreshStats();
  };

  private restartPolling(): void {
    this.stopPolling();
    if (this.pollInterval > 0 && this.isConnected) {
      this.pollTimer = setInterval(() => {
        if (document.visibilityState === "visible") void this.refreshStats();
      }, this.pollInterval);
    }
  }

  private stopPolling(): void {
    if (this.pollTimer !== undefined) clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private async refreshStats(): Promise<void> {
    const client = this.activeClient;
    if (!client || !this.data) return;
    try {
      const stats = await client.petitions.stats(this.petition);
      if (this.data) this.data = { ...this.data, stats };
    } catch {
      // A missed refresh is not worth interrupting the visitor; the next one will try again.
    }
  }

  private collect(form: HTMLFormElement): SignPetitionRequest {
    const fd = new FormData(form);
    const text = (name: string) => {
      const v = fd.get(name);
      return typeof v === "string" ? v : "";
    };
    const input: SignPetitionRequest = {
      firstName: text("firstName"),
      email: text("email"),
      zip: text("zip"),
      consentCoalition: fd.has("consentCoalition"),
      consentPartner: fd.has("consentPartner"),
      ...utmFromLocation(location.search),
    };
    if (text("lastName").trim()) input.lastName = text("lastName");
    if (this.ageBand) input.ageBand = this.ageBand;
    if (this.ageBand === "under_13") {
      input.guardianEmail = text("guardianEmail");
      input.guardianConsent = fd.has("guardianConsent");
    }
    if (this.source) input.source = this.source.slice(0, 100);
    return input;
  }

  /** Local checks the client can make (none with the lite client: the API answers with every field's message). */
  private validate(input: SignPetitionRequest, client: CoalitionClient): Record<string, string> {
    return client.petitions.validate(input);
  }

  private readonly onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const client = this.activeClient;
    if (!client || this.phase !== "ready") return;
    const form = event.currentTarget as HTMLFormElement;
    const input = this.collect(form);
    const errors = this.validate(input, client);
    this.alert = undefined;
    if (Object.keys(errors).length > 0) {
      this.errors = errors;
      await this.focusFirstError();
      return;
    }
    this.errors = {};
    const fingerprint = JSON.stringify(input);
    if (this.pending?.fingerprint !== fingerprint) this.pending = { fingerprint, key: newIdempotencyKey() };
    this.phase = "submitting";
    emit(this, "ck-submit", { widget: "petition", petition: this.petition });
    // The share panel loads alongside the signature; without it (offline) the thanks still show.
    const successView = this.successView ? undefined : import("./petition-success.js").then((m) => void (this.successView = m), () => undefined);
    try {
      const result = await client.petitions.sign(this.petition, input, { idempotencyKey: this.pending.key });
      await successView;
      this.pending = undefined;
      if (this.data) this.data = { ...this.data, stats: result.stats };
      this.result = result.status;
      this.phase = "success";
      emit(this, "ck-success", { widget: "petition", petition: this.petition, status: result.status, total: result.stats.total });
      await this.updateComplete;
      const heading = this.renderRoot.querySelector<HTMLElement>("#ck-thanks") ?? this.renderRoot.querySelector<HTMLElement>(".success");
      heading?.focus();
    } catch (error) {
      this.phase = "ready";
      if (error instanceof CkApiError && error.code === "validation_failed" && Object.keys(error.fields).length > 0) {
        this.errors = { ...error.fields };
        await this.focusFirstError();
      } else if (error instanceof CkApiError && error.code === "petition_closed") {
        this.phase = "closed";
      } else {
        this.alert = alertText(error, messages.loadFailed);
      }
      this.fail(error);
    }
  };

  private fail(error: unknown): void {
    emit(this, "ck-error", { widget: "petition", petition: this.petition, ...errorDetail(error) });
  }

  private async focusFirstError(): Promise<void> {
    await this.updateComplete;
    focusFirstError(this.renderRoot, FIELD_ORDER, this.errors);
  }

  private readonly onFieldChange = (event: Event) => {
    const name = (event.target as HTMLInputElement).name;
    if (!this.errors[name]) return;
    const form = (event.target as HTMLInputElement).form;
    const client = this.activeClient;
    if (!form || !client) return;
    const stillWrong = this.validate(this.collect(form), client)[name];
    this.errors = withFieldError(this.errors, name, stillWrong);
  };

  private readonly onAgeBand = (band: AgeBand) => {
    this.ageBand = band;
    if (this.errors.ageBand) this.errors = withFieldError(this.errors, "ageBand", undefined);
  };

  protected override render() {
    if (!this.petition || !this.activeClient) {
      return html`<div part="container" class="container"><p class="muted">${this.phase === "loading" ? messages.loading : messages.missingSetup}</p></div>`;
    }
    if (this.phase === "loading" || (this.phase === "error" && !this.data)) {
      return html`<div part="container" class="container" aria-busy=${this.phase === "loading" ? "true" : "false"}>
        <slot name="header"></slot>
        ${this.phase === "loading"
          ? html`<p class="muted" role="status">${messages.loading}</p>`
          : html`<div class="alert" role="alert">
              <p>${messages.loadFailed}</p>
              <button part="button" type="button" @click=${() => void this.load()}>${common.tryAgain}</button>
            </div>`}
      </div>`;
    }
    const { petition, stats } = this.data!;
    return html`
      <section part="container" class="container" aria-labelledby="ck-title">
        <slot name="header"></slot>
        ${renderIntro(petition)} ${renderProgress(stats, formatLocale())} ${this.renderAction()}
      </section>
    `;
  }

  private renderAction() {
    const { petition } = this.data!;
    switch (this.phase) {
      case "closed":
        return html`<div part="closed" class="closed" role="status"><strong>${messages.closed}</strong></div>`;
      case "success": {
        const alreadySigned = this.result === "already_signed";
        return this.successView
          ? this.successView.renderSuccess({ alreadySigned, title: petition.title, shareUrl: petition.shareUrl, copied: this.copied, onCopied: () => (this.copied = true) })
          : html`<div part="success" class="success"><h3 id="ck-thanks" tabindex="-1">${alreadySigned ? messages.alreadySigned : messages.thanks}</h3></div>`;
      }
      case "ready":
      case "submitting":
      case "error":
        return renderForm({
          petition,
          errors: this.errors,
          ageBand: this.ageBand,
          submitting: this.phase === "submitting",
          alert: this.alert,
          onSubmit: this.onSubmit,
          onAgeBand: this.onAgeBand,
          onFieldChange: this.onFieldChange,
        });
      default:
        return nothing;
    }
  }
}
