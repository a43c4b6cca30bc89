import { SurveyVariant, type Locale, type Question, type Survey } from "@coalition-kit/schema";
import type { Queryable } from "../../db/types.js";
import { coalitionSummary, findCampaign, type CampaignRow } from "../campaigns.js";
import { localizeSurvey, type SurveyTextColumns } from "./survey-texts.js";

/** A survey with its coalition's names (campaigns.ts), its language and translations (migration 020). */
export interface SurveyRow extends CampaignRow, SurveyTextColumns {
  variants: unknown;
  public_results: boolean;
  min_group_size: number;
}

/** A survey by slug. */
export function findSurvey(q: Queryable, slug: string): Promise<SurveyRow | undefined> {
  return findCampaign<SurveyRow>(q, "surveys", slug);
}

/** A survey's variants, checked against the shared schema. */
export function variantsOf(row: SurveyRow): SurveyVariant[] {
  const raw = typeof row.variants === "string" ? (JSON.parse(row.variants) as unknown) : row.variants;
  return (raw as unknown[]).map((v) => SurveyVariant.parse(v));
}

/** A survey's texts read in `locale`, text by text where the organizer translated them (else in the survey's language). */
export function localizedSurvey(saved: SurveyRow, locale: Locale = saved.language) {
  return localizeSurvey(saved, variantsOf(saved), locale);
}

/** A survey as the public read shows it, in `locale` where translated. */
export function toSurvey(saved: SurveyRow, locale?: Locale): Survey {
  const { row, variants, language, fallbacks } = localizedSurvey(saved, locale);
  return {
    slug: row.slug,
    title: row.title,
    coalition: coalitionSummary(row),
    anonymous: true,
    followUp:
      row.follow_up_prompt && row.follow_up_consent_text && row.follow_up_consent_version
        ? { prompt: row.follow_up_prompt, consent: { text: row.follow_up_consent_text, version: row.follow_up_consent_version } }
        : null,
    publicResults: row.public_results,
    minGroupSize: row.min_group_size,
    variants,
    language,
    fallbacks,
  };
}

/** Every question across the chosen variant (or all variants), first definition of an id wins. */
export function questionsFor(variants: SurveyVariant[], variant: string | undefined): Question[] {
  const seen = new Map<string, Question>();
  for (const v of variants) if (!variant || v.slug === variant) for (const q of v.questions) if (!seen.has(q.id)) seen.set(q.id, q);
  return [...seen.values()];
}
