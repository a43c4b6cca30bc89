import { SurveyVariant } from "@coalition-kit/schema";
import type { Queryable } from "../../db/types.js";
import type { ConsentText } from "../campaigns.js";

/** A survey as organizers define it (admin PUT) or a seed file holds it. */
export interface SurveyDefinition {
  slug: string;
  title: string;
  publicResults?: boolean;
  minGroupSize?: number;
  followUp?: { prompt: string; consent: ConsentText } | null;
  /** Checked against @coalition-kit/schema's SurveyVariant when seeding. */
  variants: unknown[];
}

/** Upsert surveys by slug; their variants are checked against the shared SurveyVariant schema. */
export async function upsertSurveys(q: Queryable, coalitionId: string, all: SurveyDefinition[]): Promise<void> {
  for (const s of all) {
    const variants = s.variants.map((v) => SurveyVariant.parse(v));
    await q.query(
      `insert into surveys (coalition_id, slug, title, variants, public_results, min_group_size, follow_up_prompt, follow_up_consent_text, follow_up_consent_version)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict (slug) do update set title = excluded.title, variants = excluded.variants, public_results = excluded.public_results,
         min_group_size = excluded.min_group_size, follow_up_prompt = excluded.follow_up_prompt,
         follow_up_consent_text = excluded.follow_up_consent_text, follow_up_consent_version = excluded.follow_up_consent_version`,
      [
        coalitionId, s.slug, s.title, JSON.stringify(variants), s.publicResults ?? false, s.minGroupSize ?? 5,
        s.followUp?.prompt ?? null, s.followUp?.consent.text ?? null, s.followUp?.consent.version ?? null,
      ],
    );
  }
}
