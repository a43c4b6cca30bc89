import type { AdminSurveyDetail } from "@coalition-kit/schema";
import type { Db } from "../../db/types.js";
import { ApiError } from "../errors.js";
import type { AdminContext } from "../keys/secret-keys.js";

/** One of this coalition's surveys as saved, in the shape PUT takes (variants with their questions). */
export async function getSurvey(db: Db, admin: AdminContext, slug: string): Promise<AdminSurveyDetail> {
  const rows = await db.query<{
    title: string;
    variants: AdminSurveyDetail["survey"]["variants"] | string;
    public_results: boolean;
    min_group_size: number;
    follow_up_prompt: string | null;
    follow_up_consent_text: string | null;
    follow_up_consent_version: string | null;
  }>(
    `select title, variants, public_results, min_group_size, follow_up_prompt, follow_up_consent_text, follow_up_consent_version
       from surveys where slug = $1 and coalition_id = $2`,
    [slug, admin.organizationId],
  );
  const s = rows[0];
  if (!s) throw new ApiError("not_found");
  return {
    slug,
    survey: {
      title: s.title,
      publicResults: s.public_results,
      minGroupSize: s.min_group_size,
      followUp: s.follow_up_prompt === null ? null : { prompt: s.follow_up_prompt, consent: { text: s.follow_up_consent_text ?? "", version: s.follow_up_consent_version ?? "" } },
      variants: typeof s.variants === "string" ? (JSON.parse(s.variants) as AdminSurveyDetail["survey"]["variants"]) : s.variants,
    },
  };
}
