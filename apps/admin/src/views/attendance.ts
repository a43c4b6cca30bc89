import { html, nothing } from "lit";
import type { AdminTrainingSeriesDetail, AttendanceEntry, AttendanceRoster, AttendanceUploaded, SeriesProgress, SurveyResults } from "@coalition-kit/schema";
import { AdminView, download } from "./admin-view.js";
import { renderSurveyResults } from "./survey-results.js";
import { when, zoneName } from "../zoned-time.js";

type Detail = AdminTrainingSeriesDetail;
type Session = Detail["series"]["sessions"][number];

/** "2 of 3 sessions attended" (and how many were held so far, when not all). */
export function progressText(p: SeriesProgress): string {
  return `${p.attended} of ${p.total} sessions attended${p.held < p.total ? ` (${p.held} held so far)` : ""}`;
}

const completedText = (p: SeriesProgress) => (p.needed === null ? "—" : p.completed ? "Completed" : `Needs ${Math.max(p.needed - p.attended, 0)} more`);
const rate = (r: number | null) => (r === null ? "—" : `${Math.round(r * 100)}%`);
const thresholdText = (t: Detail["series"]["completionThreshold"], total: number) =>
  t === null ? "This series has no completion." : t === "all" ? `Completing the series takes all ${total} sessions.` : `Completing the series takes ${t} of its ${total} sessions.`;

/**
 * One training series' attendance: pick a session, tick who attended (each tick is saved at once)
 * or upload a CSV of `email,attended` rows (bad rows are listed by row number, good ones saved);
 * each person's progress across the series and whether they completed it; and per partner its
 * registrations, attendance rate and completions.
 */
export class CkAdminAttendance extends AdminView {
  static override properties = { ...AdminView.properties, slug: {}, detail: { state: true }, session: { state: true }, roster: { state: true }, status: { state: true }, uploaded: { state: true }, answers: { state: true } };
  declare slug: string;
  declare detail: Detail | undefined;
  declare session: string | undefined;
  declare roster: AttendanceRoster | undefined;
  declare status: string | undefined;
  declare uploaded: AttendanceUploaded | undefined;
  /** The feedback survey's answers from the session on screen, once asked for. */
  declare answers: SurveyResults | undefined;

  protected async load(): Promise<void> {
    this.detail = await this.client.trainings.get(this.slug);
    const started = this.detail.series.sessions.filter((s) => s.status === "scheduled" && Date.parse(s.startsAt) <= Date.now());
    this.session ??= (started[started.length - 1] ?? this.detail.series.sessions[0])?.key;
    if (this.session) this.roster = await this.client.attendance.roster(this.slug, this.session);
  }

  private choose(key: string) {
    this.session = key;
    this.uploaded = undefined;
    this.status = undefined;
    return this.attempt(async () => {
      this.roster = await this.client.attendance.roster(this.slug, key);
    });
  }

  private mark(entry: AttendanceEntry, attended: boolean) {
    const name = `${entry.firstName}${entry.lastName ? ` ${entry.lastName}` : ""}`;
    return this.attempt(async () => {
      await this.client.attendance.mark(this.slug, this.session!, entry.registration, { attended });
      this.status = attended ? `${name} attended.` : `${name} did not attend.`;
      await this.load();
    });
  }

