import { html, nothing } from "lit";
import { WEBHOOK_EVENTS, type Webhook, type WebhookDelivery } from "@coalition-kit/schema";
import { AdminView, value } from "./admin-view.js";

/** Endpoints that receive this organization's actions, their signing secret (once) and delivery log. */
export class CkAdminWebhooks extends AdminView {
  static override properties = { ...AdminView.properties, webhooks: { state: true }, secret: { state: true }, overlapEnds: { state: true }, log: { state: true } };
  declare webhooks: Webhook[];
  declare secret: string | undefined;
  /** After a rotation: when the old secret stops signing. */
  declare overlapEnds: string | null | undefined;
  /** The Idempotency-Key of a rotation not yet answered, per endpoint: a retry rotates once. */
  private readonly rotations = new Map<string, string>();
  declare log: { id: string; deliveries: WebhookDelivery[] } | undefined;

  constructor() {
    super();
    this.webhooks = [];
  }

  protected async load(): Promise<void> {
    this.webhooks = await this.client.webhooks.list();
  }

  private readonly onCreate = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const events = WEBHOOK_EVENTS.filter((e) => form.has(e));
    await this.attempt(async () => {
      const created = await this.client.webhooks.create({ url: value(form, "url"), events });
      this.secret = created.secret;
      this.overlapEnds = undefined;
      formElement.reset();
      await this.load();
    });
  };

  private showLog(id: string) {
    return this.attempt(async () => {
      this.log = { id, deliveries: await this.client.webhooks.deliveries(id) };
    });
  }

  /** A new signing secret (the old one signs too for the default 24 hours, so the receiver can switch). */
  private rotateSecret(id: string) {
    return this.attempt(async () => {
      const idempotencyKey = this.rotations.get(id) ?? crypto.randomUUID();
      this.rotations.set(id, idempotencyKey);
      const rotated = await this.client.webhooks.rotateSecret(id, {}, { idempotencyKey });
      this.rotations.delete(id);
      this.secret = rotated.secret;
      this.overlapEnds = rotated.webhook.previousSecretExpiresAt;
      await this.load();
    });
  }

  private removeEndpoint(id: string) {
    return this.attempt(async () => {
      await this.client.webhooks.remove(id);
      if (this.log?.id === id) this.log = undefined;
      await this.load();
    });
  }

  protected override render() {
    return html`
      <h1>Webhooks</h1>
      <p class="muted">
        Each action is posted as JSON, signed by the Standard Webhooks spec (<code>webhook-id</code>, <code>webhook-timestamp</code>,
        <code>webhook-signature</code>; verify with the <code>standardwebhooks</code> library or the SDK). Failed deliveries are retried with
        backoff for about a day and a half. A coalition receives every action (contact details only with consent); a partner only actions of people who
        agreed to hear from it.
      </p>
      ${this.renderAlert()}
      ${this.secret
        ? html`<p class="secret" role="status">
            Signing secret (shown once, store it now): <code class="webhook-secret">${this.secret}</code>
            ${this.overlapEnds ? html`<br />The old secret also signs deliveries until ${new Date(this.overlapEnds).toLocaleString()}: switch your receiver before then.` : nothing}
          </p>`
        : nothing}
      <table>
        <thead><tr><th>Address</th><th>Events</th><th>Since</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          ${this.webhooks.map(
            (w) => html`<tr>
              <td><code>${w.url}</code></td>
              <td>${w.events.join(", ")}</td>
              <td>${new Date(w.createdAt).toLocaleDateString()}</td>
              <td class="row">
                <button type="button" class="secondary" @click=${() => void this.showLog(w.id)}>Delivery log</button>
                <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => void this.rotateSecret(w.id)}>Rotate secret</button>
                <button type="button" class="danger" @click=${() => void this.removeEndpoint(w.id)}>Remove</button>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.log ? this.renderLog(this.log.deliveries) : nothing}
      <h2>Add an endpoint</h2>
      <form @submit=${this.onCreate} novalidate aria-label="Add a webhook endpoint">
        ${this.field("url", "Address", { type: "url", required: true, hint: "https://… (http:// only for localhost)" })}
        <fieldset>
          <legend>Events</legend>
          ${WEBHOOK_EVENTS.map((e) => html`<label class="check"><input type="checkbox" name=${e} checked /> ${e}</label>`)}
          ${this.errors.events ? html`<span class="error">${this.errors.events}</span>` : nothing}
        </fieldset>
        <div><button type="submit" ?disabled=${this.busy}>Add endpoint</button></div>
      </form>
    `;
  }

  private renderLog(deliveries: WebhookDelivery[]) {
    return html`<h2>Delivery log</h2>
      ${deliveries.length === 0
        ? html`<p class="muted">No deliveries yet.</p>`
        : html`<table class="log">
            <thead><tr><th>When</th><th>Event</th><th class="num">Attempt</th><th>Result</th><th class="num">Time</th></tr></thead>
            <tbody>
              ${deliveries.map(
                (d) => html`<tr>
                  <td>${new Date(d.createdAt).toLocaleString()}</td>
                  <td>${d.eventType} <code class="muted">${d.eventId.slice(0, 8)}</code></td>
                  <td class="num">${d.attempt}</td>
                  <td class="result">${d.error ?? `Delivered (${d.statusCode})`}</td>
                  <td class="num">${d.durationMs} ms</td>
                </tr>`,
              )}
            </tbody>
          </table>`}`;
  }
}

customElements.define("ck-admin-webhooks", CkAdminWebhooks);
