// Organizer-written texts in several languages (issue 19), for every kind of campaign. A campaign
// row has its own `language` (every text is written in it) and `translations`, per language, of
// its text columns by column name (migration 019). Reads answer in the asker's language, falling
// back text by text to the campaign's; saves split what the organizer sent into the two.
import { createHash } from "node:crypto";
import { LOCALES, type Locale, type TranslatableText } from "@coalition-kit/schema";

/** Translations as stored: language → column → text. */
export type Translations = Partial<Record<Locale, Record<string, string>>>;

/** The columns every translatable campaign row carries. */
export interface TranslatedColumns {
  language: Locale;
  translations: Translations | string | null;
}

/** A consent text column (`consent_coalition_text`, `follow_up_consent_text`): its version goes with it. */
const isConsentColumn = (column: string) => /^(\w+_)?consent_\w*text$/.test(column) && !column.includes(".");

/** A row's translations, whichever way the driver returned the jsonb column. */
export const stored = (t: TranslatedColumns["translations"]): Translations => (typeof t === "string" ? (JSON.parse(t) as Translations) : (t ?? {}));

/**
 * `row` as `asked` reads it: each of `fields` (public field name → column) in the asker's language
 * where the organizer translated it, otherwise in the campaign's. `language` is the language the
 * texts are in, and `fallbacks` names the fields in another one (as the public reads say them).
 * A consent field maps to its text column; its version column (`_text` → `_version`) goes with it.
 */
export function localize<R extends TranslatedColumns>(row: R, asked: Locale, fields: Record<string, string>): { row: R; language: Locale; fallbacks: Record<string, Locale> } {
  if (asked === row.language) return { row, language: asked, fallbacks: {} };
  const words = stored(row.translations)[asked] ?? {};
  const out: Record<string, unknown> = { ...(row as object) };
  const fallbacks: Record<string, Locale> = {};
  let translated = 0;
  for (const [field, column] of Object.entries(fields)) {
    const text = words[column];
    if (text === undefined || text === "") {
      fallbacks[field] = row.language;
      continue;
    }
    translated += 1;
    out[column] = text;
    const version = column.replace(/_text$/, "_version");
    if (version !== column && words[version]) out[version] = words[version];
  }
  // Nothing translated: the answer is simply in the campaign's language.
  if (translated === 0) return { row, language: row.language, fallbacks: {} };
  return { row: out as R, language: asked, fallbacks };
}

/** The language a consent in `column` was shown in to someone reading in `asked`. */
export function shownLanguage(row: TranslatedColumns, asked: Locale, column: string): Locale {
  return asked !== row.language && stored(row.translations)[asked]?.[column] ? asked : row.language;
}

/**
 * A translation's consent version: the campaign language's version, the language, and a digest of
 * the translation's exact words, so changing either language's words makes a new version.
 */
export function translationVersion(version: string, lang: Locale, text: string): string {
  return `${version}+${lang}.${createHash("sha256").update(text).digest("hex").slice(0, 8)}`;
}

/**
 * What an organizer sent, split for saving: the campaign language's words per column, and the
 * translations. `texts` maps columns to what was sent (undefined: not sent); `versions` maps a
 * consent text column to its version. A plain string changes the campaign language's words and
 * keeps `current` translations of that column; an object replaces them.
 */
export function splitTranslations(
  language: Locale,
  texts: Record<string, TranslatableText | undefined>,
  versions: Record<string, string>,
  current: Translations = {},
): { columns: Record<string, string>; translations: Translations } {
  const columns: Record<string, string> = {};
  const translations: Translations = {};
  for (const lang of LOCALES) if (lang !== language && current[lang]) translations[lang] = { ...current[lang] };
  for (const [column, value] of Object.entries(texts)) {
    if (value === undefined) continue;
    const version = column.endsWith("_text") ? column.replace(/_text$/, "_version") : undefined;
    if (typeof value === "string") {
      columns[column] = value;
    } else {
      columns[column] = value[language] ?? "";
      for (const lang of LOCALES) {
        if (lang === language) continue;
        const words = (translations[lang] ??= {});
        delete words[column];
        if (version) delete words[version];
        const text = value[lang];
        if (text) words[column] = text;
      }
    }
    if (version && versions[column] !== undefined) columns[version] = versions[column]!;
  }
  // Each translated consent's version follows its words and the campaign language's version.
  for (const lang of LOCALES) {
    const words = translations[lang];
    if (!words) continue;
    for (const [column, text] of Object.entries(words)) {
      if (!isConsentColumn(column)) continue;
      // Not sent this time: the translation keeps the version it was saved with.
      const base = columns[column.replace(/_text$/, "_version")];
      if (base) words[column.replace(/_text$/, "_version")] = translationVersion(base, lang, text);
    }
    if (Object.keys(words).length === 0) delete translations[lang];
  }
  return { columns, translations };
}

