import { html, nothing } from "lit";
import { live } from "lit/directives/live.js";
import { MeetingInput } from "@coalition-kit/schema";
import { FORMATS } from "../views/inline-editor.js";
import { zoneName } from "../zoned-time.js";
import { FormView, schemaErrors, slugTyping } from "./form-view.js";
import { blankMeeting, meetingDraftOf, meetingInputOf, readMeeting, WEEKDAYS, type MeetingDraft } from "./meeting-draft.js";

/**
 * Create a recurring meeting (`slug` empty) or edit one (`slug` set: it is loaded into the form):
 * title, description, the weekly rule (days, every how many weeks, first date, time, length, zone),
 * breaks, how and where people meet, and consent texts. One-week changes are made from the
 * meetings list and kept as they are when the meeting is saved here.
 */
export class CkAdminMeetingForm extends FormView {
  static override properties = { ...FormView.properties, slug: { type: String }, draft: { state: true } };
  declare slug: string;
  declare draft: MeetingDraft | undefined;

  constructor() {
    super();
    this.slug = "";
  }

  protected async load(): Promise<void> {
    this.draft = this.slug ? meetingDraftOf(await this.client.meetings.get(this.slug)) : blankMeeting((await this.client.organization()).name);
  }

  private readonly onInput = (event: Event) => {
    if (this.draft) this.draft = readMeeting(this.draft, new FormData(event.currentTarget as HTMLFormElement));
  };

  private setBreaks(breaks: MeetingDraft["breaks"], focus: string) {
    if (!this.draft) return;
    this.draft = { ...this.draft, breaks };
    void this.focusLater(focus);
  }

  private readonly onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    this.draft = readMeeting(this.draft!, new FormData(event.currentTarget as HTMLFormElement));
    const slug = this.slug || this.draft.slug;
    const { input, typing } = meetingInputOf(this.draft);
    const ok = await this.submit(async () => void (await this.client.meetings.save(slug, input)), { ...(this.slug ? {} : slugTyping(slug)), ...typing }, () => schemaErrors(MeetingInput, input));
    if (ok) location.hash = "#/meetings";
  };

  protected override render() {
    const heading = this.slug ? "Edit meeting" : "New meeting";
    if (!this.draft) return html`<h1>${heading}</h1>${this.renderAlert()}<p class="muted" role="status">Loading…</p>`;
    const d = this.draft;
    const zone = zoneName(d.timeZone);
    return html`
      <h1>${heading}</h1>
      <p><a href="#/meetings">Back to meetings</a></p>
      <form @submit=${this.onSubmit} @input=${this.onInput} @change=${this.onInput} novalidate aria-label=${heading}>
        ${this.slug
          ? html`<p>Address: <code>${this.slug}</code></p>`
          : this.input("slug", "Address", { value: d.slug, required: true, hint: "Lowercase letters, numbers and dashes, e.g. parent-meeting. Partners embed the meeting by this name." })}
        ${this.input("title", "Title", { value: d.title, required: true })}
        ${this.input("description", "Description", { value: d.description, multiline: true, required: true })}
        <fieldset>
          <legend>When it meets</legend>
          ${d.rawRule === null ? this.renderDays(d) : this.input("rrule", "Repeat rule", { value: d.rawRule, required: true, hint: "e.g. FREQ=WEEKLY;BYDAY=TH" })}
          ${this.zoneField(d.timeZone, "The date and time below are read in this zone.")}
          <div class="row">
            ${this.input("startDate", "First meeting", { type: "date", value: d.startDate, required: true })}
            ${this.input("startTime", `Starts at (${zone})`, { type: "time", value: d.startTime, required: true })}
            ${this.input("durationMinutes", "Length in minutes", { type: "number", value: d.duration, required: true })}
          </div>
        </fieldset>
        ${this.renderBreaks(d)}
        ${this.input("format", "How people take part", { value: d.format, choices: FORMATS })}
        ${this.input("location", "Place", { value: d.location, hint: "A street address or room, for in-person and hybrid meetings." })}
        ${this.input("virtualLink", "Join link", { type: "url", value: d.virtualLink, hint: "https://…, for online and hybrid meetings." })}
        ${this.consentFields(d.consent)}
        ${this.slug
          ? html`<p class="muted">
              To move, cancel or change one week only, use “Change” on that week in the <a href="#/meetings">meetings list</a>.
              ${d.changes.length ? `Its ${d.changes.length === 1 ? "one-week change is" : `${d.changes.length} one-week changes are`} kept when you save here.` : nothing}
            </p>`
          : nothing}
        ${this.renderProblems()}
        <div class="row">
          <button type="submit" ?disabled=${this.busy}>${this.busy ? "Saving…" : this.slug ? "Save changes" : "Create meeting"}</button>
          <a href="#/meetings">Cancel</a>
        </div>
      </form>
    `;
  }

  private renderDays(d: MeetingDraft) {
    const rule = this.described("rrule");
    return html`<fieldset aria-describedby=${rule.ids}>
        <legend>Meets on</legend>
        <div class="row">
          ${WEEKDAYS.map(([code, day]) => html`<label class="check"><input type="checkbox" name="days" value=${code} .checked=${live(d.days.includes(code))} aria-invalid=${rule.invalid} /> ${day}</label>`)}
        </div>
        ${this.renderError("rrule")}
      </fieldset>
      ${this.input("interval", "How often", { value: d.interval, choices: [["1", "Every week"], ["2", "Every other week"], ["3", "Every third week"], ["4", "Every fourth week"]] })}`;
  }

  private renderBreaks(d: MeetingDraft) {
    return html`<fieldset>
      <legend>Breaks</legend>
      <p class="muted">Whole days with no meeting, first and last day included (a summer break, a holiday).</p>
      ${d.breaks.map(
        (b, i) => html`<div class="row">
          ${this.input(`breaks.${i}.from`, `Break ${i + 1} from`, { type: "date", value: b.from, required: true })}
          ${this.input(`breaks.${i}.to`, `Break ${i + 1} to`, { type: "date", value: b.to, required: true })}
          ${this.input(`breaks.${i}.reason`, `Break ${i + 1} reason`, { value: b.reason, required: true })}
          <button type="button" class="secondary" @click=${() => this.setBreaks(d.breaks.filter((_, k) => k !== i), ".add-break")}>Remove break ${i + 1}</button>
        </div>`,
      )}
      <button type="button" class="secondary add-break" @click=${() => this.setBreaks([...d.breaks, { from: "", to: "", reason: "" }], `[name="breaks.${d.breaks.length}.from"]`)}>Add a break</button>
    </fieldset>`;
  }
}

customElements.define("ck-admin-meeting-form", CkAdminMeetingForm);
