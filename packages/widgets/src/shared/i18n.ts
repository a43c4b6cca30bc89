import type { ReactiveElement } from "lit";
import { LOCALES, type Locale } from "@coalition-kit/schema/rules";
import { CkApiError, CkNetworkError } from "@coalition-kit/sdk/lite";
import { commonMessages } from "./common-messages.js";

/**
 * Widget language, with @lit/localize in runtime mode. English is built in; the localization
 * runtime and the Spanish templates are chunks loaded only when a page asks for Spanish. One
 * language per page (lit-localize keeps one locale): a `locale` attribute on any widget or
 * <ck-provider> wins; otherwise the nearest `lang` attribute of the page (`<html lang="es">`).
 */
let runtime: typeof import("./localization.js") | undefined;
let loading: Promise<typeof import("./localization.js")> | undefined;
let explicitTag: string | undefined;
/** Connected widgets: they render again once a newly requested language has loaded. */
const widgets = new Set<ReactiveElement>();
let formatTag: string | undefined;

/**
 * The supported language of one BCP 47 tag ("es-MX" -> "es"), English for any other. The widgets
 * only read tags (a `locale` or `lang` attribute), never an Accept-Language list, so they need
 * none of the API's q-value parsing (pickLocale in the schema).
 */
function pickLocale(tag: string): Locale {
  const base = tag.split(/[-_]/)[0]!.toLowerCase();
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : "en";
}

/**
 * Ask for a language (a BCP 47 tag like "es-MX"). An explicit request (a `locale` attribute) is
 * never overridden by one inferred from the page's `lang`.
 */
export function requestLocale(tag: string | null | undefined, explicit: boolean): void {
  if (!tag) return;
  if (!explicit && explicitTag) return;
  if (explicit) explicitTag = tag;
  formatTag = tag;
  const locale = pickLocale(tag);
  if (locale === activeLocale() && !loading) return;
  loading ??= import("./localization.js").then((module) => (runtime = module));
  void loading
    .then(({ setLocale }) => setLocale(pickLocale(formatTag!)))
    .then(() => widgets.forEach((widget) => widget.requestUpdate()));
}

/** Render `widget` again whenever the language changes, while it is connected. */
export function followLocale(widget: ReactiveElement, connected: boolean): void {
  if (connected) widgets.add(widget);
  else widgets.delete(widget);
}

/** The language widgets speak now ("en" until Spanish has loaded). */
export const activeLocale = (): Locale => (runtime?.getLocale() as Locale | undefined) ?? "en";

/** The language asked for, loaded or not: what the API should answer in (Accept-Language). */
export const requestedLocale = (): Locale => (formatTag ? pickLocale(formatTag) : "en");

/** The tag for dates and numbers (Intl): the requested one, e.g. "es-MX"; else the browser's. */
export const formatLocale = (): string | undefined => (formatTag && pickLocale(formatTag) === activeLocale() ? formatTag : undefined);

/** A message from the shared contract (field errors, survey rules) in the active language. */
export function localizeError(message: string): string {
  return activeLocale() === "es" ? (runtime?.spanishFor(message) ?? message) : message;
}

/** What to tell the person when an action failed. The API already answers in the active language. */
export function alertText(error: unknown, fallback: string): string {
  if (error instanceof CkNetworkError) return commonMessages.networkError;
  if (error instanceof CkApiError) return error.message;
  return fallback;
}