/**
 * SQL for a campaign's text column read in the language `lang` (an SQL expression: a parameter
 * such as `$2`, or a column such as `s.locale`), falling back to the campaign's own words: e.g.
 * the campaign title in an email written in the person's language. `alias` and `column` are fixed
 * names, never input.
 */
export const columnIn = (alias: string, column: string, lang: string): string => `coalesce(nullif(${alias}.translations -> ${lang} ->> '${column}', ''), ${alias}.${column})`;

/** A translatable column as saved, in every language it has (for side-by-side editing). */
export function savedTexts(row: TranslatedColumns, column: string): Record<string, string> {
  const out: Record<string, string> = { [row.language]: String((row as unknown as Record<string, unknown>)[column] ?? "") };
  for (const [lang, words] of Object.entries(stored(row.translations))) if (words?.[column]) out[lang] = words[column];
  return out;
}

/**
 * A text as an admin read shows it, in the shape a write takes: the plain string `text` (the
 * campaign language's; by default the row's `column`) when it has no translation, else one text
 * per language.
 */
export function savedText(row: TranslatedColumns, column: string, text: string = String((row as unknown as Record<string, unknown>)[column] ?? "")): string | Record<string, string> {
  const out: Record<string, string> = { [row.language]: text };
  for (const [lang, words] of Object.entries(stored(row.translations))) if (words?.[column]) out[lang] = words[column];
  return Object.keys(out).length === 1 ? text : out;
}

/** Per language other than the campaign's, the fields (public name → column) still without a translation. */
export function missingTranslations(row: TranslatedColumns, fields: Record<string, string>): Record<string, string[]> {
  const words = stored(row.translations);
  const out: Record<string, string[]> = {};
  for (const lang of LOCALES) {
    if (lang === row.language) continue;
    out[lang] = Object.entries(fields).filter(([, column]) => !words[lang]?.[column]).map(([field]) => field);
  }
  return out;
}

/** What every child row (a session, a break, a week) carries: its own translations, keyed by column (its language is its parent's). */
export interface ChildTranslations {
  translations: Translations | string | null;
}

/**
 * A child row (a training session, a meeting break or week) as `asked` reads it: it is written in
 * its parent's `language` and carries its own translations (migration 021). As `localize`.
 */
export function localizeChild<R extends ChildTranslations>(row: R, language: Locale, asked: Locale, fields: Record<string, string>): { row: R; language: Locale; fallbacks: Record<string, Locale> } {
  const out = localize({ ...row, language }, asked, fields);
  const { language: _parent, ...rest } = out.row;
  return { row: rest as unknown as R, language: out.language, fallbacks: out.fallbacks };
}

/**
 * The translations a child row keeps, as JSON for its `translations` column: as `splitTranslations`,
 * a plain string keeps the `current` translations of its column, one text per language replaces them.
 */
export function childTranslations(language: Locale, texts: Record<string, TranslatableText | null | undefined>, current: Translations = {}): { columns: Record<string, string>; translations: string } {
  const sent = Object.fromEntries(Object.entries(texts).map(([column, value]) => [column, value ?? undefined]));
  // Columns not sent (a note left out) keep no translation.
  const kept: Translations = {};
  for (const [lang, words] of Object.entries(current) as Array<[Locale, Record<string, string>]>) {
    const left = Object.fromEntries(Object.entries(words).filter(([column]) => sent[column] !== undefined));
    if (Object.keys(left).length) kept[lang] = left;
  }
  const { columns, translations } = splitTranslations(language, sent, {}, kept);
  return { columns, translations: JSON.stringify(translations) };
}

/** The language each of `fields` of a localized child is in, as fallbacks against the answer's `language` (under `prefix`). */
export function childFallbacks(answer: Locale, child: { language: Locale; fallbacks: Record<string, Locale> }, fields: string[], prefix: string): Record<string, Locale> {
  const out: Record<string, Locale> = {};
  for (const field of fields) {
    const lang = child.fallbacks[field] ?? child.language;
    if (lang !== answer) out[`${prefix}${field}`] = lang;
  }
  return out;
}
