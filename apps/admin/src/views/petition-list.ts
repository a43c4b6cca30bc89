import { html, nothing } from "lit";
import type { AdminPetition } from "@coalition-kit/schema";
import { AdminView, value } from "./admin-view.js";

/** Every petition with its count, and the form to start a new one. */
export class CkAdminPetitions extends AdminView {
  static override properties = { ...AdminView.properties, petitions: { state: true } };
  declare petitions: AdminPetition[];

  constructor() {
    super();
    this.petitions = [];
  }

  protected async load(): Promise<void> {
    this.petitions = await this.client.petitions.list();
  }

  private readonly onCreate = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const goal = value(form, "goal");
    let slug = "";
    const ok = await this.attempt(async () => {
      const petition = await this.client.petitions.create({
        slug: value(form, "slug"),
        title: value(form, "title"),
        target: value(form, "target"),
        body: value(form, "body"),
        goal: goal === "" ? Number.NaN : Number(goal),
        askAgeBand: form.has("askAgeBand"),
      });
      slug = petition.slug;
    });
    if (ok) location.hash = `#/petitions/${encodeURIComponent(slug)}`;
  };

  protected override render() {
    return html`
      <h1>Petitions</h1>
      ${this.renderAlert()}
      ${!this.loaded
        ? html`<p class="muted" role="status">Loading…</p>`
        : this.petitions.length === 0
          ? html`<p>No petitions yet: start one below.</p>`
          : html`<table>
              <thead><tr><th>Petition</th><th>Status</th><th class="num">Signatures</th><th class="num">Goal</th><th>Started</th></tr></thead>
              <tbody>
                ${this.petitions.map(
                  (p) => html`<tr data-slug=${p.slug}>
                    <td><a href="#/petitions/${encodeURIComponent(p.slug)}">${p.title}</a><br /><code class="muted">${p.slug}</code></td>
                    <td>${p.status === "open" ? "Open" : "Closed"}</td>
                    <td class="num total">${p.total.toLocaleString()}</td>
                    <td class="num">${p.goal.toLocaleString()}</td>
                    <td>${new Date(p.createdAt).toLocaleDateString()}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`}
      <h2>New petition</h2>
      <form @submit=${this.onCreate} novalidate aria-label="New petition">
        ${this.field("title", "Title", { required: true })}
        ${this.field("slug", "Address", { required: true, hint: "Lowercase letters, numbers and dashes, e.g. fund-counselors. Partners embed it by this name." })}
        ${this.field("target", "Addressed to", { required: true, hint: "e.g. Connecticut General Assembly" })}
        ${this.field("goal", "Signature goal", { type: "number", required: true })}
        ${this.field("body", "Text", { multiline: true, required: true, hint: "Plain text; a blank line starts a new paragraph." })}
        <label class="check"><input type="checkbox" name="askAgeBand" /> Ask for an age group (the campaign welcomes students; under-13s need a guardian)</label>
        <div><button type="submit" ?disabled=${this.busy}>${this.busy ? "Creating…" : "Create petition"}</button></div>
        ${Object.keys(this.errors).length ? html`<p class="visually-hidden" role="status">Please fix ${Object.keys(this.errors).length} fields.</p>` : nothing}
      </form>
    `;
  }
}

customElements.define("ck-admin-petitions", CkAdminPetitions);
