// Organizer-written text in the languages the widgets speak (issue 19): one shape for every
// translatable field of every campaign (titles, descriptions, consent texts, questions, notes).
import * as z from "zod/mini";
import { text } from "./common.js";
import { LOCALES, type Locale } from "./vocabulary.js";

/** Each language's name, as field errors name it ("The Spanish title must be …"). */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { en: "English", es: "Spanish" };
export const LANGUAGE_CODE_MESSAGE = `Write in a language the widgets speak: ${LOCALES.join(" or ")}.`;

/** A campaign's own language: the one every translatable text must have. English unless the organizer says otherwise. */
export const ContentLanguageInput = z.enum(LOCALES, LANGUAGE_CODE_MESSAGE);

/**
 * A translatable text as an organizer sends it: a plain string (in the campaign's language), or
 * one text per language, `{ "en": "…", "es": "…" }`. The campaign's language is required (see
 * `missingDefaultLanguage`); the others are optional, and an empty one means "no translation"
 * (the widget then shows the campaign's language, never an empty string).
 */
export type TranslatableText = string | Partial<Record<Locale, string>>;

/** "a title" → "the Spanish title", so `text()` says "Spanish title must be at most 200 characters." */
const inLanguage = (label: string, lang: Locale) => `the ${LANGUAGE_NAMES[lang]} ${label.replace(/^(your|a|an|the) /, "")}`;

/**
 * A translatable text field: each language is checked as `text(label, max, required)` would check
 * it, and an error names the language (path `<field>.<lang>`). Output: the trimmed string, or an
 * object with only the languages that have text.
 */
export function translatable(label: string, max: number, required: boolean) {
  const plain = text(label, max, required);
  const byLanguage = Object.fromEntries(LOCALES.map((lang) => [lang, text(inLanguage(label, lang), max, false)])) as Record<Locale, ReturnType<typeof text>>;
  return z.pipe(
    z.union([z.string(`Enter ${label}.`), z.record(z.string(), z.string(`Enter ${label}.`))], `Enter ${label}: text, or one text per language like {"en": "…", "es": "…"}.`),
    z.transform((value, ctx): TranslatableText => {
      if (typeof value === "string") {
        const parsed = plain.safeParse(value);
        if (parsed.success) return parsed.data;
        for (const issue of parsed.error.issues) ctx.issues.push({ code: "custom", message: issue.message, input: value });
        return value;
      }
      const out: Partial<Record<Locale, string>> = {};
      for (const [lang, words] of Object.entries(value)) {
        if (!(LOCALES as readonly string[]).includes(lang)) {
          ctx.issues.push({ code: "custom", message: `"${lang}" is not a language the widgets speak: write in ${LOCALES.join(" or ")}.`, input: lang, path: [lang] });
          continue;
        }
        const parsed = byLanguage[lang as Locale].safeParse(words);
        if (!parsed.success) for (const issue of parsed.error.issues) ctx.issues.push({ code: "custom", message: issue.message, input: words, path: [lang] });
        else if (parsed.data !== "") out[lang as Locale] = parsed.data;
      }
      return out;
    }),
  );
}

/** The text of `value` in `lang`, if it has one (a plain string is in the campaign's language). */
export function textIn(value: TranslatableText | undefined, lang: Locale, campaignLanguage: Locale): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string") return lang === campaignLanguage ? value : undefined;
  return value[lang];
}

/**
 * The field error for a translatable text that lacks the campaign's own language (a required
 * field), or undefined. Keyed as the field errors of `translatable` are: `<field>.<lang>`.
 */
export function missingDefaultLanguage(value: TranslatableText | undefined, label: string, campaignLanguage: Locale): string | undefined {
  if (value === undefined || typeof value === "string" || value[campaignLanguage]) return undefined;
  return `Enter ${inLanguage(label, campaignLanguage)}: ${LANGUAGE_NAMES[campaignLanguage]} is this campaign's language.`;
}

/** One translatable text to check for the campaign's language: its error path, value, label and whether it is required. */
export type LanguageCheck = readonly [path: string, value: TranslatableText | null | undefined, label: string, required: boolean];

/**
 * Field errors (`<path>.<lang>`) for texts that lack the campaign's language. An optional text
 * sent as an object with no words at all is simply no text; with words only in other languages,
 * it lacks the campaign's.
 */
export function languageErrors(checks: readonly LanguageCheck[], campaignLanguage: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, value, label, required] of checks) {
    if (value === null || value === undefined || typeof value === "string") continue;
    if (!required && Object.values(value).every((words) => !words)) continue;
    const missing = missingDefaultLanguage(value, label, campaignLanguage);
    if (missing) out[`${path}.${campaignLanguage}`] = missing;
  }
  return out;
}

/** A zod check adding `languageErrors` of what `collect` names, in the value's `language` (English by default). */
export function languageCheck<T extends { language?: Locale | undefined }>(collect: (v: T) => readonly LanguageCheck[]) {
  return z.superRefine((v: T, ctx) => {
    for (const [path, message] of Object.entries(languageErrors(collect(v), v.language ?? "en"))) {
      ctx.addIssue({ code: "custom", path: path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message, input: undefined });
    }
  });
}

/** A translatable text as an admin read gives it back: a plain string when it has one language, else one text per language. */
export const SavedText = z.union([z.string(), z.record(z.string(), z.string())]);
