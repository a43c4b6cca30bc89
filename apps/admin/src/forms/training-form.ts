import { html, nothing } from "lit";
import { live } from "lit/directives/live.js";
import type { AdminPartner } from "@coalition-kit/schema";
import { TrainingSeriesInput } from "@coalition-kit/schema";
import { FORMATS } from "../views/inline-editor.js";
import { zoneName } from "../zoned-time.js";
import { FormView, schemaErrors, slugTyping } from "./form-view.js";
import { blankSeries, blankSession, draftOf, inputOf, readSeries, type SeriesDraft, type SessionDraft } from "./training-draft.js";

const COMPLETION_CHOICES = [
  ["all", "Every session"],
  ["count", "A number of sessions"],
  ["none", "Nothing (no completion)"],
] as const;

/**
 * Create a training series (`slug` empty) or edit one (`slug` set: it is loaded into the form):
 * title, description, time zone, consent texts, and sessions with start, length, format, place,
 * join link, capacity, leaders and co-hosting partners. Saved with PUT; back to the list after.
 */
export class CkAdminTrainingForm extends FormView {
  static override properties = { ...FormView.properties, slug: { type: String }, draft: { state: true }, partners: { state: true }, surveys: { state: true } };
  declare slug: string;
  declare draft: SeriesDraft | undefined;
  declare partners: AdminPartner[];
  /** The coalition's surveys, to choose the feedback survey from. */
  declare surveys: Array<{ slug: string; title: string }>;

  constructor() {
    super();
    this.slug = "";
    this.partners = [];
    this.surveys = [];
  }

  protected async load(): Promise<void> {
    const [partners, organization, surveys] = await Promise.all([this.client.partners.list(), this.client.organization(), this.client.surveys.list().catch(() => [])]);
    this.partners = partners.filter((p) => p.active);
    this.surveys = surveys;
    this.draft = this.slug ? draftOf(await this.client.trainings.get(this.slug)) : blankSeries(organization.name);
  }

