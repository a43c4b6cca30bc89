import { css, html, nothing } from "lit";
import type { PetitionContent, PetitionPatch } from "@coalition-kit/schema";
import { FormView } from "../forms/form-view.js";

type Scope = "coalition" | "partner" | "guardian";
type TextField = "title" | "body" | "target";

/** The translatable texts, in the order the form shows them: the name `content.missing` uses, its label, and how it is typed. */
const FIELDS: ReadonlyArray<{ key: TextField | `consent.${Scope}`; label: string; multiline: boolean; hint?: string }> = [
  { key: "title", label: "Title", multiline: false },
  { key: "target", label: "Addressed to", multiline: false },
  { key: "body", label: "Text", multiline: true },
  { key: "consent.coalition", label: "Coalition consent", multiline: true },
  { key: "consent.partner", label: "Partner consent", multiline: true, hint: "{partner} is replaced by the name of the partner whose page it is; keep it as {partner}." },
  { key: "consent.guardian", label: "Guardian consent", multiline: true },
];

/** The input (and the API's error path) of a field's Spanish text: "title.es", "consent.partner.text.es". */
const inputName = (key: string) => (key.startsWith("consent.") ? `${key}.text.es` : `${key}.es`);

/** A field's words in `lang` as saved (empty when it has none). */
function saved(content: PetitionContent, key: string, lang: string): string {
  if (key.startsWith("consent.")) return content.consent[key.slice("consent.".length) as Scope].text[lang] ?? "";
  return content[key as TextField][lang] ?? "";
}

/**
 * The Spanish translation of a petition's texts: each English text beside its Spanish input, the
 * fields still without a translation, and one save (PATCH) with every text in both languages.
 * The content comes from the petition page (`content`); after a save, `reload` fetches it again.
 * What is typed is kept as a draft, so the page's periodic refresh never wipes it.
 */
export class CkAdminPetitionTranslations extends FormView {
  static override properties = { ...FormView.properties, slug: { type: String }, content: { attribute: false }, reload: { attribute: false }, draft: { state: true }, saved: { state: true } };
  static override styles = [
    ...FormView.styles,
    css`
      form.translations { max-width: 72rem; }
      fieldset.pair { grid-template-columns: 1fr; }
      .source { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
      .source-text { padding: 0.5rem 0.75rem; border-radius: 6px; background: rgba(127, 127, 127, 0.1); }
      .pair textarea { min-height: 6rem; }
      .pair textarea[name="body.es"] { min-height: 14rem; }
      @media (min-width: 48rem) {
        fieldset.pair { grid-template-columns: 1fr 1fr; align-items: start; }
      }
    `,
  ];
  declare slug: string;
  declare content: PetitionContent | undefined;
  declare reload: (() => Promise<void>) | undefined;
  /** What has been typed since the last save, by input name. */
  declare private draft: Record<string, string>;
  /** True right after a successful save, for the status line. */
  declare private saved: boolean;

  constructor() {
    super();
    this.slug = "";
    this.draft = {};
    this.saved = false;
  }

  /** The texts come from the petition page; nothing to fetch here. */
  protected async load(): Promise<void> {}

  private readonly onInput = (event: Event) => {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement;
    if (!target.name) return;
    this.draft = { ...this.draft, [target.name]: target.value };
    this.saved = false;
  };

  /** The Spanish text of a field as it stands in the form (typed, else saved). */
  private spanish(content: PetitionContent, key: string): string {
    return (this.draft[inputName(key)] ?? saved(content, key, "es")).trim();
  }

  private readonly onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const content = this.content;
    if (!content) return;
    const lang = content.language;
    const both = (key: TextField) => ({ [lang]: saved(content, key, lang), es: this.spanish(content, key) });
    const consent = (scope: Scope) => ({ text: { [lang]: saved(content, `consent.${scope}`, lang), es: this.spanish(content, `consent.${scope}`) }, version: content.consent[scope].version });
    const patch: PetitionPatch = {
      title: both("title"),
      body: both("body"),
      target: both("target"),
      consent: { coalition: consent("coalition"), partner: consent("partner"), guardian: consent("guardian") },
    };
    this.saved = false;
    const ok = await this.submit(async () => {
      await this.client.petitions.update(this.slug, patch);
      await this.reload?.();
      this.draft = {};
    });
    if (ok) {
      this.saved = true;
      await this.focusLater(".saved");
    }
  };

  protected override render() {
    const content = this.content;
    if (!content) return nothing;
    if (content.language !== "en") return html`<h2 id="translations-heading">Translations</h2><p class="muted">This petition is written in ${content.language === "es" ? "Spanish" : content.language}; only English petitions get a Spanish translation here.</p>`;
    const missing = content.missing["es"] ?? [];
    // In the form's order; a field this console does not know yet is named as the API names it.
    const labels = [...FIELDS.filter((f) => missing.includes(f.key)).map((f) => f.label), ...missing.filter((key) => !FIELDS.some((f) => f.key === key))];
    return html`
      <h2 id="translations-heading">Translations</h2>
      <p class="muted">Signers whose browser asks for Spanish see these words; a text with no Spanish stays in English.</p>
      <p class="missing" data-missing=${missing.join(" ")}>
        ${labels.length ? html`Still without a Spanish translation: ${labels.join(", ")}.` : "Every text has a Spanish translation."}
      </p>
      <form class="translations" aria-label="Spanish translation" novalidate @input=${this.onInput} @submit=${this.onSubmit}>
        ${FIELDS.map((f) => {
          const en = saved(content, f.key, "en");
          return html`<fieldset class="pair">
            <legend>${f.label}</legend>
            <div class="field">
              <span class="muted">English (as saved)</span>
              <p class="source source-text" lang="en">${en || html`<span class="muted">(none)</span>`}</p>
            </div>
            ${this.input(inputName(f.key), `Spanish: ${f.label}`, { value: this.draft[inputName(f.key)] ?? saved(content, f.key, "es"), multiline: f.multiline, ...(f.hint ? { hint: f.hint } : {}) })}
          </fieldset>`;
        })}
        ${this.renderProblems()}
        <div class="row">
          <button type="submit" ?disabled=${this.busy}>Save Spanish translation</button>
          ${this.saved ? html`<span class="saved" role="status" tabindex="-1">Spanish translation saved.</span>` : nothing}
        </div>
      </form>
    `;
  }
}

customElements.define("ck-admin-petition-translations", CkAdminPetitionTranslations);
