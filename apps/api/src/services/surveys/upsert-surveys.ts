import { SurveyInput } from "@coalition-kit/schema";
import type { Queryable } from "../../db/types.js";
import { splitSurveyTexts } from "./survey-texts.js";

/**
 * A survey as organizers define it (admin PUT) or a seed file holds it: its texts in its language
 * or one text per language (checked by @coalition-kit/schema's SurveyInput).
 */
export type SurveyDefinition = SurveyInput & { slug: string };

/** Upsert surveys by slug: texts in the survey's language in their columns and `variants`, the rest in `translations`. */
export async function upsertSurveys(q: Queryable, coalitionId: string, all: SurveyDefinition[]): Promise<void> {
  for (const { slug, ...definition } of all) {
    const input = SurveyInput.parse(definition);
    const current = await q.query<{ translations: unknown }>("select translations from surveys where slug = $1", [slug]);
    const s = splitSurveyTexts(input, (current[0]?.translations ?? {}) as Parameters<typeof splitSurveyTexts>[1]);
    await q.query(
      `insert into surveys (coalition_id, slug, title, variants, public_results, min_group_size, follow_up_prompt, follow_up_consent_text, follow_up_consent_version,
                            language, translations)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       on conflict (slug) do update set title = excluded.title, variants = excluded.variants, public_results = excluded.public_results,
         min_group_size = excluded.min_group_size, follow_up_prompt = excluded.follow_up_prompt,
         follow_up_consent_text = excluded.follow_up_consent_text, follow_up_consent_version = excluded.follow_up_consent_version,
         language = excluded.language, translations = excluded.translations`,
      [
        coalitionId, slug, s.title, JSON.stringify(s.variants), input.publicResults ?? false, input.minGroupSize ?? 5,
        s.followUp?.prompt ?? null, s.followUp?.consent.text ?? null, s.followUp?.consent.version ?? null, s.language, JSON.stringify(s.translations),
      ],
    );
  }
}
