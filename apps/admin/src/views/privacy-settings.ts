import { html, nothing } from "lit";
import { RETENTION_MONTHS, type AdminSettings } from "@coalition-kit/schema";
import { AdminView, value } from "./admin-view.js";

const when = (iso: string | null, none: string) => (iso ? new Date(iso).toLocaleString() : none);

/**
 * Privacy & retention: how long personal data is kept after a person's last action, when the next
 * purge runs and whom it takes; the daily organizer digest (on/off, staff addresses, language).
 */
export class CkAdminPrivacy extends AdminView {
  static override properties = { ...AdminView.properties, settings: { state: true }, saved: { state: true } };
  declare settings: AdminSettings | undefined;
  declare saved: boolean;

  constructor() {
    super();
    this.saved = false;
  }

  protected async load(): Promise<void> {
    this.settings = await this.client.settings.get();
  }

  private readonly onSave = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const months = value(form, "retentionMonths");
    const recipients = value(form, "digestRecipients").split(/[\s,;]+/).filter(Boolean);
    this.saved = false;
    const ok = await this.attempt(async () => {
      this.settings = await this.client.settings.update({
        retentionMonths: months === "" ? Number.NaN : Number(months),
        digestEnabled: form.get("digestEnabled") === "on",
        digestRecipients: recipients,
        digestLocale: value(form, "digestLocale") === "es" ? "es" : "en",
      });
    });
    this.saved = ok;
    // "digestRecipients.2" names one address: show it next to the list, saying which.
    const errors = { ...this.errors };
    for (const [key, message] of Object.entries(this.errors)) {
      const index = /^digestRecipients\.(\d+)$/.exec(key)?.[1];
      if (index !== undefined) errors.digestRecipients ??= `${recipients[Number(index)]}: ${message}`;
    }
    this.errors = errors;
  };

  protected override render() {
    const s = this.settings;
    if (!s) return html`<h1>Privacy &amp; retention</h1>${this.renderAlert()}`;
    return html`
      <h1>Privacy &amp; retention</h1>
      <p>
        Personal data is kept for <strong>${s.retentionMonths} months</strong> after a person's last action (a signature, training registration,
        meeting answer, story or consent), then erased automatically, exactly as a people request would erase it. Petition totals and other
        anonymous counts stay. Survey answers are anonymous and are not affected.
      </p>
      <div class="cards">
        <div class="card">Next purge <strong>${when(s.purge.nextRunAt, "Not scheduled yet")}</strong></div>
        <div class="card">People due <strong>${s.dueForErasure}</strong></div>
        <div class="card">Last purge <strong>${when(s.purge.lastRunAt, "Not run yet")}</strong></div>
      </div>
      ${this.renderAlert()}
      ${this.saved ? html`<p class="notice" role="status">Saved.</p>` : nothing}
      <form @submit=${this.onSave} novalidate aria-label="Privacy and digest settings">
        ${this.field("retentionMonths", "Keep personal data for (months)", {
          type: "number",
          required: true,
          value: String(s.retentionMonths),
          hint: `From ${RETENTION_MONTHS.min} to ${RETENTION_MONTHS.max} months after the last action; ${RETENTION_MONTHS.default} unless you change it.`,
        })}
        <h2>Organizer digest</h2>
        <p class="muted">
          A daily email to your staff: new actions per partner in the last 24 hours, stories waiting for moderation, signatures waiting for a
          parent or guardian, and messages that failed. Counts only, no one's details. ${s.digestEnabled ? `Next one: ${when(s.digest.nextRunAt, "soon")}.` : ""}
        </p>
        <label class="check"><input type="checkbox" name="digestEnabled" ?checked=${s.digestEnabled} /> Send the daily digest</label>
        ${this.field("digestRecipients", "Staff addresses", { multiline: true, value: s.digestRecipients.join("\n"), hint: "One email address per line." })}
        <div class="field">
          <label for="f-digestLocale">Language</label>
          <select id="f-digestLocale" name="digestLocale">
            <option value="en" ?selected=${s.digestLocale === "en"}>English</option>
            <option value="es" ?selected=${s.digestLocale === "es"}>Español</option>
          </select>
        </div>
        <div><button type="submit" ?disabled=${this.busy}>${this.busy ? "Saving…" : "Save"}</button></div>
      </form>
    `;
  }
}

customElements.define("ck-admin-privacy", CkAdminPrivacy);
