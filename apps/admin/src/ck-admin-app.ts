import { LitElement, css, html, nothing } from "lit";
import type { AdminOrganization } from "@coalition-kit/schema";
import type { AdminClient } from "@coalition-kit/sdk/admin";
import { adminStyles } from "./admin-styles.js";
import { problem } from "./errors.js";
import { clientFor, forgetKey, rememberKey, storedKey } from "./session.js";
import "./views/petition-list.js";
import "./views/petition-detail.js";
import "./views/story-queue.js";
import "./views/webhook-list.js";
import "./views/connector-list.js";
import "./views/partner-list.js";
import "./views/key-list.js";
import "./views/people-requests.js";
import "./views/training-list.js";
import "./views/attendance.js";
import "./forms/training-form.js";
import "./forms/meeting-form.js";
import "./forms/survey-form.js";
import "./views/survey-list.js";
import "./views/meeting-list.js";
import "./views/message-log.js";
import "./views/privacy-settings.js";

const SECTIONS = [
  ["petitions", "Petitions"],
  ["trainings", "Trainings"],
  ["meetings", "Meetings"],
  ["messages", "Messages"],
  ["surveys", "Surveys"],
  ["stories", "Story moderation"],
  ["partners", "Partners"],
  ["webhooks", "Webhooks"],
  ["connectors", "CRM connectors"],
  ["keys", "Secret keys"],
  ["people", "People requests"],
  ["privacy", "Privacy & retention"],
] as const;

/** Sign-in with a secret key, then a section per task; the address (#/petitions/…) says where. */
export class CkAdminApp extends LitElement {
  static override properties = { client: { state: true }, organization: { state: true }, route: { state: true }, signInError: { state: true }, busy: { state: true } };
  static override styles = [
    adminStyles,
    css`
      header { display: flex; gap: 1rem; align-items: center; justify-content: space-between; flex-wrap: wrap; padding: 0.75rem 1.25rem; border-bottom: 1px solid var(--admin-rule); }
      nav { display: flex; gap: 1rem; flex-wrap: wrap; }
      nav a[aria-current="page"] { font-weight: 700; text-decoration: none; }
      main { padding: 1.25rem; max-width: 72rem; }
      .sign-in { max-width: 28rem; margin: 10vh auto; padding: 1.25rem; }
    `,
  ];

  declare client: AdminClient | undefined;
  declare organization: AdminOrganization | undefined;
  declare route: string[];
  declare signInError: string | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.route = [];
    this.busy = false;
  }

  private readonly onHash = () => (this.route = location.hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent));

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener("hashchange", this.onHash);
    this.onHash();
    const key = storedKey();
    if (key) void this.signIn(key);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener("hashchange", this.onHash);
  }

  private async signIn(key: string): Promise<void> {
    this.busy = true;
    this.signInError = undefined;
    try {
      const client = clientFor(key);
      this.organization = await client.organization();
      this.client = client;
      rememberKey(key);
    } catch (error) {
      forgetKey();
      this.signInError = problem(error);
    } finally {
      this.busy = false;
    }
  }

  private readonly onSignIn = (event: SubmitEvent) => {
    event.preventDefault();
    const key = String(new FormData(event.currentTarget as HTMLFormElement).get("key") ?? "").trim();
    void this.signIn(key);
  };

  private readonly onSignOut = () => {
    forgetKey();
    this.client = undefined;
    this.organization = undefined;
  };

  protected override render() {
    if (!this.client || !this.organization) return this.renderSignIn();
    const [section = "petitions", id, more] = this.route;
    return html`
      <header>
        <strong>${this.organization.name}</strong>
        <nav aria-label="Sections">
          ${SECTIONS.map(([key, label]) => html`<a href="#/${key}" aria-current=${section === key ? "page" : nothing}>${label}</a>`)}
        </nav>
        <button class="secondary" type="button" @click=${this.onSignOut}>Sign out</button>
      </header>
      <main>${this.renderSection(section, id, more)}</main>
    `;
  }

  /** `#/<section>`, `#/<section>/new` (a create form) or `#/<section>/edit/<slug>` (its edit form). */
  private renderSection(section: string, id: string | undefined, more: string | undefined) {
    const client = this.client!;
    switch (section) {
      case "petitions":
        return id ? html`<ck-admin-petition .client=${client} slug=${id}></ck-admin-petition>` : html`<ck-admin-petitions .client=${client}></ck-admin-petitions>`;
      case "trainings":
        if (id === "attendance") return html`<ck-admin-attendance .client=${client} slug=${more ?? ""}></ck-admin-attendance>`;
        if (id === "new" || id === "edit") return html`<ck-admin-training-form .client=${client} slug=${id === "edit" ? (more ?? "") : ""}></ck-admin-training-form>`;
        return html`<ck-admin-trainings .client=${client}></ck-admin-trainings>`;
      case "meetings":
        if (id === "new" || id === "edit") return html`<ck-admin-meeting-form .client=${client} slug=${id === "edit" ? (more ?? "") : ""}></ck-admin-meeting-form>`;
        return html`<ck-admin-meetings .client=${client}></ck-admin-meetings>`;
      case "surveys":
        if (id === "new" || id === "edit") return html`<ck-admin-survey-form .client=${client} slug=${id === "edit" ? (more ?? "") : ""}></ck-admin-survey-form>`;
        return html`<ck-admin-surveys .client=${client}></ck-admin-surveys>`;
      case "stories":
        return html`<ck-admin-stories .client=${client}></ck-admin-stories>`;
      case "partners":
        return html`<ck-admin-partners .client=${client}></ck-admin-partners>`;
      case "webhooks":
        return html`<ck-admin-webhooks .client=${client}></ck-admin-webhooks>`;
      case "connectors":
        return html`<ck-admin-connectors .client=${client}></ck-admin-connectors>`;
      case "keys":
        return html`<ck-admin-keys .client=${client}></ck-admin-keys>`;
      case "people":
        return html`<ck-admin-people .client=${client}></ck-admin-people>`;
      case "messages":
        return html`<ck-admin-messages .client=${client}></ck-admin-messages>`;
      case "privacy":
        return html`<ck-admin-privacy .client=${client}></ck-admin-privacy>`;
      default:
        return html`<p>Nothing here. <a href="#/petitions">Go to petitions</a>.</p>`;
    }
  }

  private renderSignIn() {
    return html`
      <main class="sign-in">
        <h1>Organizer console</h1>
        <p class="muted">Sign in with your organization's secret key (<code>sk_…</code>). It stays in this tab only.</p>
        <form @submit=${this.onSignIn}>
          <label>Secret key <input name="key" type="password" autocomplete="off" required aria-invalid=${this.signInError ? "true" : "false"} aria-describedby="sign-in-error" /></label>
          ${this.signInError ? html`<p id="sign-in-error" class="alert" role="alert">${this.signInError}</p>` : nothing}
          <button type="submit" ?disabled=${this.busy}>${this.busy ? "Signing in…" : "Sign in"}</button>
        </form>
      </main>
    `;
  }
}

customElements.define("ck-admin-app", CkAdminApp);
