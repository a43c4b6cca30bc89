import { html, nothing } from "lit";
import type { AdminMeetingList } from "@coalition-kit/schema";
import { AdminView } from "./admin-view.js";

/** Each meeting's next weeks: who said yes, maybe or no. */
export class CkAdminMeetings extends AdminView {
  static override properties = { ...AdminView.properties, meetings: { state: true } };
  declare meetings: AdminMeetingList["meetings"];

  constructor() {
    super();
    this.meetings = [];
  }

  protected async load(): Promise<void> {
    this.meetings = await this.client.meetings.list();
  }

  protected override render() {
    return html`
      <h1>Meetings</h1>
      ${this.renderAlert()}
      ${this.loaded && this.meetings.length === 0 ? html`<p>No meetings yet (create them with the admin API: PUT /v1/admin/meetings/:slug).</p>` : nothing}
      ${this.meetings.map(
        (m) => html`<section aria-labelledby="meeting-${m.slug}">
          <h2 id="meeting-${m.slug}">${m.title}</h2>
          <p class="muted">${m.schedule}</p>
          <table>
            <thead><tr><th>Date</th><th class="num">Yes</th><th class="num">Maybe</th><th class="num">No</th></tr></thead>
            <tbody>
              ${m.upcoming.map(
                (o) => html`<tr>
                  <td>${o.date}${o.status === "cancelled" ? html` <strong>(cancelled)</strong>` : nothing}</td>
                  <td class="num">${o.counts.yes}</td>
                  <td class="num">${o.counts.maybe}</td>
                  <td class="num">${o.counts.no}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </section>`,
      )}
    `;
  }
}

customElements.define("ck-admin-meetings", CkAdminMeetings);
