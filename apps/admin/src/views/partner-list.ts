import { html } from "lit";
import type { AdminPartner } from "@coalition-kit/schema";
import { AdminView, value } from "./admin-view.js";

/** The coalition's partners: their publishable keys and allowed sites; add one or pause one. */
export class CkAdminPartners extends AdminView {
  static override properties = { ...AdminView.properties, partners: { state: true } };
  declare partners: AdminPartner[];

  constructor() {
    super();
    this.partners = [];
  }

  protected async load(): Promise<void> {
    this.partners = await this.client.partners.list();
  }

  private readonly onCreate = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const origins = value(form, "allowedOrigins").split(/[\s,]+/).filter(Boolean);
    const website = value(form, "website");
    await this.attempt(async () => {
      await this.client.partners.create({ slug: value(form, "slug"), name: value(form, "name"), website: website || null, allowedOrigins: origins });
      formElement.reset();
      await this.load();
    });
  };

  private toggle(p: AdminPartner) {
    return this.attempt(async () => {
      await this.client.partners.update(p.slug, { active: !p.active });
      await this.load();
    });
  }

  protected override render() {
    return html`
      <h1>Partners</h1>
      ${this.renderAlert()}
      <table>
        <thead><tr><th>Partner</th><th>Publishable key</th><th>Sites allowed to use it</th><th>Status</th></tr></thead>
        <tbody>
          ${this.partners.map(
            (p) => html`<tr>
              <td>${p.name}<br /><code class="muted">${p.slug}</code></td>
              <td><code>${p.publishableKey}</code></td>
              <td>${p.allowedOrigins.map((o) => html`<code>${o}</code><br />`)}</td>
              <td><button type="button" class=${p.active ? "secondary" : ""} @click=${() => void this.toggle(p)}>${p.active ? "Active: pause" : "Paused: resume"}</button></td>
            </tr>`,
          )}
        </tbody>
      </table>
      <h2>Add a partner</h2>
      <form @submit=${this.onCreate} novalidate aria-label="Add a partner">
        ${this.field("name", "Name", { required: true })}
        ${this.field("slug", "Short name", { required: true, hint: "Lowercase letters, numbers and dashes." })}
        ${this.field("website", "Website", { type: "url" })}
        ${this.field("allowedOrigins", "Sites that may embed the widgets", { required: true, hint: "One origin per line, like https://www.example.org", multiline: true })}
        <div><button type="submit" ?disabled=${this.busy}>Add partner</button></div>
      </form>
    `;
  }
}

customElements.define("ck-admin-partners", CkAdminPartners);
