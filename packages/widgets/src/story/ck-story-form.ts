import { html } from "lit";
import type { AgeBand, PublishChoice, StoryCampaign, StoryRole, SubmitStoryRequest } from "@coalition-kit/schema";
import { CkApiError, newIdempotencyKey, type CoalitionClient } from "@coalition-kit/sdk/lite";
import { CkWidget, withFieldError } from "../shared/ck-widget.js";
import { emit, errorDetail } from "../shared/events.js";
import { alertText } from "../shared/i18n.js";
import { focusFirstError } from "../shared/form-controls.js";
import { formStyles } from "../shared/form-styles.js";
import { paragraphs } from "../shared/format.js";
import { storyMessages as m } from "./story-messages.js";
import { panelStyles } from "../shared/panel-styles.js";
import { tokens } from "../shared/tokens.js";
import { STORY_FIELD_ORDER, renderStoryForm } from "./story-form-fields.js";
import { storyStyles } from "./story.styles.js";

/**
 * "Tell your story": a moderated story submission. Nothing is published until an organizer
 * approves it, and only as the author chose (not at all, anonymously, or with a first name).
 *
 * @fires ck-submit - (detail: { widget: "story-form", campaign })
 * @fires ck-success - the story is waiting for moderation (detail: { widget, campaign, status: "pending" })
 * @fires ck-error
 * @slot header
 * @slot thank-you
  * @tagname ck-story-form
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
export class CkStoryForm extends CkWidget {
  static override properties = {
    campaign: { type: String },
    phase: { state: true },
    data: { state: true },
    errors: { state: true },
    alert: { state: true },
    storyRole: { state: true },
    ageBand: { state: true },
    publish: { state: true },
    storyLength: { state: true },
    withdrawUrl: { state: true },
  };
  static override styles = [tokens, panelStyles, formStyles, storyStyles];

  declare campaign: string;
  declare protected phase: "loading" | "ready" | "submitting" | "success" | "error";
  declare protected data: StoryCampaign | undefined;
  declare protected errors: Record<string, string>;
  declare protected alert: string | undefined;
  declare protected storyRole: StoryRole | undefined;
  declare protected ageBand: AgeBand | undefined;
  declare protected publish: PublishChoice | undefined;
  declare protected storyLength: number;
  declare protected withdrawUrl: string | undefined;

  private pending: { fingerprint: string; key: string } | undefined;

  constructor() {
    super();
    this.campaign = "";
    this.phase = "loading";
    this.errors = {};
    this.storyLength = 0;
  }

  protected override reloadOn() {
    return ["campaign"];
  }

  async load(): Promise<void> {
    const client = this.activeClient;
    if (!client || !this.campaign || !this.isConnected) return;
    const current = this.beginLoad();
    try {
      const { campaign } = await client.stories.get(this.campaign);
      if (!current()) return;
      this.data = campaign;
      if (this.phase === "loading" || this.phase === "error") this.phase = "ready";
    } catch (error) {
      if (!current()) return;
      if (!this.data) this.phase = "error";
      emit(this, "ck-error", { widget: "story-form", campaign: this.campaign, ...errorDetail(error) });
    }
  }

  private collect(form: HTMLFormElement): SubmitStoryRequest {
    const fd = new FormData(form);
    const text = (name: string) => String(fd.get(name) ?? "");
    const optional = (name: string) => text(name).trim() || undefined;
    const input = {
      title: text("title"),
      story: text("story"),
      role: this.storyRole,
      ageBand: this.ageBand,
      publish: this.publish,
      consentPublish: fd.has("consentPublish"),
      consentCoalition: fd.has("consentCoalition"),
      consentPartner: fd.has("consentPartner"),
      guardianConsent: fd.has("guardianConsent"),
      ...(optional("school") ? { school: text("school") } : {}),
      ...(this.publish === "first_name" && optional("firstName") ? { firstName: text("firstName") } : {}),
      ...(optional("email") ? { email: text("email") } : {}),
      ...(this.ageBand === "under_13" && optional("guardianEmail") ? { guardianEmail: text("guardianEmail") } : {}),
      ...(this.source ? { source: this.source.slice(0, 100) } : {}),
    };
    return input as SubmitStoryRequest;
  }

  private readonly onFieldChange = (event: Event) => {
    const target = event.target as HTMLInputElement;
    const client = this.activeClient;
    if (!this.errors[target.name] || !target.form || !client) return;
    const still = client.stories.validate(this.collect(target.form))[target.name];
    this.errors = withFieldError(this.errors, target.name, still);
  };

  private readonly onPick = (name: "role" | "ageBand" | "publish", value: string) => {
    if (name === "role") this.storyRole = value as StoryRole;
    else if (name === "ageBand") this.ageBand = value as AgeBand;
    else this.publish = value as PublishChoice;
    if (this.errors[name]) this.errors = withFieldError(this.errors, name, undefined);
  };

  private readonly onStoryInput = (event: Event) => {
    this.storyLength = (event.target as HTMLTextAreaElement).value.length;
  };

  private readonly onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const client = this.activeClient;
    if (!client || this.phase !== "ready") return;
    const input = this.collect(event.currentTarget as HTMLFormElement);
    this.alert = undefined;
    this.errors = client.stories.validate(input);
    if (Object.keys(this.errors).length) {
      await this.updateComplete;
      focusFirstError(this.renderRoot, STORY_FIELD_ORDER, this.errors);
      return;
    }
    const fingerprint = JSON.stringify(input);
    if (this.pending?.fingerprint !== fingerprint) this.pending = { fingerprint, key: newIdempotencyKey() };
    this.phase = "submitting";
    emit(this, "ck-submit", { widget: "story-form", campaign: this.campaign });
    try {
      const result = await client.stories.submit(this.campaign, input, { idempotencyKey: this.pending.key });
      this.pending = undefined;
      this.withdrawUrl = result.withdrawUrl;
      this.phase = "success";
      emit(this, "ck-success", { widget: "story-form", campaign: this.campaign, status: "pending" });
      await this.updateComplete;
      (this.renderRoot.querySelector<HTMLElement>("#ck-thanks") ?? this.renderRoot.querySelector<HTMLElement>(".success"))?.focus();
    } catch (error) {
      this.phase = "ready";
      if (error instanceof CkApiError && error.code === "validation_failed" && Object.keys(error.fields).length) {
        this.errors = { ...error.fields };
        await this.updateComplete;
        focusFirstError(this.renderRoot, STORY_FIELD_ORDER, this.errors);
      } else {
        this.alert = alertText(error, m.loadFailed);
      }
      emit(this, "ck-error", { widget: "story-form", campaign: this.campaign, ...errorDetail(error) });
    }
  };

  protected override render() {
    if (this.phase === "loading" || !this.activeClient) return html`<div part="container" class="container"><p class="muted" role="status">${m.loading}</p></div>`;
    if (this.phase === "error" || !this.data) {
      return html`<div part="container" class="container"><div class="alert" role="alert"><p>${m.loadFailed}</p>
        <button part="button" type="button" @click=${() => void this.load()}>${m.tryAgain}</button></div></div>`;
    }
    return html`
      <section part="container" class="container" aria-labelledby="ck-story-heading">
        <slot name="header"></slot>
        <h2 part="title" id="ck-story-heading">${this.data.title}</h2>
        <div class="prompt">${paragraphs(this.data.prompt).map((p) => html`<p>${p}</p>`)}</div>
        ${this.phase === "success"
          ? html`<div part="success" class="success" tabindex="-1">
              <slot name="thank-you"><h3 id="ck-thanks" tabindex="-1">${m.thanks}</h3></slot>
              <p>${m.moderationNote}</p>
              <p><a part="link" href=${this.withdrawUrl ?? "#"} target="_blank" rel="noopener">${m.withdraw}</a></p>
              <p class="muted">${m.keepLink}</p>
            </div>`
          : renderStoryForm({
              campaign: this.data,
              errors: this.errors,
              role: this.storyRole,
              ageBand: this.ageBand,
              publish: this.publish,
              storyLength: this.storyLength,
              submitting: this.phase === "submitting",
              alert: this.alert,
              onPick: this.onPick,
              onStoryInput: this.onStoryInput,
              onSubmit: this.onSubmit,
              onFieldChange: this.onFieldChange,
            })}
      </section>
    `;
  }
}
