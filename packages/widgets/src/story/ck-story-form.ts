import { html } from "lit";
import { storiesLite } from "@coalition-kit/sdk/lite";
import type { AgeBand, PublishChoice, StoryCampaign, StoryRole, SubmitStoryRequest } from "@coalition-kit/schema";
import { CkFormWidget } from "../shared/ck-form-widget.js";
import { emit, errorDetail } from "../shared/events.js";
import { formStyles } from "../shared/form-styles.js";
import { paragraphs } from "../shared/format.js";
import { loadPanel } from "../shared/load-panels.js";
import { storyMessages as m } from "./story-messages.js";
import { panelStyles } from "../shared/panel-styles.js";
import { tokens } from "../shared/tokens.js";
import { STORY_FIELD_ORDER, renderStoryForm } from "./story-form-fields.js";
import { storyStyles } from "./story.styles.js";
import { langOf } from "../shared/text-language.js";
import { sendingMessages as sending } from "../shared/common-messages.js";

/**
 * "Tell your story": a moderated story submission. Nothing is published until an organizer
 * approves it, and only as the author chose (not at all, anonymously, or with a first name).
 *
 * @fires ck-submit - (detail: { widget: "story-form", campaign })
 * @fires ck-success - the story was received (detail: { widget, campaign, status }): status "pending" waits for
 *   moderation; "guardian_pending" (an author under 13 who gave a name, email or school) waits for the
 *   emailed parent or guardian first.
 * @fires ck-error
 * @slot header
 * @slot thank-you
 * @summary A story submission form; nothing is published before an organizer approves it.
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
export class CkStoryForm extends CkFormWidget<SubmitStoryRequest> {
  protected static override vertical = ["stories", storiesLite] as const;
  static override properties = {
    campaign: { type: String },
    phase: { state: true },
    data: { state: true },
    storyRole: { state: true },
    ageBand: { state: true },
    publish: { state: true },
    storyLength: { state: true },
    withdrawUrl: { state: true },
    guardianPending: { state: true },
  };
  static override styles = [tokens, panelStyles, formStyles, storyStyles];

  declare campaign: string;
  declare protected phase: "loading" | "ready" | "success" | "error";
  declare protected data: StoryCampaign | undefined;
  declare protected storyRole: StoryRole | undefined;
  declare protected ageBand: AgeBand | undefined;
  declare protected publish: PublishChoice | undefined;
  declare protected storyLength: number;
  declare protected withdrawUrl: string | undefined;
  declare protected guardianPending: boolean;

  constructor() {
    super(STORY_FIELD_ORDER);
    this.campaign = "";
    this.phase = "loading";
    this.storyLength = 0;
    this.guardianPending = false;
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

  protected override collect(form: HTMLFormElement): SubmitStoryRequest {
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

  protected override validate(input: SubmitStoryRequest) {
    return this.activeClient?.stories.validate(input);
  }

  private readonly onPick = (name: "role" | "ageBand" | "publish", value: string) => {
    if (name === "role") this.storyRole = value as StoryRole;
    else if (name === "ageBand") this.ageBand = value as AgeBand;
    else this.publish = value as PublishChoice;
    this.fix(name);
  };

  private readonly onStoryInput = (event: Event) => {
    this.storyLength = (event.target as HTMLTextAreaElement).value.length;
  };

  private readonly onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const client = this.activeClient;
    if (!client || this.phase !== "ready") return;
    const input = this.collect(event.currentTarget as HTMLFormElement);
    const { campaign } = this;
    void this.attempt({
      input,
      detail: { widget: "story-form", campaign },
      send: (idempotencyKey) => client.stories.submit(campaign, input, { idempotencyKey }),
      done: (result) => {
        this.withdrawUrl = result.withdrawUrl;
        this.guardianPending = result.status === "guardian_pending";
        this.phase = "success";
        return { widget: "story-form", campaign, status: result.status };
      },
      focus: "#ck-thanks",
      fallback: m.loadFailed,
    });
  };

  protected override render() {
    if (this.phase === "loading" || !this.activeClient) return loadPanel(m.loading);
    if (this.phase === "error" || !this.data) return loadPanel(m.loadFailed, () => this.load());
    return html`
      <section part="container" class="container" aria-labelledby="ck-story-heading">
        <slot name="header"></slot>
        <h2 part="title" id="ck-story-heading" lang=${langOf(this.data, "title")}>${this.data.title}</h2>
        <div class="prompt" lang=${langOf(this.data, "prompt")}>${paragraphs(this.data.prompt).map((p) => html`<p>${p}</p>`)}</div>
        ${this.phase === "success"
          ? html`<div part="success" class="success" tabindex="-1">
              <slot name="thank-you"><h3 id="ck-thanks" tabindex="-1">${this.guardianPending ? m.guardianPending : m.thanks}</h3></slot>
              <p>${this.guardianPending ? m.guardianPendingNote : m.moderationNote}</p>
              <p><a part="link" href=${this.withdrawUrl ?? "#"} target="_blank" rel="noopener">${m.withdraw}</a></p>
              <p class="muted">${sending.keepLink}</p>
            </div>`
          : renderStoryForm({
              campaign: this.data,
              errors: this.errors,
              role: this.storyRole,
              ageBand: this.ageBand,
              publish: this.publish,
              storyLength: this.storyLength,
              submitting: this.submitting,
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

declare global {
  interface HTMLElementTagNameMap {
    "ck-story-form": CkStoryForm;
  }
}
