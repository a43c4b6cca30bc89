import { html, nothing } from "lit";
import { DEFAULT_KEY_OVERLAP_HOURS, MAX_KEY_OVERLAP_HOURS, type AdminPartner } from "@coalition-kit/schema";
import { AdminView, value } from "./admin-view.js";

/** The partner whose key is being rotated, and the Idempotency-Key a retried submit reuses (one rotation, however often it is sent). */
interface Rotation {
  slug: string;
  name: string;
  idempotencyKey: string;
}

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The coalition's partners: their publishable keys and allowed sites; add one, pause one, or rotate its key. */
export class CkAdminPartners extends AdminView {
  static override properties = { ...AdminView.properties, partners: { state: true }, rotation: { state: true }, rotated: { state: true } };
  declare partners: AdminPartner[];
  declare rotation: Rotation | undefined;
  declare rotated: AdminPartner | undefined;

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

  private startRotation(p: AdminPartner) {
    this.rotation = { slug: p.slug, name: p.name, idempotencyKey: crypto.randomUUID() };
    this.rotated = undefined;
    this.errors = {};
    void this.focusOutcome("#f-overlapHours");
  }

  private readonly onRotate = async (event: SubmitEvent) => {
    event.preventDefault();
    const rotation = this.rotation;
    if (!rotation) return;
    const hours = value(new FormData(event.currentTarget as HTMLFormElement), "overlapHours");
    const done = await this.attempt(async () => {
      this.rotated = await this.client.partners.rotateKey(rotation.slug, { overlapHours: hours === "" ? DEFAULT_KEY_OVERLAP_HOURS : Number(hours) }, { idempotencyKey: rotation.idempotencyKey });
      this.rotation = undefined;
      await this.load();
    });
    await this.focusOutcome(done ? "#rotated" : "#f-overlapHours");
  };

  private renderRotation() {
    const rotation = this.rotation;
    if (!rotation) return nothing;
    return html`<form @submit=${this.onRotate} novalidate aria-label="Rotate the key of ${rotation.name}">
      <h2>Rotate the key of ${rotation.name}</h2>
      <p class="muted">The new key works at once. The old key keeps working from the same sites for the overlap, so the partner can switch its pages without a gap; then it is refused.</p>
      ${this.field("overlapHours", "Hours the old key keeps working", { type: "number", value: String(DEFAULT_KEY_OVERLAP_HOURS), hint: `0 stops it now; at most ${MAX_KEY_OVERLAP_HOURS} (a week).` })}
      <div class="row">
        <button type="submit" ?disabled=${this.busy}>Rotate key</button>
        <button type="button" class="secondary" @click=${() => (this.rotation = undefined)}>Cancel</button>
      </div>
    </form>`;
  }

  private renderRotated() {
    const p = this.rotated;
    if (!p) return nothing;
    return html`<p id="rotated" class="secret" role="status" tabindex="-1">
      New key for ${p.name}: <code class="new-key">${p.publishableKey}</code>.
      ${p.previousKey && p.previousKeyExpiresAt
        ? html`The old key <code>${p.previousKey}</code> keeps working until <time datetime=${p.previousKeyExpiresAt}>${when(p.previousKeyExpiresAt)}</time>.`
        : "The old key has stopped working."}
    </p>`;
  }

  protected override render() {
    return html`
      <h1>Partners</h1>
      ${this.renderAlert()} ${this.renderRotated()}
      <table>
        <thead><tr><th>Partner</th><th>Publishable key</th><th>Sites allowed to use it</th><th>Status</th><th><span class="visually-hidden">Key</span></th></tr></thead>
        <tbody>
          ${this.partners.map(
            (p) => html`<tr>
              <td>${p.name}<br /><code class="muted">${p.slug}</code></td>
              <td>
                <code>${p.publishableKey}</code>
                ${p.previousKey && p.previousKeyExpiresAt
                  ? html`<br /><span class="muted">Old key <code>${p.previousKey}</code> works until <time datetime=${p.previousKeyExpiresAt}>${when(p.previousKeyExpiresAt)}</time></span>`
                  : nothing}
              </td>
              <td>${p.allowedOrigins.map((o) => html`<code>${o}</code><br />`)}</td>
              <td><button type="button" class=${p.active ? "secondary" : ""} @click=${() => void this.toggle(p)}>${p.active ? "Active: pause" : "Paused: resume"}</button></td>
              <td><button type="button" class="secondary" @click=${() => this.startRotation(p)}>Rotate key<span class="visually-hidden"> of ${p.name}</span></button></td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.renderRotation()}
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
