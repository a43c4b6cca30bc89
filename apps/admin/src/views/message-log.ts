import { html, nothing } from "lit";
import { MESSAGE_STATUSES, type MessageLogEntry, type MessageStatus } from "@coalition-kit/schema";
import { AdminView, value } from "./admin-view.js";

const STATUS_TEXT: Record<MessageStatus, string> = { queued: "Queued", sending: "Sending", sent: "Sent", failed: "Failed", cancelled: "Not sent" };

/**
 * The message log: every email to registrants and members (confirmations, reminders, notices),
 * whether it was sent, is waiting or failed, and why; filter by campaign, person or status; resend one.
 */
export class CkAdminMessages extends AdminView {
  static override properties = { ...AdminView.properties, messages: { state: true }, filters: { state: true }, resent: { state: true } };
  declare messages: MessageLogEntry[];
  declare filters: { campaign?: string; email?: string; status?: MessageStatus };
  declare resent: string | undefined;

  constructor() {
    super();
    this.messages = [];
    this.filters = {};
  }

  protected async load(): Promise<void> {
    this.messages = await this.client.messages.list(this.filters);
  }

  private readonly onFilter = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const status = value(form, "status");
    this.filters = { campaign: value(form, "campaign") || undefined, email: value(form, "email") || undefined, status: MESSAGE_STATUSES.find((s) => s === status) };
    await this.attempt(() => this.load());
  };

  private resend(message: MessageLogEntry) {
    return this.attempt(async () => {
      await this.client.messages.resend(message.id);
      this.resent = message.subject ?? message.kind;
      await this.load();
    });
  }

  protected override render() {
    return html`
      <h1>Messages</h1>
      <p class="muted">
        Emails to registrants and members: confirmations and notices of changes always go; reminders stop when someone unsubscribes. A message the mail
        server refuses for good is marked failed and not retried; temporary trouble is retried with backoff.
      </p>
      ${this.renderAlert()}
      ${this.resent ? html`<p role="status">Queued again: ${this.resent}</p>` : nothing}
      <form class="row" @submit=${this.onFilter} aria-label="Filter messages">
        ${this.field("campaign", "Series or meeting (address)", { value: this.filters.campaign ?? "" })}
        ${this.field("email", "Person's email", { type: "email", value: this.filters.email ?? "" })}
        <div class="field">
          <label for="f-status">Status</label>
          <select id="f-status" name="status">
            <option value="">Any</option>
            ${MESSAGE_STATUSES.map((s) => html`<option value=${s} ?selected=${this.filters.status === s}>${STATUS_TEXT[s]}</option>`)}
          </select>
        </div>
        <div><button type="submit" ?disabled=${this.busy}>Show</button></div>
      </form>
      ${this.messages.length === 0
        ? html`<p class="muted">No messages yet.</p>`
        : html`<table class="log">
            <thead><tr><th>Send at</th><th>Kind</th><th>To</th><th>Subject</th><th>Status</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              ${this.messages.map(
                (m) => html`<tr>
                  <td>${new Date(m.sentAt ?? m.sendAt).toLocaleString()}</td>
                  <td>${m.kind}${m.campaign ? html` <span class="muted">(${m.campaign})</span>` : nothing}</td>
                  <td>${m.to ?? html`<span class="muted">erased</span>`}</td>
                  <td>${m.subject ?? "—"}</td>
                  <td class="result">${STATUS_TEXT[m.status]}${m.error ? html`: <span class="muted">${m.error}</span>` : nothing}${m.attempts > 1 ? html` <span class="muted">(${m.attempts} tries)</span>` : nothing}</td>
                  <td>${m.to ? html`<button type="button" class="secondary" @click=${() => void this.resend(m)}>Resend</button>` : nothing}</td>
                </tr>`,
              )}
            </tbody>
          </table>`}
    `;
  }
}

customElements.define("ck-admin-messages", CkAdminMessages);
