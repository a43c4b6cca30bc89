import { html, nothing } from "lit";
import type { Connector, ConnectorDelivery, ConnectorTodo } from "@coalition-kit/schema";
import { AdminView, value } from "./admin-view.js";

/**
 * CRM connectors (OSDI / Action Network): where this organization's consented contacts are
 * delivered, why one is paused, its delivery log, its key (replaced, never shown) and the erasures
 * its CRM could not carry out, to do by hand.
 */
export class CkAdminConnectors extends AdminView {
  static override properties = { ...AdminView.properties, connectors: { state: true }, replacing: { state: true }, log: { state: true }, todos: { state: true } };
  declare connectors: Connector[];
  /** The connector whose key is being replaced (its form shows in place of "Add a connector"). */
  declare replacing: Connector | undefined;
  declare log: { connector: Connector; deliveries: ConnectorDelivery[] } | undefined;
  declare todos: { connector: Connector; todos: ConnectorTodo[] } | undefined;

  constructor() {
    super();
    this.connectors = [];
  }

  protected async load(): Promise<void> {
    this.connectors = (await this.client.connectors.list()).filter((c) => c.kind === "osdi");
  }

  private readonly onCreate = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const tags = value(form, "tags").split(",").map((t) => t.trim()).filter(Boolean);
    await this.attempt(async () => {
      await this.client.connectors.create({ kind: "osdi", url: value(form, "url"), apiKey: value(form, "apiKey"), tags });
      formElement.reset();
      await this.load();
    });
  };

  private readonly onReplaceKey = async (event: SubmitEvent) => {
    event.preventDefault();
    const id = this.replacing!.id;
    const form = new FormData(event.currentTarget as HTMLFormElement);
    await this.attempt(async () => {
      await this.client.connectors.replaceKey(id, { apiKey: value(form, "apiKey") });
      this.replacing = undefined;
      await this.load();
    });
  };

  private show(connector: Connector, what: "log" | "todos") {
    return this.attempt(async () => {
      if (what === "log") this.log = { connector, deliveries: await this.client.connectors.deliveries(connector.id) };
      else this.todos = { connector, todos: await this.client.connectors.todos(connector.id) };
    });
  }

  private removeConnector(id: string) {
    return this.attempt(async () => {
      await this.client.connectors.remove(id);
      if (this.log?.connector.id === id) this.log = undefined;
      if (this.todos?.connector.id === id) this.todos = undefined;
      await this.load();
    });
  }

  protected override render() {
    return html`
      <h1>CRM connectors</h1>
      <p class="muted">
        Each person who agrees to hear from your organization is added to your own CRM within a minute, through its OSDI API (Action Network speaks
        OSDI): name, email, ZIP, a tag naming the campaign, and the version of the consent text they agreed to. Nobody who did not agree to hear from you
        is sent. A withdrawn consent unsubscribes them there; an erasure deletes them there, or is listed here to do by hand.
      </p>
      ${this.renderAlert()}
      ${this.connectors.length === 0
        ? html`<p class="muted">No CRM connected yet.</p>`
        : html`<table>
            <thead><tr><th>API</th><th>Key</th><th>Tags</th><th>State</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              ${this.connectors.map(
                (c) => html`<tr>
                  <td><code>${c.url}</code></td>
                  <td><code>…${c.keyHint}</code></td>
                  <td>${c.tags.join(", ") || html`<span class="muted">none</span>`}</td>
                  <td class="connector-state">
                    ${c.paused ? html`<strong>Paused</strong> since ${new Date(c.paused.at).toLocaleString()}: ${c.paused.reason}` : "Delivering"}
                    ${c.waiting ? html`<br /><span class="muted">${c.waiting} waiting</span>` : nothing}
                  </td>
                  <td class="row">
                    <button type="button" class="secondary" aria-label="Replace key of ${c.url}" @click=${() => (this.replacing = c)}>Replace key</button>
                    <button type="button" class="secondary" @click=${() => void this.show(c, "log")}>Delivery log</button>
                    <button type="button" class="secondary" @click=${() => void this.show(c, "todos")}>To-dos</button>
                    <button type="button" class="danger" @click=${() => void this.removeConnector(c.id)}>Remove</button>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`}
      ${this.log ? this.renderLog(this.log.deliveries) : nothing} ${this.todos ? this.renderTodos(this.todos.todos) : nothing}
      ${this.replacing ? this.renderReplace(this.replacing) : this.renderAdd()}
    `;
  }

  private renderAdd() {
    return html`<h2>Connect a CRM</h2>
      <form @submit=${this.onCreate} novalidate aria-label="Connect a CRM">
        ${this.field("url", "OSDI API address", { type: "url", required: true, hint: "For Action Network: https://actionnetwork.org/api/v2" })}
        ${this.field("apiKey", "API key", { type: "password", required: true, hint: "Stored encrypted; never shown again." })}
        ${this.field("tags", "Tags (optional)", { hint: "Comma-separated; added to everyone delivered, besides the campaign's tag." })}
        <div><button type="submit" ?disabled=${this.busy}>Connect</button></div>
      </form>`;
  }

  private renderReplace(c: Connector) {
    return html`<h2>Replace the key</h2>
      <form @submit=${this.onReplaceKey} novalidate aria-label="Replace the key of ${c.url}">
        ${this.field("apiKey", "New API key", { type: "password", required: true, hint: "Deliveries that waited go out once the key is saved." })}
        <div class="row">
          <button type="submit" ?disabled=${this.busy}>Save key</button>
          <button type="button" class="secondary" @click=${() => (this.replacing = undefined)}>Cancel</button>
        </div>
      </form>`;
  }

  private renderLog(deliveries: ConnectorDelivery[]) {
    return html`<h2>Delivery log</h2>
      ${deliveries.length === 0
        ? html`<p class="muted">No deliveries yet.</p>`
        : html`<table class="log">
            <thead><tr><th>When</th><th>Event</th><th>Result</th><th>The CRM said</th></tr></thead>
            <tbody>
              ${deliveries.map(
                (d) => html`<tr>
                  <td>${new Date(d.createdAt).toLocaleString()}</td>
                  <td>${d.eventType}</td>
                  <td class="result">${d.error ?? (d.statusCode ? `Delivered (${d.statusCode})` : "Nothing to send")}</td>
                  <td><code>${d.response ?? ""}</code></td>
                </tr>`,
              )}
            </tbody>
          </table>`}`;
  }

  private renderTodos(todos: ConnectorTodo[]) {
    return html`<h2>To do by hand</h2>
      ${todos.length === 0
        ? html`<p class="muted">Nothing to do: every erasure was carried out in the CRM.</p>`
        : html`<ul>
            ${todos.map((t) => html`<li>Delete the person at <code>${t.remoteUrl ?? "(the CRM gave no address)"}</code> — ${t.reason}</li>`)}
          </ul>`}`;
  }
}

customElements.define("ck-admin-connectors", CkAdminConnectors);
