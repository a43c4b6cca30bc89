import { SurveyVariant, type Question, type Survey } from "@coalition-kit/schema";
import type { Queryable } from "../db/types.js";

export interface SurveyRow {
  id: string;
  coalition_id: string;
  slug: string;
  title: string;
  variants: unknown;
  public_results: boolean;
  min_group_size: number;
  follow_up_prompt: string | null;
  follow_up_consent_text: string | null;
  follow_up_consent_version: string | null;
  coalition_slug: string;
  coalition_name: string;
  coalition_website: string | null;
}

export async function findSurvey(q: Queryable, slug: string): Promise<SurveyRow | undefined> {
  const rows = await q.query<SurveyRow>(
    `select s.*, o.slug as coalition_slug, o.name as coalition_name, o.website as coalition_website
       from surveys s join organizations o on o.id = s.coalition_id where s.slug = $1`,
    [slug],
  );
  return rows[0];
}

export function variantsOf(row: SurveyRow): SurveyVariant[] {
  const raw = typeof row.variants === "string" ? (JSON.parse(row.variants) as unknown) : row.variants;
  return (raw as unknown[]).map((v) => SurveyVariant.parse(v));
}

export function toSurvey(row: SurveyRow): Survey {
  return {
    slug: row.slug,
    title: row.title,
    coalition: { slug: row.coalition_slug, name: row.coalition_name, website: row.coalition_website },
    anonymous: true,
    followUp:
      row.follow_up_prompt && row.follow_up_consent_text && row.follow_up_consent_version
        ? { prompt: row.follow_up_prompt, consent: { text: row.follow_up_consent_text, version: row.follow_up_consent_version } }
        : null,
    publicResults: row.public_results,
    minGroupSize: row.min_group_size,
    variants: variantsOf(row),
  };
}

/** Every question across the chosen variant (or all variants), first definition of an id wins. */
export function questionsFor(variants: SurveyVariant[], variant: string | undefined): Question[] {
  const seen = new Map<string, Question>();
  for (const v of variants) if (!variant || v.slug === variant) for (const q of v.questions) if (!seen.has(q.id)) seen.set(q.id, q);
  return [...seen.values()];
}
