import { html, nothing } from "lit";
import { meetingsLite } from "@coalition-kit/sdk/lite";
import type { MeetingResponse, RsvpAnswer, RsvpRequest, RsvpResponse } from "@coalition-kit/schema";
import { CkFormWidget } from "../shared/ck-form-widget.js";
import { emit, errorDetail } from "../shared/events.js";
import { formatLocale } from "../shared/i18n.js";
import { formStyles } from "../shared/form-styles.js";
import { loadPanel } from "../shared/load-panels.js";
import { meetingMessages as t } from "./meeting-messages.js";
import { viewerTimeZone } from "../shared/time.js";
import { panelStyles } from "../shared/panel-styles.js";
import { tokens } from "../shared/tokens.js";
import { meetingStyles } from "./ck-meeting-rsvp.styles.js";
import { renderOccurrence, whenText } from "./meeting-occurrence.js";
import { RSVP_FIELD_ORDER, renderRsvpForm } from "./meeting-rsvp-form.js";
import { scheduleMessages as schedule, sendingMessages as sending } from "../shared/common-messages.js";
import { langOf } from "../shared/content-language.js";

const EVERY_WEEK = "every_week";

/**
 * RSVP for recurring member meetings: the next occurrences in the viewer's zone (the meeting's zone
 * noted), cancelled and moved weeks marked, yes/maybe/no for one meeting or every week, a signed
 * manage link and a calendar feed.
 *
 * @fires ck-submit - (detail: { widget: "meeting-rsvp", meeting, occurrence })
 * @fires ck-success - (detail: { widget, meeting, occurrence, response })
 * @fires ck-error
 * @summary RSVP for recurring member meetings, one week or every week.
 * @tagname ck-meeting-rsvp
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
export class CkMeetingRsvp extends CkFormWidget<RsvpRequest> {
  protected static override vertical = ["meetings", meetingsLite] as const;
  static override properties = {
    meeting: { type: String },
    count: { type: Number },
    timeZone: { type: String, attribute: "time-zone" },
    phase: { state: true },
    data: { state: true },
    openFor: { state: true },
    scope: { state: true },
    answer: { state: true },
    saved: { state: true },
  };
  static override styles = [tokens, panelStyles, formStyles, meetingStyles];

  declare meeting: string;
  /** How many upcoming meetings to list (default 6). */
  declare count: number;
  declare timeZone: string | undefined;
  declare protected phase: "loading" | "ready" | "error";
  declare protected data: MeetingResponse | undefined;
  /** The occurrence date the form is open for, or "every_week". */
  declare protected openFor: string | undefined;
  declare protected scope: string;
  declare protected answer: RsvpAnswer | undefined;
  declare protected saved: { result: RsvpResponse; when: string | undefined } | undefined;

  constructor() {
    super(RSVP_FIELD_ORDER);
    this.meeting = "";
    this.count = 6;
    this.phase = "loading";
    this.scope = EVERY_WEEK;
  }

  private get zone(): string {
    return this.timeZone || viewerTimeZone();
  }

  protected override reloadOn() {
    return ["meeting", "count"];
  }

  async load(): Promise<void> {
    const client = this.activeClient;
    if (!client || !this.meeting || !this.isConnected) return;
    const current = this.beginLoad();
    try {
      const data = await client.meetings.get(this.meeting, { count: this.count });
      if (!current()) return;
      this.data = data;
      this.phase = "ready";
    } catch (error) {
      if (!current()) return;
      if (!this.data) this.phase = "error";
      emit(this, "ck-error", { widget: "meeting-rsvp", meeting: this.meeting, ...errorDetail(error) });
    }
  }

  private readonly open = async (date: string) => {
    this.openFor = date;
    this.scope = date;
    this.answer = undefined;
    this.errors = {};
    this.alert = undefined;
    this.saved = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>("#ck-response")?.focus();
  };

  private readonly close = () => {
    this.openFor = undefined;
  };

  private readonly onPick = (name: "response" | "occurrence", value: string) => {
    if (name === "response") this.answer = value as RsvpAnswer;
    else this.scope = value;
    this.fix(name);
  };

  protected override collect(form: HTMLFormElement): RsvpRequest {
    const fd = new FormData(form);
    const text = (name: string) => String(fd.get(name) ?? "");
    return {
      firstName: text("firstName"),
      email: text("email"),
      response: this.answer as RsvpAnswer,
      occurrence: this.scope,
      consentCoalition: fd.has("consentCoalition"),
      consentPartner: fd.has("consentPartner"),
      ...(text("lastName").trim() ? { lastName: text("lastName") } : {}),
      ...(this.source ? { source: this.source.slice(0, 100) } : {}),
    };
  }

  protected override validate(input: RsvpRequest) {
    return this.activeClient?.meetings.validate(input);
  }

  private readonly onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const client = this.activeClient;
    if (!client) return;
    const input = this.collect(event.currentTarget as HTMLFormElement);
    const { meeting } = this;
    const detail = { widget: "meeting-rsvp" as const, meeting, occurrence: input.occurrence };
    void this.attempt({
      input,
      detail,
      send: (idempotencyKey) => client.meetings.rsvp(meeting, input, { idempotencyKey }),
      done: (result) => {
        const updated = new Map(result.occurrences.map((o) => [o.date, o]));
        if (this.data) this.data = { ...this.data, occurrences: this.data.occurrences.map((o) => updated.get(o.date) ?? o) };
        const occurrence = this.data?.occurrences.find((o) => o.date === input.occurrence);
        this.saved = { result, when: occurrence ? whenText(occurrence, this.zone, formatLocale()) : undefined };
        this.openFor = undefined;
        return { ...detail, response: input.response };
      },
      focus: "#ck-saved",
      fallback: t.loadFailed,
    });
  };

  private form() {
    const occurrence = this.data!.occurrences.find((o) => o.date === this.openFor);
    return renderRsvpForm({
      meeting: this.data!.meeting,
      opened: occurrence ? { date: occurrence.date, when: whenText(occurrence, this.zone, formatLocale()) } : undefined,
      scope: this.scope,
      response: this.answer,
      errors: this.errors,
      alert: this.alert,
      submitting: this.submitting,
      onPick: this.onPick,
      onSubmit: this.onSubmit,
      onClose: this.close,
      onFieldChange: this.onFieldChange,
    });
  }

  protected override render() {
    if (this.phase === "loading") return loadPanel(t.loading);
    if (this.phase === "error" || !this.data) return loadPanel(t.loadFailed, () => this.load());
    const { meeting, occurrences, feedUrl } = this.data;
    return html`
      <section part="container" class="container" aria-labelledby="ck-meeting-title">
        <slot name="header"></slot>
        <h2 part="title" id="ck-meeting-title" lang=${langOf(meeting, "title")}>${meeting.title}</h2>
        <p class="schedule"><strong>${meeting.schedule}</strong> ${t.plannedIn(meeting.timeZone)} · ${schedule.formats[meeting.format]}</p>
        <p class="muted" lang=${langOf(meeting, "description")}>${meeting.description}</p>
        ${meeting.breaks.map((b, i) => html`<p class="break" lang=${langOf(meeting, `breaks.${i}.reason`)}>${b.reason}</p>`)}
        ${this.saved ? this.renderSaved(feedUrl) : nothing}
        <div class="every-week">
          ${this.openFor === EVERY_WEEK ? this.form() : html`<button part="button" class="primary" type="button" @click=${() => void this.open(EVERY_WEEK)}>${t.everyWeekButton}</button>`}
        </div>
        ${occurrences.length === 0
          ? html`<p class="muted">${t.none}</p>`
          : html`<ol part="occurrences" class="occurrences">
              ${occurrences.map((o) =>
                renderOccurrence(o, {
                  viewerZone: this.zone,
                  eventZone: meeting.timeZone,
                  locale: formatLocale(),
                  open: this.openFor === o.date,
                  form: this.openFor === o.date ? this.form() : undefined,
                  onOpen: (date) => void this.open(date),
                }),
              )}
            </ol>`}
        <p class="subscribe"><a part="link" href=${feedUrl.replace(/^https?:/, "webcal:")}>${t.subscribe}</a></p>
      </section>
    `;
  }

  private renderSaved(feedUrl: string) {
    const { result, when } = this.saved!;
    return html`<div part="success" class="success" role="status">
      <h3 id="ck-saved" tabindex="-1">${result.scope === EVERY_WEEK ? t.savedEvery : t.savedOne(when ?? "")}</h3>
      <ul class="links">
        ${result.virtualLink ? html`<li><a part="link" href=${result.virtualLink} target="_blank" rel="noopener noreferrer">${schedule.joinOnline}</a></li>` : nothing}
        <li><a part="link" href=${result.manageUrl} target="_blank" rel="noopener">${t.manage}</a></li>
        <li><a part="link" href=${feedUrl.replace(/^https?:/, "webcal:")}>${t.subscribe}</a></li>
      </ul>
      <p class="muted small">${sending.keepLink}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ck-meeting-rsvp": CkMeetingRsvp;
  }
}
