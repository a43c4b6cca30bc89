// A survey's translatable texts (issue 19). The top-level ones are columns (title, follow_up_prompt,
// follow_up_consent_text); those inside `variants` are keyed by a stable path of the version's
// slug, the question's id and the option's value (migration 020), e.g.
// `variants.all-nhps.questions.school.options.career`. Both live in the one `translations` column.
import type { Locale, SurveyInputParsed, SurveyVariant, TranslatableText } from "@coalition-kit/schema";
import { localize, splitTranslations, stored, type TranslatedColumns, type Translations } from "../content/languages.js";

/** A survey version with its texts of type T (strings as stored, translatable texts as sent). */
export interface VariantOf<T> {
  slug: string;
  title: T;
  intro: T;
  questions: Array<{
    id: string;
    type: SurveyVariant["questions"][number]["type"];
    prompt: T;
    help?: T | undefined;
    required: boolean;
    options?: Array<{ value: string; label: T }> | undefined;
    scale?: { min: 1; max: 5; minLabel: T; maxLabel: T } | undefined;
    showIf?: SurveyVariant["questions"][number]["showIf"] | undefined;
    maxLength?: number | undefined;
  }>;
}

/** The same versions with each text replaced by `f(path, text)`; a help text mapped to undefined or "" is dropped. */
export function mapVariantTexts<A, B>(variants: VariantOf<A>[], f: (path: string, value: A) => B): VariantOf<B>[] {
  return variants.map((v) => {
    const at = `variants.${v.slug}`;
    return {
      slug: v.slug,
      title: f(`${at}.title`, v.title),
      intro: f(`${at}.intro`, v.intro),
      questions: v.questions.map(({ prompt, help, options, scale, ...q }) => {
        const qa = `${at}.questions.${q.id}`;
        const helpText = help === undefined ? undefined : f(`${qa}.help`, help);
        return {
          ...q,
          prompt: f(`${qa}.prompt`, prompt),
          ...(helpText === undefined || helpText === "" ? {} : { help: helpText }),
          ...(options ? { options: options.map((o) => ({ value: o.value, label: f(`${qa}.options.${o.value}`, o.label) })) } : {}),
          ...(scale ? { scale: { min: scale.min, max: scale.max, minLabel: f(`${qa}.scale.minLabel`, scale.minLabel), maxLabel: f(`${qa}.scale.maxLabel`, scale.maxLabel) } } : {}),
        };
      }),
    };
  });
}

/** Every text path of some versions (to name them as fields). */
function variantPaths<T>(variants: VariantOf<T>[]): Record<string, T> {
  const out: Record<string, T> = {};
  mapVariantTexts(variants, (path, value) => (out[path] = value));
  return out;
}

/** The survey's texts as columns: public field name → column. */
const TOP_LEVEL = { title: "title", "followUp.prompt": "follow_up_prompt", "followUp.consent": "follow_up_consent_text" } as const;

/** What a survey saves: its columns in its language, its versions in its language, and the translations. */
export interface SavedSurveyTexts {
  language: Locale;
  title: string;
  followUp: { prompt: string; consent: { text: string; version: string } } | null;
  variants: SurveyVariant[];
  translations: Translations;
}

/**
 * A survey as sent, split for saving. A text sent as a plain string keeps the translations it had
 * (`current`), as a petition's PATCH does; a text sent per language replaces them; translations of
 * versions, questions or options no longer in the survey are dropped.
 */
export function splitSurveyTexts(input: SurveyInputParsed, current: TranslatedColumns["translations"] = {}): SavedSurveyTexts {
  const language = input.language ?? "en";
  const nested = variantPaths<TranslatableText>(input.variants);
  const followUp = input.followUp ?? null;
  const texts: Record<string, TranslatableText | undefined> = { title: input.title, follow_up_prompt: followUp?.prompt, follow_up_consent_text: followUp?.consent.text, ...nested };
  const { columns, translations } = splitTranslations(language, texts, followUp ? { follow_up_consent_text: followUp.consent.version } : {}, stored(current));
  const kept = new Set(Object.keys(texts).filter((k) => texts[k] !== undefined).flatMap((k) => [k, k.replace(/_text$/, "_version")]));
  for (const words of Object.values(translations)) for (const key of Object.keys(words ?? {})) if (!kept.has(key)) delete words![key];
  for (const lang of Object.keys(translations) as Locale[]) if (Object.keys(translations[lang] ?? {}).length === 0) delete translations[lang];
  return {
    language,
    title: columns.title!,
    followUp: followUp ? { prompt: columns.follow_up_prompt!, consent: { text: columns.follow_up_consent_text!, version: columns.follow_up_consent_version! } } : null,
    variants: mapVariantTexts(input.variants, (path) => columns[path] ?? "") as SurveyVariant[],
    translations,
  };
}

/** The columns a survey row keeps its texts in. */
export interface SurveyTextColumns extends TranslatedColumns {
  title: string;
  follow_up_prompt: string | null;
  follow_up_consent_text: string | null;
  follow_up_consent_version: string | null;
}

/**
 * A survey's texts as `asked` reads them, text by text in that language where the organizer
 * translated it, else in the survey's; `fallbacks` names (by the public read's paths) those left in
 * the survey's language.
 */
export function localizeSurvey<R extends SurveyTextColumns>(row: R, variants: SurveyVariant[], asked: Locale): { row: R; variants: SurveyVariant[]; language: Locale; fallbacks: Record<string, Locale> } {
  const nested = variantPaths(variants);
  const fields: Record<string, string> = { title: TOP_LEVEL.title, ...Object.fromEntries(Object.keys(nested).map((path) => [path, path])) };
  if (row.follow_up_prompt) Object.assign(fields, { "followUp.prompt": TOP_LEVEL["followUp.prompt"], "followUp.consent": TOP_LEVEL["followUp.consent"] });
  const flat = { ...row, ...nested } as R & Record<string, string>;
  const { row: read, language, fallbacks } = localize(flat, asked, fields);
  return { row: read, variants: mapVariantTexts(variants, (path) => read[path] ?? "") as SurveyVariant[], language, fallbacks };
}
