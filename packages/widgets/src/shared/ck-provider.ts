import { LitElement, css, html, type PropertyValues } from "lit";
import type { CoalitionClient } from "@coalition-kit/sdk/lite";
import { clientFor } from "./client.js";
import { ClientProvider } from "./context.js";
import { requestLocale } from "./i18n.js";

/**
 * Shares one API client with every Coalition Kit widget inside it:
 * `<ck-provider api="https://api.example.org" partner="pk_..."> <ck-petition petition="..."> </ck-provider>`.
 * Or set `.client` to a client you created with the SDK.
 * @summary Shares one API client and language with every widget inside it.
 * @tagname ck-provider
 */
export class CkProvider extends LitElement {
  static override properties = {
    api: { type: String },
    partner: { type: String },
    locale: { type: String },
    client: { attribute: false },
  };
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  declare api: string | undefined;
  declare partner: string | undefined;
  /** Language for every widget inside ("en", "es", "es-MX"…); see CkWidget's `locale`. */
  declare locale: string | undefined;
  declare client: CoalitionClient | undefined;
  private readonly provider = new ClientProvider(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("locale") && this.locale) requestLocale(this.locale, true);
    if (changed.has("client") || changed.has("api") || changed.has("partner")) {
      this.provider.setValue(this.client ?? (this.api ? clientFor(this.api, this.partner) : undefined));
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ck-provider": CkProvider;
  }
}