  /** Every session's zone is the series' zone field; a session's end is its length. */
  protected override placeErrors(errors: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [path, message] of Object.entries(errors)) {
      const ends = /^sessions\.(\d+)\.endsAt$/.exec(path);
      if (ends && errors[`sessions.${ends[1]}.startsAt`]) continue;
      // The n-th reservation sent is the seats input of its partner.
      const seats = /^sessions\.(\d+)\.partnerSeats\.(\d+)(\.\w+)?$/.exec(path);
      const partner = seats && this.draft && inputOf(this.draft).input.sessions[Number(seats[1])]?.partnerSeats?.[Number(seats[2])]?.partner;
      if (path === "completionThreshold") {
        out[this.draft?.completion === "count" ? "completionCount" : "completion"] ??= message;
        continue;
      }
      const place = /^sessions\.\d+\.timeZone$/.test(path) ? "timeZone" : ends ? `sessions.${ends[1]}.duration` : partner ? `sessions.${seats[1]}.partnerSeats.${partner}` : path;
      out[place] ??= message;
    }
    return out;
  }

  private readonly onInput = (event: Event) => {
    const form = event.currentTarget as HTMLFormElement;
    if (this.draft) this.draft = readSeries(this.draft, new FormData(form));
  };

  private change(edit: (sessions: SessionDraft[]) => SessionDraft[], focus?: string) {
    if (!this.draft) return;
    this.draft = { ...this.draft, sessions: edit(this.draft.sessions) };
    if (focus) void this.focusLater(focus);
  }

  private readonly onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    this.draft = readSeries(this.draft!, form);
    const slug = this.slug || this.draft.slug;
    const { input, typing } = inputOf(this.draft);
    const ok = await this.submit(async () => void (await this.client.trainings.save(slug, input)), { ...(this.slug ? {} : slugTyping(slug)), ...typing }, () => schemaErrors(TrainingSeriesInput, input));
    if (ok) location.hash = `#/trainings`;
  };

  protected override render() {
    const heading = this.slug ? `Edit training series` : "New training series";
    if (!this.draft) return html`<h1>${heading}</h1>${this.renderAlert()}<p class="muted" role="status">Loading…</p>`;
    const d = this.draft;
    return html`
      <h1>${heading}</h1>
      <p><a href="#/trainings">Back to trainings</a></p>
      <form @submit=${this.onSubmit} @input=${this.onInput} @change=${this.onInput} novalidate aria-label=${heading}>
        ${this.slug
          ? html`<p>Address: <code>${this.slug}</code></p>`
          : this.input("slug", "Address", { value: d.slug, required: true, hint: "Lowercase letters, numbers and dashes, e.g. organizing-101. Partners embed the series by this name." })}
        ${this.input("title", "Title", { value: d.title, required: true })}
        ${this.input("description", "Description", { value: d.description, multiline: true, required: true })}
        ${this.zoneField(d.timeZone, "Every session's date and time is read in this zone.")}
        ${this.consentFields(d.consent)}
        ${this.input("completion", "Completing the series takes", { value: d.completion, choices: COMPLETION_CHOICES, hint: "People who attend that many sessions have completed the series; organizers mark attendance after each session." })}
        ${d.completion === "count" ? this.input("completionCount", "Sessions to attend", { type: "number", value: d.completionCount, required: true }) : nothing}
        ${this.input("feedbackSurvey", "Feedback survey after each session", { value: d.feedbackSurvey, choices: [["", "None"], ...this.surveys.map((s) => [s.slug, s.title] as const)], hint: "Attendees get one email with its link once a session has ended." })}
        ${d.feedbackSurvey ? this.input("feedbackUrl", "Page where the feedback survey is embedded", { type: "url", value: d.feedbackUrl, required: true, hint: "https://…, the page with this survey's widget. The email's link adds the session to it." }) : nothing}
        <h2>Sessions</h2>
        <p class="muted">Registrants of a session whose time, place or link changes get an email with the new details.</p>
        ${d.sessions.map((s, i) => this.renderSession(s, i, zoneName(d.timeZone)))}
        <div class="row">
          <button type="button" class="secondary add-session" @click=${() => this.change((all) => [...all, blankSession()], `[name="sessions.${d.sessions.length}.title"]`)}>Add a session</button>
        </div>
        ${this.renderProblems()}
        <div class="row">
          <button type="submit" ?disabled=${this.busy}>${this.busy ? "Saving…" : this.slug ? "Save changes" : "Create training series"}</button>
          <a href="#/trainings">Cancel</a>
        </div>
      </form>
    `;
  }

  private renderSession(s: SessionDraft, i: number, zone: string) {
    const p = `sessions.${i}.`;
    const name = s.title || `Session ${i + 1}`;
    return html`<fieldset class="session">
      <legend>Session ${i + 1}${s.title ? `: ${s.title}` : ""}${s.status === "cancelled" ? " (cancelled)" : ""}</legend>
      ${this.input(`${p}title`, "Session title", { value: s.title, required: true })}
      <div class="row">
        ${this.input(`${p}startsAt`, `Starts (${zone})`, { type: "datetime-local", value: s.startsAt, required: true })}
        ${this.input(`${p}duration`, "Length in minutes", { type: "number", value: s.duration, required: true })}
      </div>
      ${this.input(`${p}format`, "How people take part", { value: s.format, choices: FORMATS })}
      ${this.input(`${p}location`, "Place", { value: s.location, hint: "A street address or room, for in-person and hybrid sessions." })}
      ${this.input(`${p}virtualLink`, "Join link", { type: "url", value: s.virtualLink, hint: "https://…, for online and hybrid sessions. Only people with a seat get it." })}
      ${this.input(`${p}capacity`, "Capacity", { type: "number", value: s.capacity, hint: "Seats in all; leave empty for no limit. Past it, people join the waitlist." })}
      ${this.renderLeaders(s, i, name)}
      ${this.renderPartners(s, i, name)}
      ${s.saved
        ? nothing
        : html`<div class="row"><button type="button" class="secondary" @click=${() => this.change((all) => all.filter((_, k) => k !== i), "button.add-session, button[type=submit]")}>Remove ${name}</button></div>`}
    </fieldset>`;
  }

  private renderLeaders(s: SessionDraft, i: number, name: string) {
    const p = `sessions.${i}.`;
    const setLeaders = (leaders: SessionDraft["leaders"], focus?: string) => this.change((all) => all.map((x, k) => (k === i ? { ...x, leaders } : x)), focus);
    return html`<fieldset>
      <legend>Leaders of ${name}</legend>
      ${s.leaders.map(
        (l, j) => html`<div class="row">
          ${this.input(`${p}leaders.${j}.name`, `Leader ${j + 1} name`, { value: l.name })}
          ${this.input(`${p}leaders.${j}.role`, `Leader ${j + 1} role`, { value: l.role })}
          <button type="button" class="secondary" @click=${() => setLeaders(s.leaders.filter((_, k) => k !== j), `[name="${p}leaders.${Math.max(0, j - 1)}.name"], .add-leader-${i}`)}>Remove leader ${j + 1}</button>
        </div>`,
      )}
      ${this.renderError(`${p}leaders`)}
      <button type="button" class="secondary add-leader-${i}" @click=${() => setLeaders([...s.leaders, { name: "", role: "" }], `[name="${p}leaders.${s.leaders.length}.name"]`)}>Add a leader</button>
    </fieldset>`;
  }

  /** Each partner as a checkbox; a ticked one gets a field for the seats kept for its members. */
  private renderPartners(s: SessionDraft, i: number, name: string) {
    const field = `sessions.${i}.partners`;
    const seatsField = `sessions.${i}.partnerSeats`;
    const d = this.described(field);
    const sum = this.described(seatsField);
    if (this.partners.length === 0) return html`<p class="muted">No partners to co-host with yet.</p>${this.renderError(field)}`;
    return html`<fieldset aria-describedby=${[d.ids, sum.ids].filter((x) => typeof x === "string").join(" ") || nothing}>
      <legend>Partners co-hosting ${name}</legend>
      ${this.partners.map(
        (partner) => html`<label class="check"><input type="checkbox" name=${field} value=${partner.slug} .checked=${live(s.partners.includes(partner.slug))} aria-invalid=${d.invalid} /> ${partner.name}</label>
          ${s.partners.includes(partner.slug)
            ? this.input(`${seatsField}.${partner.slug}`, `Seats kept for ${partner.name}`, { type: "number", value: s.partnerSeats[partner.slug] ?? "", hint: "Part of the capacity only this partner's members can take; leave empty to keep none." })
            : nothing}`,
      )}
      ${this.renderError(field)} ${this.renderError(seatsField)}
    </fieldset>`;
  }
}

customElements.define("ck-admin-training-form", CkAdminTrainingForm);
