import { html } from "lit";
import type { AdminMeetingList, AdminMeetingWeek, MeetingWeekChange, MeetingWeekChanged } from "@coalition-kit/schema";
import { value } from "./admin-view.js";
import { FORMATS, InlineEditor } from "./inline-editor.js";
import { toLocalInput, when, zoneName } from "../zoned-time.js";

export type Meeting = AdminMeetingList["meetings"][number];

const FIELDS = ["newDate", "newTime", "format", "location", "note"] as const;

/**
 * One meeting week's "Change" form (date and time in the meeting's zone, format, place, note) or
 * its "Cancel week" confirmation (with an optional note), in the page. The form sends the week's
 * whole exception; with nothing left different from the regular schedule it undoes the exception.
 */
export class CkAdminWeekChange extends InlineEditor<MeetingWeekChanged> {
  static override properties = { ...InlineEditor.properties, meeting: { attribute: false }, week: { attribute: false } };
  declare meeting: Meeting;
  declare week: AdminMeetingWeek;

  /** The exception as the form describes it: only what differs from the regular schedule. */
  private changeFrom(form: FormData): MeetingWeekChange {
    const m = this.meeting;
    const change: MeetingWeekChange = {};
    const newDate = value(form, "newDate");
    if (newDate !== this.week.date) change.newDate = newDate;
    const newTime = value(form, "newTime");
    if (newTime !== m.startTime) change.newTime = newTime;
    const format = value(form, "format") as Meeting["format"];
    if (format !== m.format) change.format = format;
    const location = value(form, "location");
    if (location && location !== m.location) change.location = location;
    const note = value(form, "note");
    if (note) change.note = note;
    return change;
  }

  private readonly onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const change = this.changeFrom(new FormData(event.currentTarget as HTMLFormElement));
    const { slug } = this.meeting;
    if (Object.keys(change).length > 0) return this.save("changed", () => this.client.meetings.changeWeek(slug, this.week.date, change));
    if (this.week.changed) return this.save("restored", () => this.client.meetings.restoreWeek(slug, this.week.date));
    return this.close();
  };

  private readonly onCancel = (event: SubmitEvent) => {
    event.preventDefault();
    const note = value(new FormData(event.currentTarget as HTMLFormElement), "note");
    return this.save("cancelled", () => this.client.meetings.cancelWeek(this.meeting.slug, this.week.date, note || undefined));
  };

  protected renderCancel() {
    const w = this.week;
    return html`<form class="confirm" @submit=${this.onCancel} novalidate aria-labelledby="question">
      <p id="question" tabindex="-1">
        <strong>Cancel the meeting on ${when(w.startsAt, this.meeting.timeZone)}?</strong>
        ${w.counts.yes === 0 ? "Nobody has said yes yet." : `The ${w.counts.yes} who said yes will get an email.`} This can't be undone.
      </p>
      ${this.renderProblems(["note"])}
      ${this.field("note", "Note (optional)", { value: w.note ?? "", hint: "Shown in the email and on the calendar, e.g. “No meeting on Thanksgiving.”" })}
      <div class="row">
        <button type="submit" class="danger" ?disabled=${this.busy}>${this.busy ? "Cancelling…" : "Yes, cancel this week"}</button>
        <button type="button" class="secondary" @click=${this.close}>Keep the meeting</button>
      </div>
    </form>`;
  }

  protected renderChange() {
    const w = this.week;
    const m = this.meeting;
    const zone = zoneName(m.timeZone);
    const [date, time] = toLocalInput(w.startsAt, m.timeZone).split("T");
    return html`<form @submit=${this.onSubmit} novalidate aria-label="Change the meeting of ${w.date}">
      ${this.renderProblems(FIELDS)}
      <p class="muted">Date and time are in the meeting's zone (${zone}). Everyone who said yes gets an email if the time, place or format changes.</p>
      <div class="row">
        ${this.field("newDate", "Date", { type: "date", value: date, required: true })}
        ${this.field("newTime", `Time (${zone})`, { type: "time", value: time, required: true })}
      </div>
      ${this.field("format", "How people take part", { value: w.format, choices: FORMATS })}
      ${this.field("location", "Place", { value: w.location ?? "", hint: "A street address or room, for in-person and hybrid meetings." })}
      ${this.field("note", "Note", { value: w.note ?? "", hint: "Optional, e.g. “In person, with food!”" })}
      ${this.renderSaveRow()}
    </form>`;
  }
}

customElements.define("ck-admin-week-change", CkAdminWeekChange);
