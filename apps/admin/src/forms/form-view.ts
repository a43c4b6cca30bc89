import { css, html, nothing, type PropertyValues } from "lit";
import { live } from "lit/directives/live.js";
import { ERROR_MESSAGES, Slug, fieldErrors } from "@coalition-kit/schema";
import { AdminView } from "../views/admin-view.js";

/** Options of one input: its type, value, hint, and a select's choices. */
export interface InputOptions {
  type?: string;
  value?: string;
  required?: boolean;
  hint?: string;
  multiline?: boolean;
  choices?: ReadonlyArray<readonly [value: string, label: string]>;
  /** Id of a datalist of suggestions. */
  list?: string;
}

/** The zones this browser knows, for suggestions. */
const ZONES: readonly string[] = (Intl as unknown as { supportedValuesOf?(key: string): string[] }).supportedValuesOf?.("timeZone") ?? [];

/** The id of a field's error message, for aria-describedby (field paths like "sessions.0.title" are valid ids). */
export const errorId = (name: string) => `${name}-error`;

/**
 * A create-or-edit form whose inputs are named by the API's field paths ("sessions.0.leaders.1.name"),
 * so a 422's `fields` land next to their inputs (aria-invalid, aria-describedby to the message), and
 * the SDK's own check with the same zod schema shows the same words before anything is sent. Errors
 * with no input on screen go to the alert line, which sits after the fields, by the submit button.
 */
export abstract class FormView extends AdminView {
  static override styles = [
    ...AdminView.styles,
    css`
      fieldset { border: 1px solid var(--admin-rule); border-radius: 8px; padding: 0.75rem 1rem; display: grid; gap: 0.75rem; margin: 0; }
      legend { font-weight: 600; padding: 0 0.25rem; }
      fieldset fieldset { border-style: dashed; }
    `,
  ];
  /** Field paths rendered in this pass, so the alert can carry the errors that have no input. */
  private readonly placed = new Set<string>();

  protected override update(changed: PropertyValues<this>): void {
    this.placed.clear();
    super.update(changed);
  }

  /**
   * Which input shows each error (API path -> message in, input name -> message out): e.g. every
   * session's timeZone goes to the one zone field. The first message for an input wins.
   */
  protected placeErrors(errors: Record<string, string>): Record<string, string> {
    return errors;
  }

  /** Described-by and invalid attributes of a control named `name`. */
  protected described(name: string, hint?: boolean) {
    this.placed.add(name);
    const error = this.errors[name];
    const ids = [hint ? `${name}-hint` : "", error ? errorId(name) : ""].filter(Boolean).join(" ");
    return { invalid: error ? "true" : "false", ids: ids || nothing, error };
  }

  /** A field's error message, tied to it by id. */
  protected renderError(name: string) {
    const error = this.errors[name];
    return error ? html`<span id=${errorId(name)} class="error">${error}</span>` : nothing;
  }

