import { html, nothing } from "lit";
import type { AdminRegistrationList, AdminTrainingList, AdminTrainingSession, TrainingSessionChanged } from "@coalition-kit/schema";
import { notifiedText, type Saved } from "./inline-editor.js";
import { InlineEditorHost } from "./inline-editor-host.js";
import { when, zoneName } from "../zoned-time.js";
import "./session-change.js";

type Series = AdminTrainingList["series"][number];
type Registration = AdminRegistrationList["registrations"][number];

/** What the status line says after a session was changed or cancelled. */
function outcome({ answer, action }: Saved<TrainingSessionChanged>): string {
  const s = answer.session;
  return `${action === "cancelled" ? `“${s.title}” is cancelled.` : `“${s.title}” now starts ${when(s.startsAt, s.timeZone)}.`} ${notifiedText(answer.notified)}`;
}

/**
 * Training series: seats taken, capacity and waitlist per session; who is coming, waitlist in
 * order; and per session "Change" (time, place, link) or "Cancel session", which email everyone affected.
 */
export class CkAdminTrainings extends InlineEditorHost {
  static override properties = { ...InlineEditorHost.properties, series: { state: true }, open: { state: true } };
  declare series: Series[];
  declare open: { slug: string; registrations: Registration[] } | undefined;
  protected readonly statusId = "session-status";
  protected readonly rowKey = "data-session";

  constructor() {
    super();
    this.series = [];
  }

  protected async load(): Promise<void> {
    this.series = await this.client.trainings.list();
  }

  private show(slug: string) {
    return this.attempt(async () => {
      this.open = { slug, registrations: await this.client.trainings.registrations(slug) };
    });
  }

  private readonly onSaved = (event: CustomEvent<Saved<TrainingSessionChanged>>) => this.saved(outcome(event.detail));

  protected override render() {
    return html`
      <h1>Trainings</h1>
      ${this.renderAlert()}
      ${this.renderStatus()}
      <p><a href="#/trainings/new">New training series</a></p>
      ${!this.loaded ? html`<p class="muted" role="status">Loading…</p>` : this.series.length === 0 ? html`<p>No training series yet.</p>` : nothing}
      ${this.series.map(
        (s) => html`<section aria-labelledby="series-${s.slug}">
          <h2 id="series-${s.slug}">${s.title}</h2>
          <table>
            <thead><tr><th>Session</th><th>When</th><th>Where</th><th class="num">Registered</th><th class="num">Capacity</th><th class="num">Waitlist</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              ${s.sessions.map((x) => this.renderSession(s.slug, x))}
            </tbody>
          </table>
          <div class="row">
            <button type="button" class="secondary" @click=${() => void this.show(s.slug)}>Who is coming</button>
            <a href="#/trainings/edit/${encodeURIComponent(s.slug)}">Edit series<span class="visually-hidden"> ${s.title}</span></a>
            <a href="#/trainings/attendance/${encodeURIComponent(s.slug)}">Attendance and progress<span class="visually-hidden"> ${s.title}</span></a>
          </div>
          ${this.open?.slug === s.slug ? this.renderPeople(s, this.open.registrations) : nothing}
        </section>`,
      )}
    `;
  }

  private renderSession(slug: string, x: AdminTrainingSession) {
    const editable = x.status !== "cancelled" && Date.parse(x.endsAt) > Date.now();
    return html`<tr data-session=${x.key}>
        <td>
          ${x.title}${x.status === "cancelled" ? html` <strong>(cancelled)</strong>` : nothing}
          ${x.partnerSeats.length
            ? html`<ul class="muted partner-seats">${x.partnerSeats.map((r) => html`<li data-partner=${r.partner}>${r.partner}: ${r.taken} of ${r.seats} kept seats taken</li>`)}</ul>`
            : nothing}
        </td>
        <td class="when">${when(x.startsAt, x.timeZone)} <span class="muted">${zoneName(x.timeZone)}</span></td>
        <td class="where">${x.location ?? (x.format === "in_person" ? "" : "Online")}</td>
        <td class="num registered">${x.registered}</td>
        <td class="num">${x.capacity ?? "∞"}</td>
        <td class="num waitlisted">${x.waitlisted}</td>
        <td>
          ${editable
            ? html`<div class="row">${this.renderEditButtons(slug, x.key, ` ${x.title}`, ["Cancel session", ` ${x.title}`])}</div>`
            : nothing}
        </td>
      </tr>
      ${this.renderEditorRow(
        slug,
        x.key,
        7,
        (mode) => html`<ck-admin-session-change .client=${this.client} series=${slug} .session=${x} mode=${mode} @ck-saved=${this.onSaved} @ck-closed=${this.onClosed}></ck-admin-session-change>`,
      )}`;
  }

  private renderPeople(series: Series, registrations: Registration[]) {
    const title = new Map(series.sessions.map((x) => [x.id, x.title]));
    if (registrations.length === 0) return html`<p class="muted">Nobody has registered yet.</p>`;
    return html`<table class="registrations">
      <thead><tr><th>Session</th><th>Name</th><th>Email</th><th>Via</th><th>Status</th></tr></thead>
      <tbody>
        ${registrations.map(
          (r) => html`<tr>
            <td>${title.get(r.session) ?? ""}</td>
            <td>${r.firstName} ${r.lastName ?? ""}</td>
            <td>${r.email}</td>
            <td>${r.partner}</td>
            <td>${r.status === "waitlisted" ? `Waitlist #${r.waitlistPosition}` : r.status === "registered" ? "Registered" : "Cancelled"}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

customElements.define("ck-admin-trainings", CkAdminTrainings);
