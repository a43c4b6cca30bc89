import { html, nothing } from "lit";
import { trainingsLite } from "@coalition-kit/sdk/lite";
import type { RegisterRequest, RegisterResponse, TrainingSeriesResponse, TrainingSession } from "@coalition-kit/schema";
import { CkFormWidget } from "../shared/ck-form-widget.js";
import { emit, errorDetail } from "../shared/events.js";
import { formatLocale } from "../shared/i18n.js";
import { formStyles } from "../shared/form-styles.js";
import { loadPanel } from "../shared/load-panels.js";
import { trainingMessages as t } from "./training-messages.js";
import { viewerTimeZone } from "../shared/time.js";
import { panelStyles } from "../shared/panel-styles.js";
import { tokens } from "../shared/tokens.js";
import { calendarStyles } from "./ck-training-calendar.styles.js";
import { renderMonth } from "./training-month.js";
import { REGISTER_FIELD_ORDER, renderRegisterForm } from "./training-register-form.js";
import { renderSessionCard } from "./training-session-card.js";
import { langOf } from "../shared/content-language.js";

type View = "list" | "month";
type When = "upcoming" | "past";

/**
 * A training series calendar: sessions in the viewer's time zone (the event's zone noted), list and
 * month views, registration with capacity and waitlist, add-to-calendar and a subscribe feed.
 *
 * @fires ck-submit - a registration was sent; the API checks it, and its field errors come back with ck-error (detail: { widget, series, session })
 * @fires ck-success - registered or waitlisted (detail: { widget, series, session, status }); in tabling mode without a connection, kept on the device (detail.queued: true, not sent yet)
 * @fires ck-error - loading or registering failed
 * Attribute `mode="tabling"`: registration on a shared device at a table or in a classroom. The
 * calendar is replaced by a fresh one after each person, so the next never sees their calendar,
 * cancel or join links (those come in the confirmation email); registrations taken offline wait
 * on the device and are sent when the connection returns, and a status line above the calendar
 * tells the organizer how many wait.
 * @slot header - above the series title
 * @summary Training sessions in the viewer's time zone, with registration and waitlist.
 * @tagname ck-training-calendar
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
export class CkTrainingCalendar extends CkFormWidget<RegisterRequest> {
  protected static override vertical = ["trainings", trainingsLite] as const;
  static override properties = {
    series: { type: String },
    timeZone: { type: String, attribute: "time-zone" },
    view: { type: String, reflect: true },
    phase: { state: true },
    data: { state: true },
    filter: { state: true },
    when: { state: true },
    openId: { state: true },
    results: { state: true },
    cursor: { state: true },
  };
  static override styles = [tokens, panelStyles, formStyles, calendarStyles];

  /** One series slug, or several separated by commas (then a filter appears). */
  declare series: string;
  /** Show times in this IANA zone instead of the viewer's. */
  declare timeZone: string | undefined;
  declare view: View;

  declare protected phase: "loading" | "ready" | "error";
  declare protected data: TrainingSeriesResponse[];
  declare protected filter: string;
  declare protected when: When;
  declare protected openId: string | undefined;
  declare protected results: ReadonlyMap<string, RegisterResponse>;
  declare protected cursor: { year: number; month: number } | undefined;

  constructor() {
    super(REGISTER_FIELD_ORDER);
    this.series = "";
    this.view = "list";
    this.phase = "loading";
    this.data = [];
    this.filter = "";
    this.when = "upcoming";
    this.results = new Map();
  }

  private get slugs(): string[] {
    return this.series.split(",").map((s) => s.trim()).filter(Boolean);
  }

  private get zone(): string {
    return this.timeZone || viewerTimeZone();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // On a shared device at a table: a chunk of its own (queue, reset, status), loaded only then.
    if (this.getAttribute("mode") === "tabling") void import("../tabling/tabling.js").then((m) => m.attachTabling(this));
  }

  protected override reloadOn() {
    return ["series"];
  }

  /** Fetch every series (again): seats and waitlists change as people register. */
  async load(): Promise<void> {
    const client = this.activeClient;
    // In tabling mode nothing shows (so nothing can be sent) until tabling mode has set its client.
    if (!client || this.slugs.length === 0 || !this.isConnected || (this.getAttribute("mode") === "tabling" && !this.client)) return;
    const current = this.beginLoad();
    if (this.data.length === 0) this.phase = "loading";
    try {
      const data = await Promise.all(this.slugs.map((slug) => client.trainings.get(slug)));
      if (!current()) return;
      this.data = data;
      this.phase = "ready";
    } catch (error) {
      if (!current()) return;
      if (this.data.length === 0) this.phase = "error";
      emit(this, "ck-error", { widget: "training-calendar", series: this.series, ...errorDetail(error) });
    }
  }

  private sessionsShown(): Array<{ series: TrainingSeriesResponse; session: TrainingSession }> {
    const all = this.data
      .filter((d) => !this.filter || d.series.slug === this.filter)
      .flatMap((d) => d.sessions.map((session) => ({ series: d, session })))
      .sort((a, b) => a.session.startsAt.localeCompare(b.session.startsAt));
    if (this.view === "month") return all;
    const wanted = all.filter((x) => (this.when === "past" ? x.session.past : !x.session.past));
    return this.when === "past" ? wanted.reverse() : wanted;
  }

  private icsUrl(session: TrainingSession): string {
    const base = this.activeClient?.baseUrl.replace(/\/+$/, "") ?? "";
    return `${base}/v1/trainings/${encodeURIComponent(session.seriesSlug)}/sessions/${session.id}.ics`;
  }

  private readonly onOpen = async (session: TrainingSession) => {
    this.openId = session.id;
    this.errors = {};
    this.alert = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>("#ck-firstName")?.focus();
  };

  private readonly onClose = () => {
    const id = this.openId;
    this.openId = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#session-${id} button.primary`)?.focus());
  };

  protected override collect(form: HTMLFormElement): RegisterRequest {
    const fd = new FormData(form);
    const text = (name: string) => String(fd.get(name) ?? "");
    const input: RegisterRequest = {
      firstName: text("firstName"),
      email: text("email"),
      consentCoalition: fd.has("consentCoalition"),
      consentPartner: fd.has("consentPartner"),
    };
    if (text("lastName").trim()) input.lastName = text("lastName");
    if (this.source) input.source = this.source.slice(0, 100);
    return input;
  }

  protected override validate(input: RegisterRequest) {
    return this.activeClient?.trainings.validate(input);
  }

  private readonly onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const client = this.activeClient;
    const found = this.data.flatMap((d) => d.sessions).find((s) => s.id === this.openId);
    if (!client || !found) return;
    const input = this.collect(event.currentTarget as HTMLFormElement);
    const detail = { widget: "training-calendar" as const, series: found.seriesSlug, session: found.id };
    void this.attempt({
      input,
      detail,
      send: (idempotencyKey) => client.trainings.register(found.seriesSlug, found.id, input, { idempotencyKey }),
      done: (result) => {
        this.openId = undefined;
        // Kept on the device (tabling mode, offline): no seat or waitlist place yet, and no links to show.
        if (!result.cancelUrl) return { ...detail, status: result.status, queued: true };
        this.results = new Map(this.results).set(found.id, result);
        this.data = this.data.map((d) => ({ ...d, sessions: d.sessions.map((s) => (s.id === result.session.id ? result.session : s)) }));
        return { ...detail, status: result.status };
      },
      focus: `#session-${found.id} .result-heading`,
      fallback: t.loadFailed,
      failed: (code) => {
        if (code === "registration_closed") void this.load();
      },
    });
  };

  private readonly onPick = async (session: TrainingSession) => {
    this.view = "list";
    this.when = session.past ? "past" : "upcoming";
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#session-${session.id}`)?.focus();
  };

  private readonly onMove = (delta: number) => {
    const c = this.monthCursor();
    const d = new Date(Date.UTC(c.year, c.month + delta, 1));
    this.cursor = { year: d.getUTCFullYear(), month: d.getUTCMonth() };
  };

  private monthCursor(): { year: number; month: number } {
    if (this.cursor) return this.cursor;
    const next = this.sessionsShown().find((x) => !x.session.past)?.session.startsAt;
    const d = next ? new Date(next) : new Date();
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() };
  }

  protected override render() {
    if (this.phase === "loading" || !this.activeClient) return loadPanel(t.loading);
    if (this.phase === "error") return loadPanel(t.loadFailed, () => this.load());
    const single = this.data.length === 1 ? this.data[0] : undefined;
    return html`
      <section part="container" class="container" aria-labelledby="ck-cal-title">
        <slot name="header"></slot>
        <h2 part="title" id="ck-cal-title" lang=${single ? langOf(single.series, "title") : nothing}>${single ? single.series.title : this.data.map((d) => d.series.title).join(" · ")}</h2>
        ${single ? html`<p class="muted" lang=${langOf(single.series, "description")}>${single.series.description}</p>` : nothing}
        ${this.renderToolbar()}
        ${this.view === "month" ? this.renderMonthView() : this.renderList()}
        <p class="subscribe">${this.data.map((d) => html`<a part="link" href=${d.feedUrl.replace(/^https?:/, "webcal:")}>${t.subscribe}${this.data.length > 1 ? `: ${d.series.title}` : ""}</a> `)}</p>
      </section>
    `;
  }

  private renderToolbar() {
    const toggle = (label: string, pressed: boolean, onClick: () => void) =>
      html`<button part="button" type="button" class="toggle" aria-pressed=${pressed ? "true" : "false"} @click=${onClick}>${label}</button>`;
    return html`<div class="toolbar">
      <div class="group" role="group" aria-label=${t.view}>
        ${toggle(t.list, this.view === "list", () => (this.view = "list"))} ${toggle(t.month, this.view === "month", () => (this.view = "month"))}
      </div>
      ${this.view === "list"
        ? html`<div class="group" role="group" aria-label=${t.sessions}>
            ${toggle(t.upcoming, this.when === "upcoming", () => (this.when = "upcoming"))} ${toggle(t.past, this.when === "past", () => (this.when = "past"))}
          </div>`
        : nothing}
      ${this.data.length > 1
        ? html`<label class="filter">${t.filterLabel}
            <select @change=${(e: Event) => (this.filter = (e.target as HTMLSelectElement).value)}>
              <option value="">${t.allSeries}</option>
              ${this.data.map((d) => html`<option value=${d.series.slug} ?selected=${this.filter === d.series.slug}>${d.series.title}</option>`)}
            </select>
          </label>`
        : nothing}
    </div>`;
  }

  private renderList() {
    const shown = this.sessionsShown();
    if (shown.length === 0) return html`<p class="muted empty-list">${this.when === "past" ? t.noPast : t.noUpcoming}</p>`;
    return html`<ol part="sessions" class="sessions">
      ${shown.map(({ series, session }) =>
        renderSessionCard(session, {
          viewerZone: this.zone,
          locale: formatLocale(),
          icsUrl: this.icsUrl(session),
          open: this.openId === session.id,
          result: this.results.get(session.id),
          form:
            this.openId === session.id
              ? renderRegisterForm({ series: series.series, session, errors: this.errors, alert: this.alert, submitting: this.submitting, onSubmit: this.onSubmit, onClose: this.onClose, onFieldChange: this.onFieldChange })
              : undefined,
          onOpen: this.onOpen,
        }),
      )}
    </ol>`;
  }

  private renderMonthView() {
    const { year, month } = this.monthCursor();
    return renderMonth({ year, month, sessions: this.sessionsShown().map((x) => x.session), viewerZone: this.zone, locale: formatLocale(), onMove: this.onMove, onPick: this.onPick });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ck-training-calendar": CkTrainingCalendar;
  }
}
