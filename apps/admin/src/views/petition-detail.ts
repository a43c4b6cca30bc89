import { html, nothing } from "lit";
import type { AdminPartner, AdminPetitionDetail } from "@coalition-kit/schema";
import { AdminView, download } from "./admin-view.js";
import { dailyChart } from "./daily-chart.js";
import { recruitmentSection } from "./petition-recruitment.js";
import "./petition-translations.js";
import "./widget-preview.js";

/** One petition: its numbers by partner and over time, the CSV export, open/close, and the embed code. */
export class CkAdminPetition extends AdminView {
  static override properties = { ...AdminView.properties, slug: { type: String }, detail: { state: true }, partners: { state: true } };
  declare slug: string;
  declare detail: AdminPetitionDetail | undefined;
  declare partners: AdminPartner[];
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.slug = "";
    this.partners = [];
  }

  protected async load(): Promise<void> {
    [this.detail, this.partners] = await Promise.all([this.client.petitions.get(this.slug), this.client.partners.list()]);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Counts move while the page is open; refresh them every 15 seconds when the tab is visible.
    this.timer = setInterval(() => document.visibilityState === "visible" && void this.refresh(), 15_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  /** After the translations are saved: the petition again, with its new texts and what is still missing. */
  private readonly reloadDetail = async () => {
    this.detail = await this.client.petitions.get(this.slug);
  };

  private readonly onExport = () => this.attempt(async () => download(await this.client.petitions.exportCsv(this.slug), `${this.slug}-signatures.csv`));

  private readonly onToggle = () =>
    this.attempt(async () => {
      const open = this.detail?.petition.status === "open";
      await this.client.petitions.update(this.slug, { status: open ? "closed" : "open" });
      await this.load();
    });

  protected override render() {
    const d = this.detail;
    if (!d) return html`<p><a href="#/petitions">← Petitions</a></p>${this.renderAlert()}<p class="muted" role="status">Loading…</p>`;
    const { petition, stats } = d;
    const max = Math.max(1, ...stats.partners.map((p) => p.count));
    const partnerKey = this.partners.find((p) => p.active)?.publishableKey ?? "pk_…";
    const snippet = `<script type="module" src="${location.origin}/embed/v1/petition.js"></script>\n<ck-petition api="${location.origin}" partner="${partnerKey}" petition="${petition.slug}"></ck-petition>`;
    return html`
      <p><a href="#/petitions">← Petitions</a></p>
      <h1>${petition.title}</h1>
      <p class="muted">To: ${petition.target} · <code>${petition.slug}</code> · ${petition.status === "open" ? "Open" : "Closed"}</p>
      ${this.renderAlert()}
      <div class="cards">
        <div class="card"><strong class="total" aria-live="polite">${stats.total.toLocaleString()}</strong> signatures</div>
        <div class="card"><strong>${stats.goal.toLocaleString()}</strong> goal</div>
        <div class="card"><strong>${d.coalitionOptIns.toLocaleString()}</strong> agreed to hear from you</div>
        ${d.pending && d.pending.email + d.pending.guardian > 0
          ? html`<div class="card"><strong>${(d.pending.email + d.pending.guardian).toLocaleString()}</strong> waiting for an email confirmation or a guardian (not counted yet)</div>`
          : nothing}
      </div>
      <div class="row">
        <button type="button" @click=${this.onExport} ?disabled=${this.busy}>Export signatures (CSV)</button>
        <button type="button" class="secondary" @click=${this.onToggle} ?disabled=${this.busy}>${petition.status === "open" ? "Close petition" : "Reopen petition"}</button>
        <button type="button" class="secondary" @click=${() => void this.refresh()}>Refresh</button>
      </div>
      <h2>By partner</h2>
      <table class="partners">
        <thead><tr><th>Partner</th><th class="num">Signatures</th><th><span class="visually-hidden">Share</span></th></tr></thead>
        <tbody>
          ${stats.partners.map(
            (p) => html`<tr data-partner=${p.slug}>
              <td>${p.name}</td>
              <td class="num count">${p.count.toLocaleString()}</td>
              <td><meter min="0" max=${max} value=${p.count} aria-label="${p.name}: ${p.count}"></meter></td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${recruitmentSection(d)}
      <h2>Over time</h2>
      ${d.daily.some((day) => day.count > 0) ? dailyChart(d.daily) : html`<p class="muted">No signatures yet.</p>`}
      ${d.content
        ? html`<ck-admin-petition-translations .client=${this.client} slug=${petition.slug} .content=${d.content} .reload=${this.reloadDetail}></ck-admin-petition-translations>`
        : nothing}
      <h2 id="preview-heading">Preview</h2>
      <ck-admin-widget-preview aria-labelledby="preview-heading" api=${location.origin} tag="ck-petition" bundle="petition" .campaign=${{ petition: petition.slug }}></ck-admin-widget-preview>
      <h2>Embed code</h2>
      <p class="muted">Give each partner this code with its own key (see Partners).</p>
      <pre>${snippet}</pre>
      ${petition.shareUrl ? html`<p>Share address: <a href=${petition.shareUrl}>${petition.shareUrl}</a></p>` : nothing}
    `;
  }
}

customElements.define("ck-admin-petition", CkAdminPetition);
