import { html, nothing } from "lit";
import type { PersonDeleted, PersonExport } from "@coalition-kit/schema";
import { AdminView, value } from "./admin-view.js";

/** Data subject requests: show everything held about one email, download it, or erase it. */
export class CkAdminPeople extends AdminView {
  static override properties = { ...AdminView.properties, found: { state: true }, erased: { state: true } };
  declare found: PersonExport | undefined;
  declare erased: PersonDeleted | undefined;

  protected async load(): Promise<void> {}

  private readonly onLookup = async (event: SubmitEvent) => {
    event.preventDefault();
    const email = value(new FormData(event.currentTarget as HTMLFormElement), "email");
    this.erased = undefined;
    await this.attempt(async () => {
      this.found = await this.client.people.export(email);
    });
  };

  private readonly onErase = async () => {
    const email = this.found?.email;
    if (!email || !confirm(`Erase everything about ${email} in every campaign? This cannot be undone.`)) return;
    await this.attempt(async () => {
      this.erased = await this.client.people.erase(email);
      this.found = undefined;
    });
  };

  private readonly onDownload = () => {
    if (!this.found) return;
    const url = URL.createObjectURL(new Blob([JSON.stringify(this.found, null, 2)], { type: "application/json" }));
    const a = Object.assign(document.createElement("a"), { href: url, download: `person-${this.found.email}.json` });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  protected override render() {
    const f = this.found;
    return html`
      <h1>People requests</h1>
      <p class="muted">
        Someone asked what you hold about them, or asked you to delete it. Look them up by email across every campaign. People are also erased
        automatically after the retention period: see <a href="#/privacy">Privacy &amp; retention</a>.
      </p>
      ${this.renderAlert()}
      <form @submit=${this.onLookup} novalidate aria-label="Find a person">
        ${this.field("email", "Email", { type: "email", required: true })}
        <div><button type="submit" ?disabled=${this.busy}>Look up</button></div>
      </form>
      ${this.erased ? html`<p class="notice" role="status">Erased ${this.erased.email}: ${Object.entries(this.erased.deleted).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(", ") || "nothing was held"}.</p>` : nothing}
      ${f
        ? html`<h2>${f.email}</h2>
            ${f.person || f.surveyFollowUps.length
              ? html`<ul>
                    <li>${f.signatures.length} signatures, ${f.consents.length} consents</li>
                    <li>${f.registrations.length} training registrations, ${f.meetings.length} meetings</li>
                    <li>${f.stories.length} stories, ${f.surveyFollowUps.length} survey follow-up requests</li>
                  </ul>
                  <div class="row">
                    <button type="button" class="secondary" @click=${this.onDownload}>Download (JSON)</button>
                    <button type="button" class="danger" @click=${this.onErase} ?disabled=${this.busy}>Erase this person</button>
                  </div>`
              : html`<p>Nothing is held about this email.</p>`}`
        : nothing}
    `;
  }
}

customElements.define("ck-admin-people", CkAdminPeople);
