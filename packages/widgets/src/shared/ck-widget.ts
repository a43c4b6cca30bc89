import { LitElement, type PropertyDeclarations, type PropertyValues } from "lit";
import type { CoalitionClient } from "@coalition-kit/sdk/lite";
import { ClientResolver, type WidgetVertical } from "./client.js";
import { ClientConsumer } from "./context.js";
import { followLocale, requestLocale } from "./i18n.js";
// Kept in every entry point's .d.ts: the global event maps (ck-submit, ck-success, ck-error) live there.
import "./events.js";

/**
 * What every Coalition Kit widget shares: the `api` / `partner` / `source` / `locale` attributes,
 * a `.client` property, the client from <ck-provider>, and SPA-safe loading — load when connected
 * or when an input changes, and ignore answers that arrive after removal or a newer load.
 */
export abstract class CkWidget extends LitElement {
  static override properties: PropertyDeclarations = {
    api: { type: String },
    partner: { type: String },
    source: { type: String },
    locale: { type: String },
    client: { attribute: false },
  };

  /** API origin; with `partner`, overrides the client from <ck-provider>. */
  declare api: string | undefined;
  /** Publishable partner key (pk_...). */
  declare partner: string | undefined;
  /** Where on the partner's site this widget sits (stored with each action). */
  declare source: string | undefined;
  /**
   * Language of the widget's text, dates and numbers ("en", "es", "es-MX"…). Without it, the
   * page's `lang` decides. All Coalition Kit widgets on a page share one language.
   */
  declare locale: string | undefined;
  /** An SDK client to use instead of `api`/`partner` or the provider's. */
  declare client: CoalitionClient | undefined;

  /** The part of the client this widget calls: `["petitions", petitionsLite]` (each widget names its own). */
  protected static vertical: WidgetVertical;

  private contextClient: CoalitionClient | undefined;
  private readonly clients = new ClientResolver((this.constructor as typeof CkWidget).vertical);
  private loadSeq = 0;

  constructor() {
    super();
    new ClientConsumer(this, (client) => {
      this.contextClient = client;
      void this.load();
    });
  }

  /** Fetch what the widget shows (again). */
  abstract load(): Promise<void>;

  /** Properties whose change means "load again" (besides api, partner, client and locale). */
  protected reloadOn(): readonly string[] {
    return [];
  }

  /** The client this widget talks through: own attributes, then `.client`, then <ck-provider>. */
  protected get activeClient(): CoalitionClient | undefined {
    return this.clients.resolve(this.api, this.partner, this.client, this.contextClient);
  }

  /** Start a load; the returned check says whether its answer is still wanted. */
  protected beginLoad(): () => boolean {
    const seq = ++this.loadSeq;
    return () => seq === this.loadSeq && this.isConnected;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    followLocale(this, true);
    const provider = this.closest("ck-provider[locale]")?.getAttribute("locale");
    if (this.locale || provider) requestLocale(this.locale ?? provider, true);
    else requestLocale(this.closest("[lang]")?.getAttribute("lang"), false);
    if (this.hasUpdated) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    followLocale(this, false);
    this.loadSeq += 1;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("locale") && this.locale) requestLocale(this.locale, true);
    const keys = ["api", "partner", "client", "locale", ...this.reloadOn()];
    if (keys.some((k) => (changed as Map<PropertyKey, unknown>).has(k))) void this.load();
  }
}
