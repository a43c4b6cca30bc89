import { LitElement, css, html, nothing } from "lit";
import { adminStyles } from "../admin-styles.js";

/** The languages an organizer can preview a widget in, with their names as the switch says them. */
const LANGUAGES = [
  { code: "en", name: "English" },
  { code: "es", name: "Spanish (Español)" },
] as const;

/** Widget bundles already asked for on this page, so switching language or page never loads one twice. */
const loading = new Map<string, Promise<void>>();

/** Load `/embed/v1/<bundle>.js` from the API once, as a partner page does. */
function loadBundle(api: string, bundle: string): Promise<void> {
  const src = `${api}/embed/v1/${bundle}.js`;
  let done = loading.get(src);
  if (!done) {
    done = new Promise<void>((resolve, reject) => {
      const script = document.createElement("script");
      script.type = "module";
      script.src = src;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`${src} did not load`));
      document.head.append(script);
    });
    loading.set(src, done);
  }
  return done;
}

/**
 * The real widget as a partner page shows it, in the language the organizer picks, to check a
 * translation before sharing it. It reads the campaign without a partner key (no partner's counts
 * are picked) and is inert: nothing in it can be clicked, typed into or sent from the console.
 * `tag` is a Coalition Kit element (`ck-petition`), `bundle` its embed file, `campaign` the attributes that
 * name the campaign (`{ petition: "ct-funding-gap" }`).
 */
export class CkAdminWidgetPreview extends LitElement {
  static override properties = {
    api: { type: String },
    tag: { type: String },
    bundle: { type: String },
    campaign: { attribute: false },
    language: { state: true },
    failed: { state: true },
  };
  static override styles = [
    adminStyles,
    css`
      .languages { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; border: 0; padding: 0; margin: 0 0 0.75rem; }
      .languages label { display: inline-flex; align-items: center; gap: 0.4rem; min-height: 24px; }
      .frame { border: 1px dashed rgba(127, 127, 127, 0.6); border-radius: 8px; padding: 1rem; max-width: 40rem; }
    `,
  ];
  declare api: string;
  declare tag: string;
  declare bundle: string;
  declare campaign: Record<string, string>;
  declare private language: string;
  declare private failed: boolean;

  constructor() {
    super();
    this.api = location.origin;
    this.tag = "";
    this.bundle = "";
    this.campaign = {};
    this.language = "en";
    this.failed = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.bundle) loadBundle(this.api, this.bundle).catch(() => (this.failed = true));
  }

  /** The widget shown, and what it was made for (tag, language and attributes). */
  private shown: { key: string; element: HTMLElement } | undefined;

  /** A fresh element per language, so the widget reads the campaign again in it; the same one otherwise. */
  private widget(): HTMLElement {
    const key = JSON.stringify([this.tag, this.language, this.campaign]);
    if (this.shown?.key === key) return this.shown.element;
    const element = document.createElement(this.tag);
    element.setAttribute("api", this.api);
    element.setAttribute("locale", this.language);
    element.setAttribute("source", "console-preview");
    for (const [name, value] of Object.entries(this.campaign)) element.setAttribute(name, value);
    this.shown = { key, element };
    return element;
  }

  protected override render() {
    if (!this.tag.startsWith("ck-")) return nothing;
    return html`
      <fieldset class="languages">
        <legend class="visually-hidden">Preview language</legend>
        ${LANGUAGES.map(
          (l) => html`<label><input type="radio" name="preview-language" value=${l.code} .checked=${this.language === l.code} @change=${() => (this.language = l.code)} />${l.name}</label>`,
        )}
      </fieldset>
      ${this.failed
        ? html`<p class="muted" role="status">The preview could not load the widget from ${this.api}/embed/v1/.</p>`
        : html`<p class="muted">As a partner page shows it in ${LANGUAGES.find((l) => l.code === this.language)?.name}; the preview cannot be filled in or sent.</p>
            <div class="frame" inert data-language=${this.language}>${this.widget()}</div>`}
    `;
  }
}

customElements.define("ck-admin-widget-preview", CkAdminWidgetPreview);
