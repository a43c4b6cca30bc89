import { html, nothing } from "lit";
import type { SecretKeyInfo, SecretKeyScope } from "@coalition-kit/schema";
import { AdminView, value } from "./admin-view.js";

const SCOPES = [
  ["read_write", "Read and write: everything the console does"],
  ["read_only", "Read only: lists and exports, no changes"],
] as const satisfies ReadonlyArray<readonly [SecretKeyScope, string]>;
const SCOPE_LABEL: Record<SecretKeyScope, string> = { read_write: "Read and write", read_only: "Read only" };

/** The organization's secret keys: their scope, a new one (shown once) and revoking one. */
export class CkAdminKeys extends AdminView {
  static override properties = { ...AdminView.properties, keys: { state: true }, secret: { state: true } };
  declare keys: SecretKeyInfo[];
  declare secret: string | undefined;

  constructor() {
    super();
    this.keys = [];
  }

  protected async load(): Promise<void> {
    this.keys = await this.client.keys.list();
  }

  private readonly onCreate = async (event: SubmitEvent) => {
    event.preventDefault();
    const scope = value(new FormData(event.currentTarget as HTMLFormElement), "scope") as SecretKeyScope;
    const done = await this.attempt(async () => {
      this.secret = (await this.client.keys.create({ scope })).secret;
      await this.load();
    });
    if (done) await this.focusOutcome("#new-secret");
  };

  private revoke(id: string) {
    return this.attempt(async () => {
      await this.client.keys.revoke(id);
      await this.load();
    });
  }

  protected override render() {
    return html`
      <h1>Secret keys</h1>
      <p class="muted">Each key signs in to this console and the admin API for your organization. Give a read-only key to a dashboard or a report script.</p>
      ${this.renderAlert()}
      ${this.secret
        ? html`<p id="new-secret" class="secret" role="status" tabindex="-1">New key (shown once, store it now): <code class="key-secret">${this.secret}</code></p>`
        : nothing}
      <table>
        <thead><tr><th>Key</th><th>Scope</th><th>Since</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          ${this.keys.map(
            (k) => html`<tr>
              <td><code>${k.prefix}…</code></td>
              <td>${SCOPE_LABEL[k.scope]}</td>
              <td>${new Date(k.createdAt).toLocaleDateString()}</td>
              <td>
                ${k.revokedAt
                  ? html`<span class="muted">Revoked ${new Date(k.revokedAt).toLocaleDateString()}</span>`
                  : html`<button type="button" class="danger" @click=${() => void this.revoke(k.id)}>Revoke<span class="visually-hidden"> the key ${k.prefix}…</span></button>`}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      <h2>Add a key</h2>
      <form @submit=${this.onCreate} novalidate aria-label="Add a secret key">
        ${this.field("scope", "What the key may do", { choices: SCOPES, value: "read_write" })}
        <div><button type="submit" ?disabled=${this.busy}>Add key</button></div>
      </form>
    `;
  }
}

customElements.define("ck-admin-keys", CkAdminKeys);
