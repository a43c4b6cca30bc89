import { LitElement, html, nothing, type PropertyValues } from "lit";
import type { AdminClient } from "@coalition-kit/sdk/admin";
import { adminStyles } from "../admin-styles.js";
import { fieldsOf, problem } from "../errors.js";

/** A console section: loads when its client is set, shows one alert line, and field errors per input. */
export abstract class AdminView extends LitElement {
  static override properties = { client: { attribute: false }, alert: { state: true }, errors: { state: true }, loaded: { state: true }, busy: { state: true } };
  static override styles = [adminStyles];

  declare client: AdminClient;
  declare protected alert: string | undefined;
  declare protected errors: Record<string, string>;
  declare protected loaded: boolean;
  declare protected busy: boolean;

  constructor() {
    super();
    this.errors = {};
    this.loaded = false;
    this.busy = false;
  }

  protected abstract load(): Promise<void>;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("client") && this.client) void this.refresh();
  }

  /** `data-loaded` on the section once its data is on screen, so a script can wait for it. */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.toggleAttribute("data-loaded", this.loaded);
  }

  /** Load again, keeping what is on screen if it fails. */
  protected async refresh(): Promise<void> {
    try {
      await this.load();
      this.loaded = true;
    } catch (error) {
      this.alert = problem(error);
    }
  }

  /** Run a write: field errors go next to their inputs, anything else to the alert line. */
  protected async attempt(work: () => Promise<void>): Promise<boolean> {
    this.busy = true;
    this.alert = undefined;
    this.errors = {};
    try {
      await work();
      return true;
    } catch (error) {
      this.errors = fieldsOf(error);
      this.alert = problem(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  protected renderAlert() {
    return this.alert ? html`<p class="alert" role="alert">${this.alert}</p>` : nothing;
  }

  /**
   * After the next render, focus the first field marked invalid, else the element at `fallback`
   * (a status line with tabindex="-1"), so keyboard and screen reader users land on the outcome.
   */
  protected async focusOutcome(fallback: string): Promise<void> {
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]') ?? this.renderRoot.querySelector<HTMLElement>(fallback);
    target?.focus();
  }

  /** A labelled input (or a select, with `choices`); its hint and its error are tied to it with aria-describedby. */
  protected field(
    name: string,
    label: string,
    options: { type?: string; value?: string; required?: boolean; hint?: string; multiline?: boolean; choices?: ReadonlyArray<readonly [value: string, label: string]> } = {},
  ) {
    const error = this.errors[name];
    const described = [options.hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || nothing;
    const id = `f-${name}`;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${options.choices
        ? html`<select id=${id} name=${name} aria-invalid=${error ? "true" : "false"} aria-describedby=${described}>
            ${options.choices.map(([v, text]) => html`<option value=${v} ?selected=${v === options.value}>${text}</option>`)}
          </select>`
        : options.multiline
          ? html`<textarea id=${id} name=${name} ?required=${options.required} aria-invalid=${error ? "true" : "false"} aria-describedby=${described}>${options.value ?? ""}</textarea>`
          : html`<input id=${id} name=${name} type=${options.type ?? "text"} .value=${options.value ?? ""} ?required=${options.required} aria-invalid=${error ? "true" : "false"} aria-describedby=${described} />`}
      ${options.hint ? html`<span id="${name}-hint" class="muted">${options.hint}</span>` : nothing}
      ${error ? html`<span id="${name}-error" class="error">${error}</span>` : nothing}
    </div>`;
  }
}

/** Text of a form field (empty string when missing). */
export const value = (form: FormData, name: string): string => String(form.get(name) ?? "").trim();

/** Save a streamed download (CSV) under the server's file name. */
export async function download(response: Response, fallbackName: string): Promise<void> {
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