  /** A labelled input, textarea or select whose value follows the draft (live), with its hint and error. */
  protected input(name: string, label: string, o: InputOptions = {}) {
    const d = this.described(name, Boolean(o.hint));
    const id = `f-${name}`;
    const v = o.value ?? "";
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${o.choices
        ? html`<select id=${id} name=${name} .value=${live(v)} aria-invalid=${d.invalid} aria-describedby=${d.ids}>
            ${o.choices.map(([value, text]) => html`<option value=${value} ?selected=${value === v}>${text}</option>`)}
          </select>`
        : o.multiline
          ? html`<textarea id=${id} name=${name} .value=${live(v)} ?required=${o.required} aria-invalid=${d.invalid} aria-describedby=${d.ids}></textarea>`
          : html`<input id=${id} name=${name} type=${o.type ?? "text"} list=${o.list ?? nothing} .value=${live(v)} ?required=${o.required} aria-invalid=${d.invalid} aria-describedby=${d.ids} />`}
      ${o.hint ? html`<span id="${name}-hint" class="muted">${o.hint}</span>` : nothing}
      ${this.renderError(name)}
    </div>`;
  }

  /** The IANA time zone field, with the browser's list of zones to pick from. */
  protected zoneField(value: string, hint: string) {
    return html`${this.input("timeZone", "Time zone", { value, required: true, hint: `${hint} An IANA name, like America/New_York.`, list: "zones" })}
      <datalist id="zones">${ZONES.map((z) => html`<option value=${z}></option>`)}</datalist>`;
  }

  /** The two consent texts people tick (the coalition's, and each partner's: {partner} is its name), each with a version. */
  protected consentFields(consent: { coalition: { text: string; version: string }; partner: { text: string; version: string } }) {
    return html`<fieldset>
      <legend>Consent to be contacted</legend>
      <p class="muted">What people may tick when they sign up. Give a new version whenever the words change.</p>
      ${this.input("consent.coalition.text", "The coalition's consent text", { value: consent.coalition.text, multiline: true, required: true })}
      ${this.input("consent.coalition.version", "Version of the coalition's text", { value: consent.coalition.version, required: true })}
      ${this.input("consent.partner.text", "The partner's consent text", { value: consent.partner.text, multiline: true, required: true, hint: "{partner} becomes the name of the partner whose page it is." })}
      ${this.input("consent.partner.version", "Version of the partner's text", { value: consent.partner.version, required: true })}
    </fieldset>`;
  }

  /** The alert line with the API's summary and the words of any error that has no input on screen. */
  protected renderProblems() {
    const elsewhere = Object.entries(this.errors).filter(([name]) => !this.placed.has(name));
    const lines = [this.alert, ...elsewhere.map(([, message]) => message)].filter(Boolean);
    const count = Object.keys(this.errors).length;
    return html`${lines.length ? html`<p class="alert" role="alert" tabindex="-1">${lines.join(" ")}</p>` : nothing}
    ${count ? html`<p class="visually-hidden" role="status">Please fix ${count === 1 ? "1 field" : `${count} fields`}.</p>` : nothing}`;
  }

  /**
   * Run the save: field errors are placed next to their inputs and the focus goes to the first one
   * (else the alert). `typing` holds what the form itself could not read (a number that is not one),
   * by input name; then nothing is sent and `check` (the schema's own verdict) adds the rest.
   */
  protected async submit(work: () => Promise<void>, typing: Record<string, string> = {}, check: () => Record<string, string> = () => ({})): Promise<boolean> {
    const typed = Object.keys(typing).length === 0;
    if (typed && (await this.attempt(work))) return true;
    if (!typed) {
      this.alert = ERROR_MESSAGES.validation_failed;
      this.errors = check();
    }
    this.errors = { ...this.placeErrors(this.errors), ...typing };
    await this.focusOutcome(".alert");
    return false;
  }

  /** After the next render, focus the element matching `selector` (e.g. a new row's first input). */
  protected async focusLater(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}

/** Text of a form field (empty string when missing). */
export const read = (form: FormData, name: string): string => String(form.get(name) ?? "").trim();

/** The fields every campaign form starts with: its address (typed only while new) and title. */
export function readHeading(draft: { slug: string }, form: FormData): { slug: string; title: string } {
  return { slug: form.has("slug") ? read(form, "slug") : draft.slug, title: read(form, "title") };
}

/** The coalition's and the partner's consent text and version, as typed (inputs named consent.<scope>.text/version). */
export function readConsent(form: FormData): { coalition: { text: string; version: string }; partner: { text: string; version: string } } {
  const scope = (name: "coalition" | "partner") => ({ text: read(form, `consent.${name}.text`), version: read(form, `consent.${name}.version`) });
  return { coalition: scope("coalition"), partner: scope("partner") };
}

/** A whole number typed in a field, NaN when it is not one (for the schema to refuse), null when empty. */
export function count(text: string): number | null {
  if (text === "") return null;
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** What the schema says of an input, field path -> message (the SDK runs the same check before sending). */
export function schemaErrors(schema: { safeParse(input: unknown): { success: boolean; error?: Parameters<typeof fieldErrors>[0] } }, input: unknown): Record<string, string> {
  const parsed = schema.safeParse(input);
  return parsed.success || !parsed.error ? {} : fieldErrors(parsed.error);
}

/** A new campaign's address, checked as the API checks it: `{ slug: message }` when it would be refused. */
export function slugTyping(slug: string): Record<string, string> {
  const parsed = Slug.safeParse(slug);
  return parsed.success ? {} : { slug: parsed.error.issues[0]?.message ?? "Use lowercase letters, numbers and dashes." };
}
