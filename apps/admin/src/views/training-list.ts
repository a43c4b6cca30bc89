import { html, nothing } from "lit";
import type { AdminRegistrationList, AdminTrainingList } from "@coalition-kit/schema";
import { AdminView } from "./admin-view.js";

type Series = AdminTrainingList["series"][number];
type Registration = AdminRegistrationList["registrations"][number];

/** Training series: seats taken, capacity and waitlist per session; who is coming, waitlist in order. */
export class CkAdminTrainings extends AdminView {
  static override properties = { ...AdminView.properties, series: { state: true }, open: { state: true } };
  declare series: Series[];
  declare open: { slug: string; registrations: Registration[] } | undefined;

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

  protected override render() {
    return html`
      <h1>Trainings</h1>
      ${this.renderAlert()}
      ${!this.loaded ? html`<p class="muted" role="status">Loading…</p>` : this.series.length === 0 ? html`<p>No training series yet (create them with the admin API: PUT /v1/admin/trainings/:slug).</p>` : nothing}
      ${this.series.map(
        (s) => html`<section aria-labelledby="series-${s.slug}">
          <h2 id="series-${s.slug}">${s.title}</h2>
          <table>
            <thead><tr><th>Session</th><th>When</th><th class="num">Registered</th><th class="num">Capacity</th><th class="num">Waitlist</th></tr></thead>
            <tbody>
              ${s.sessions.map(
                (x) => html`<tr data-session=${x.key}>
                  <td>${x.title}${x.status === "cancelled" ? html` <strong>(cancelled)</strong>` : nothing}</td>
                  <td>${new Date(x.startsAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short", timeZone: x.timeZone })} <span class="muted">${x.timeZone.replace(/_/g, " ")}</span></td>
                  <td class="num registered">${x.registered}</td>
                  <td class="num">${x.capacity ?? "∞"}</td>
                  <td class="num waitlisted">${x.waitlisted}</td>
                </tr>`,
              )}
            </tbody>
          </table>
          <button type="button" class="secondary" @click=${() => void this.show(s.slug)}>Who is coming</button>
          ${this.open?.slug === s.slug ? this.renderPeople(s, this.open.registrations) : nothing}
        </section>`,
      )}
    `;
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
