import { html, nothing } from "lit";
import type { AdminMeetingWeek, MeetingWeekChanged } from "@coalition-kit/schema";
import { notifiedText, type Saved } from "./inline-editor.js";
import { InlineEditorHost } from "./inline-editor-host.js";
import { when, zoneName } from "../zoned-time.js";
import "./week-change.js";
import type { Meeting } from "./week-change.js";

/** What the status line says after a week was changed, cancelled or put back on the regular schedule. */
function outcome(meeting: Meeting, { answer, action }: Saved<MeetingWeekChanged>): string {
  const at = when(answer.week.startsAt, meeting.timeZone);
  const what = action === "cancelled" ? `The meeting of ${answer.week.date} is cancelled.` : action === "restored" ? `The meeting of ${answer.week.date} is back to its regular time and place: ${at}.` : `The meeting of ${answer.week.date} is now ${at}.`;
  return `${what} ${notifiedText(answer.notified)}`;
}

/**
 * Each meeting's next weeks: who said yes, maybe or no; and per week "Change" (date, time, place,
 * note), "Cancel week" and "Undo change", which email everyone who said yes.
 */
export class CkAdminMeetings extends InlineEditorHost {
  static override properties = { ...InlineEditorHost.properties, meetings: { state: true } };
  declare meetings: Meeting[];
  protected readonly statusId = "week-status";
  protected readonly rowKey = "data-date";

  constructor() {
    super();
    this.meetings = [];
  }

  protected async load(): Promise<void> {
    this.meetings = await this.client.meetings.list();
  }


  private async undo(meeting: Meeting, week: AdminMeetingWeek) {
    this.status = undefined;
    let answer: MeetingWeekChanged | undefined;
    const ok = await this.attempt(async () => {
      answer = await this.client.meetings.restoreWeek(meeting.slug, week.date);
    });
    if (ok && answer) await this.saved(outcome(meeting, { answer, action: "restored" }));
  }

  protected override render() {
    return html`
      <h1>Meetings</h1>
      ${this.renderAlert()}
      ${this.renderStatus()}
      <p><a href="#/meetings/new">New meeting</a></p>
      ${this.loaded && this.meetings.length === 0 ? html`<p>No meetings yet.</p>` : nothing}
      ${this.meetings.map(
        (m) => html`<section aria-labelledby="meeting-${m.slug}">
          <h2 id="meeting-${m.slug}">${m.title}</h2>
          <p class="row"><span class="muted schedule">${m.schedule}</span> <a href="#/meetings/edit/${encodeURIComponent(m.slug)}">Edit meeting<span class="visually-hidden"> ${m.title}</span></a></p>
          <table>
            <thead><tr><th>Date</th><th>When (${zoneName(m.timeZone)})</th><th>Where</th><th class="num">Yes</th><th class="num">Maybe</th><th class="num">No</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              ${m.upcoming.map((o) => this.renderWeek(m, o))}
            </tbody>
          </table>
        </section>`,
      )}
    `;
  }

  private renderWeek(m: Meeting, o: AdminMeetingWeek) {
    const editable = o.status !== "cancelled" && Date.parse(o.endsAt) > Date.now();
    return html`<tr data-date=${o.date}>
        <td>${o.date}${o.status === "cancelled" ? html` <strong>(cancelled)</strong>` : o.moved ? html` <strong>(moved)</strong>` : nothing}</td>
        <td class="when">${when(o.startsAt, m.timeZone)}${o.note ? html`<br /><span class="muted">${o.note}</span>` : nothing}</td>
        <td class="where">${o.location ?? (o.format === "in_person" ? "" : "Online")}</td>
        <td class="num">${o.counts.yes}</td>
        <td class="num">${o.counts.maybe}</td>
        <td class="num">${o.counts.no}</td>
        <td>
          ${editable
            ? html`<div class="row">
                ${this.renderEditButtons(m.slug, o.date, ` the meeting of ${o.date}`, ["Cancel week", ` of ${o.date}`])}
                ${o.changed ? html`<button type="button" class="secondary" ?disabled=${this.busy} @click=${() => void this.undo(m, o)}>Undo change<span class="visually-hidden"> of ${o.date}</span></button>` : nothing}
              </div>`
            : nothing}
        </td>
      </tr>
      ${this.renderEditorRow(
        m.slug,
        o.date,
        7,
        (mode) =>
          html`<ck-admin-week-change .client=${this.client} .meeting=${m} .week=${o} mode=${mode} @ck-saved=${(e: CustomEvent<Saved<MeetingWeekChanged>>) => void this.saved(outcome(m, e.detail))} @ck-closed=${this.onClosed}></ck-admin-week-change>`,
      )}`;
  }
}

customElements.define("ck-admin-meetings", CkAdminMeetings);
