import { html, nothing, type PropertyValues } from "lit";
import { petitionsLite } from "@coalition-kit/sdk/lite";
import type { AgeBand, PetitionResponse, SignPetitionRequest, SignPetitionResponse } from "@coalition-kit/schema";
import { CkFormWidget } from "../shared/ck-form-widget.js";
import { emit, errorDetail } from "../shared/events.js";
import { formatLocale } from "../shared/i18n.js";
import { formStyles } from "../shared/form-styles.js";
import { attributionFromLocation } from "../shared/format.js";
import { loadPanel } from "../shared/load-panels.js";
import { messages } from "./petition-messages.js";
import { panelStyles } from "../shared/panel-styles.js";
import { tokens } from "../shared/tokens.js";
import { petitionStyles } from "./ck-petition.styles.js";
import { FIELD_ORDER, renderForm } from "./petition-form.js";
import { renderBody, renderIntro, renderProgress } from "./petition-summary.js";
import type { Counting } from "./count-up.js";

/** The petition's states ("submitting" is CkFormWidget's `submitting` flag). */
export type PetitionPhase = "loading" | "ready" | "submitting" | "success" | "error" | "closed";

/**
 * "Add your name": a petition with live count, goal bar, per-partner counts and consent opt-ins.
 *
 * @fires ck-submit - the visitor sent the form; the API checks it, and its field errors come back with ck-error (detail: { widget, petition })
 * @fires ck-success - the signature was stored or had been already (detail: { widget, petition, status, total })
 * @fires ck-error - loading or signing failed (detail: { widget, petition, code, message })
 * Attribute `mode="tabling"`: a shared device at a table or in a classroom. The form clears after
 * each person, signatures taken offline wait on the device and are sent when the connection
 * returns, and a status line above the form tells the organizer how many wait.
 * Attribute `layout`: "text-first" (the default) puts the petition's text above the count and form;
 * "form-first" puts the form first and the text below it, folded under "Read the full petition".
 * @slot header - above the title
 * @slot thank-you - replaces the default thank-you message
 * @summary A petition with its live count, goal and a sign form.
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
export class CkPetition extends CkFormWidget<SignPetitionRequest> {
  protected static override vertical = ["petitions", petitionsLite] as const;
  static override properties = {
    petition: { type: String },
    pollInterval: { type: Number, attribute: "poll-interval" },
    layout: {},
    phase: { state: true },
    data: { state: true },
    ageBand: { state: true },
    result: { state: true },
    copied: { state: true },
    shown: { state: true },
  };
  static override styles = [tokens, panelStyles, formStyles, petitionStyles];

  /** Petition slug. */
  declare petition: string;
  /** Milliseconds between live count refreshes while the page is visible; 0 turns polling off. */
  declare pollInterval: number;
  /** "text-first" (default): the text, then the form; "form-first": the form, then the text folded in a <details>. */
  declare layout: "text-first" | "form-first";

  declare protected phase: Exclude<PetitionPhase, "submitting">;
  declare protected data: PetitionResponse | undefined;
  declare protected ageBand: AgeBand | undefined;
  declare protected result: SignPetitionResponse["status"] | undefined;
  declare protected copied: boolean;
  /** The signer's own share code, from the API's answer: added to the links they share. */
  protected shareRef: string | undefined;

  /** The number on screen while the count rises to a new total (undefined: the total itself). */
  declare protected shown: number | undefined;
  /** Stops the count rising (count-up.ts sets it). */
  protected stopCount = () => {};
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private successView: typeof import("./petition-success.js") | undefined;

  constructor() {
    super(FIELD_ORDER);
    this.petition = "";
    this.pollInterval = 30_000;
    this.phase = "loading";
    this.copied = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // On a shared device at a table: a chunk of its own (queue, reset, status), loaded only then.
    if (this.getAttribute("mode") === "tabling") void import("../tabling/tabling.js").then((m) => m.attachTabling(this));
    document.addEventListener("visibilitychange", this.onVisibility);
    this.restartPolling();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener("visibilitychange", this.onVisibility);
    this.stopPolling();
    this.stopCount();
  }

  protected override reloadOn() {
    return ["petition"];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has("pollInterval")) this.restartPolling();
    // A new total (a refresh, a signature) counts up from the one shown: count-up.ts, a chunk only
    // a page whose count changes loads. The number shown stays until it runs.
    const was = (changed as Map<string, unknown>).get("data") as PetitionResponse | undefined;
    if (was && was.stats.total !== this.data?.stats.total) {
      this.shown ??= was.stats.total;
      // Offline, the chunk can't load: the total shows as it is.
      void import("./count-up.js").then((m) => m.countUp(this as unknown as Counting, was), () => (this.shown = undefined));
    }
  }

  /** Fetch the petition and counts (again). */
  async load(): Promise<void> {
    const client = this.activeClient;
    // In tabling mode nothing shows (so nothing can be sent) until tabling mode has set its client.
    if (!client || !this.petition || !this.isConnected || (this.getAttribute("mode") === "tabling" && !this.client)) return;
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
      emit(this, "ck-error", { widget: "petition", petition: this.petition, ...errorDetail(error) });
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

  protected override collect(form: HTMLFormElement): SignPetitionRequest {
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
      // Through someone's share link, its code too: this signature then counts as their recruit.
      ...attributionFromLocation(location.search),
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

  private readonly onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const client = this.activeClient;
    if (!client || this.phase !== "ready") return;
    const input = this.collect(event.currentTarget as HTMLFormElement);
    const { petition } = this;
    void this.attempt({
      input,
      detail: { widget: "petition", petition },
      send: async (idempotencyKey) => {
        // The share panel loads alongside the signature; without it (offline) the thanks still show.
        const successView = this.successView ? undefined : import("./petition-success.js").then((m) => void (this.successView = m), () => undefined);
        const result = await client.petitions.sign(petition, input, { idempotencyKey });
        await successView;
        return result;
      },
      done: (result) => {
        if (this.data) this.data = { ...this.data, stats: result.stats };
        this.result = result.status;
        this.shareRef = result.ref;
        this.phase = "success";
        return { widget: "petition", petition, status: result.status, total: result.stats.total };
      },
      focus: "#ck-thanks",
      fallback: messages.loadFailed,
      failed: (code) => {
        if (code === "petition_closed") this.phase = "closed";
      },
    });
  };

  protected override validate(input: SignPetitionRequest) {
    return this.activeClient?.petitions.validate(input, this.data?.petition);
  }

  private readonly onAgeBand = (band: AgeBand) => {
    this.ageBand = band;
    this.fix("ageBand");
  };

  protected override render() {
    if ((!this.petition || !this.activeClient) && this.phase !== "loading") {
      return html`<div part="container" class="container"><p class="muted">${messages.missingSetup}</p></div>`;
    }
    if (this.phase === "loading") return loadPanel(messages.loading);
    if (!this.data) return loadPanel(messages.loadFailed, () => this.load());
    const { petition, stats } = this.data;
    const body = renderBody(petition);
    const formFirst = this.layout === "form-first";
    return html`
      <section part="container" class="container" aria-labelledby="ck-title">
        <slot name="header"></slot>
        ${renderIntro(petition)} ${formFirst ? nothing : body} ${renderProgress(stats, formatLocale(), petition.countShownFrom, this.shown)} ${this.renderAction()}
        ${formFirst ? html`<details><summary>${messages.readFull}</summary>${body}</details>` : nothing}
      </section>
    `;
  }

  private renderAction() {
    const { petition } = this.data!;
    switch (this.phase) {
      case "closed":
        return html`<div part="closed" class="closed" role="status"><strong>${messages.closed}</strong></div>`;
      case "success": {
        const result = this.result ?? "signed";
        return this.successView
          ? this.successView.renderSuccess({ result, title: petition.title, shareUrl: petition.shareUrl, shareRef: this.shareRef, copied: this.copied, onCopied: () => (this.copied = true) })
          : html`<div part="success" class="success"><h3 id="ck-thanks" tabindex="-1">${result === "already_signed" ? messages.alreadySigned : messages.thanks}</h3></div>`;
      }
      case "ready":
      case "error":
        return renderForm({
          petition,
          errors: this.errors,
          ageBand: this.ageBand,
          submitting: this.submitting,
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

declare global {
  interface HTMLElementTagNameMap {
    "ck-petition": CkPetition;
  }
}