  private readonly onUpload = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const file = (form.elements.namedItem("csv") as HTMLInputElement).files?.[0];
    this.uploaded = undefined;
    if (!file) {
      this.errors = { csv: "Choose a CSV file." };
      return;
    }
    void this.attempt(async () => {
      this.uploaded = await this.client.attendance.upload(this.slug, this.session!, await file.text());
      this.status = `${this.uploaded.marked} ${this.uploaded.marked === 1 ? "row" : "rows"} saved${this.uploaded.rows.length ? `, ${this.uploaded.rows.length} not saved (see below)` : ""}.`;
      await this.load();
    }).then(() => this.focusOutcome("#attendance-status"));
  };

  private readonly onExport = () => this.attempt(async () => download(await this.client.attendance.exportCsv(this.slug), `${this.slug}-registrations.csv`));

  protected override render() {
    const d = this.detail;
    const title = d ? (typeof d.series.title === "string" ? d.series.title : (d.series.title[d.series.language ?? "en"] ?? Object.values(d.series.title)[0] ?? "")) : "";
    const total = d ? d.series.sessions.filter((s) => s.status === "scheduled").length : 0;
    return html`
      <p><a href="#/trainings">All trainings</a></p>
      <h1>Attendance${title ? html`: ${title}` : nothing}</h1>
      ${this.renderAlert()}
      <p id="attendance-status" class=${this.status ? "notice" : "visually-hidden"} role="status" tabindex="-1">${this.status ?? ""}</p>
      ${!d
        ? html`<p class="muted" role="status">Loading…</p>`
        : html`
            <p>${thresholdText(d.series.completionThreshold, total)}</p>
            ${this.renderSessions(d.series.sessions)}
            ${this.renderRoster()}
            <section aria-labelledby="progress-title">
              <h2 id="progress-title">Progress</h2>
              ${d.attendance.people.length === 0
                ? html`<p class="muted">Nobody holds a seat yet.</p>`
                : html`<table class="progress">
                    <thead><tr><th>Name</th><th>Email</th><th>Via</th><th>Progress</th><th>Completed</th></tr></thead>
                    <tbody>
                      ${d.attendance.people.map(
                        (p) => html`<tr data-email=${p.email}>
                          <td>${p.firstName} ${p.lastName ?? ""}</td>
                          <td>${p.email}</td>
                          <td>${p.partner}</td>
                          <td class="progress-text">${progressText(p.progress)}</td>
                          <td>${completedText(p.progress)}</td>
                        </tr>`,
                      )}
                    </tbody>
                  </table>`}
              <button type="button" class="secondary" @click=${this.onExport} ?disabled=${this.busy}>Export registrations with progress (CSV)</button>
            </section>
            <section aria-labelledby="partners-title">
              <h2 id="partners-title">By partner</h2>
              ${d.attendance.partners.length === 0
                ? html`<p class="muted">No registrations yet.</p>`
                : html`<table class="partners">
                    <thead><tr><th>Partner</th><th class="num">Registrations</th><th class="num">Attendance rate</th><th class="num">Completions</th></tr></thead>
                    <tbody>
                      ${d.attendance.partners.map(
                        (p) => html`<tr data-partner=${p.partner}>
                          <td>${p.partner}</td>
                          <td class="num">${p.registrations}</td>
                          <td class="num">${rate(p.attendanceRate)}</td>
                          <td class="num">${p.completions}</td>
                        </tr>`,
                      )}
                    </tbody>
                  </table>`}
            </section>
          `}
    `;
  }

  private renderSessions(sessions: Session[]) {
    return html`<div class="field">
      <label for="attendance-session">Session</label>
      <select id="attendance-session" @change=${(e: Event) => void this.choose((e.target as HTMLSelectElement).value)}>
        ${sessions.map(
          (s) => html`<option value=${s.key} ?selected=${s.key === this.session}>
            ${typeof s.title === "string" ? s.title : (Object.values(s.title)[0] ?? s.key)} · ${when(s.startsAt, s.timeZone)} ${zoneName(s.timeZone)}${s.status === "cancelled" ? " (cancelled)" : ""}
          </option>`,
        )}
      </select>
    </div>`;
  }

  private renderRoster() {
    const r = this.roster;
    if (!r) return nothing;
    const error = this.errors.csv;
    return html`<section aria-labelledby="roster-title">
      <h2 id="roster-title">Who attended</h2>
      ${r.open ? nothing : html`<p class="muted">Attendance can be marked once the session has started.</p>`}
      ${this.errors.attended ? html`<p class="error">${this.errors.attended}</p>` : nothing}
      ${r.roster.length === 0
        ? html`<p class="muted">Nobody holds a seat in this session.</p>`
        : html`<table class="roster">
            <thead><tr><th>Attended</th><th>Name</th><th>Email</th><th>Via</th><th>Progress</th></tr></thead>
            <tbody>
              ${r.roster.map((e) => {
                const name = `${e.firstName}${e.lastName ? ` ${e.lastName}` : ""}`;
                return html`<tr data-email=${e.email}>
                  <td>
                    <input type="checkbox" id="att-${e.registration}" .checked=${e.attended === true} ?disabled=${!r.open || this.busy} @change=${(ev: Event) => void this.mark(e, (ev.target as HTMLInputElement).checked)} />
                    <label for="att-${e.registration}" class="visually-hidden">${name} attended</label>
                  </td>
                  <td>${name}</td>
                  <td>${e.email}</td>
                  <td>${e.partner}</td>
                  <td class="progress-text">${progressText(e.progress)}</td>
                </tr>`;
              })}
            </tbody>
          </table>`}
      ${r.open
        ? html`<form class="upload" @submit=${this.onUpload} novalidate>
            <div class="field">
              <label for="f-csv">Or upload a CSV of who attended</label>
              <input id="f-csv" name="csv" type="file" accept=".csv,text/csv" aria-invalid=${error ? "true" : "false"} aria-describedby=${error ? "csv-hint csv-error" : "csv-hint"} />
              <span id="csv-hint" class="muted">Columns email and attended (yes or no). Good rows are saved; rows with a mistake are listed here and change nothing.</span>
              ${error ? html`<span id="csv-error" class="error">${error}</span>` : nothing}
            </div>
            <button type="submit" ?disabled=${this.busy}>Upload</button>
          </form>`
        : nothing}
      ${this.uploaded?.rows.length
        ? html`<ul class="row-errors" aria-label="Rows not saved">
            ${this.uploaded.rows.map((row) => html`<li>Row ${row.row}: ${row.error}</li>`)}
          </ul>`
        : nothing}
    </section>
    ${this.renderFeedback(r)}`;
  }

  private readonly showAnswers = (survey: string, sessionId: string) =>
    this.attempt(async () => {
      this.answers = await this.client.surveys.results(survey, undefined, sessionId);
    });

  private readonly copyLink = (link: string) =>
    this.attempt(async () => {
      await navigator.clipboard.writeText(link);
      this.status = "Feedback link copied.";
    });

  /** The session's feedback survey: the link to send by hand, and how many feedback emails went out. */
  private renderFeedback(r: AttendanceRoster) {
    const { link, survey, sent, sessionId } = r.feedback;
    const answers = this.answers?.survey === survey && this.answers.session === sessionId ? this.answers : undefined;
    return html`<section aria-labelledby="feedback-title">
      <h2 id="feedback-title">Feedback survey</h2>
      ${link
        ? html`<div class="field">
              <label for="f-feedback-link">Feedback link to send</label>
              <input id="f-feedback-link" type="url" readonly .value=${link} aria-describedby="feedback-hint" @focus=${(ev: Event) => (ev.target as HTMLInputElement).select()} />
              <span id="feedback-hint" class="muted">The ${survey} survey, for this session. Attendees marked attended get it by email once the session has ended; send it yourself if you prefer.</span>
            </div>
            <button type="button" @click=${() => void this.copyLink(link)}>Copy link</button>
            <p class="feedback-sent">${sent === 1 ? "1 feedback email went out." : `${sent} feedback emails went out.`}</p>
            <button type="button" class="secondary" @click=${() => void this.showAnswers(survey!, sessionId)}>${answers ? "Refresh this session's answers" : "Show this session's answers"}</button>
            ${answers ? renderSurveyResults(answers, "Answers from this session") : nothing}`
        : html`<p class="muted">This series has no feedback survey. Name one of your surveys and the page it is embedded on with the series, and attendees get its link after each session.</p>`}
    </section>`;
  }
}

customElements.define("ck-admin-attendance", CkAdminAttendance);
