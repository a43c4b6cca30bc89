import type { AdminSurveyDetail } from "@coalition-kit/schema";
import type { Db } from "../../db/types.js";
import { savedText } from "../content/languages.js";
import { ApiError } from "../errors.js";
import type { AdminContext } from "../keys/secret-keys.js";
import { variantsOf, type SurveyRow } from "./survey-queries.js";
import { mapVariantTexts } from "./survey-texts.js";

/**
 * One of this coalition's surveys as saved, in the shape PUT takes (variants with their questions;
 * a translated text as one text per language, an untranslated one as a plain string).
 */
export async function getSurvey(db: Db, admin: AdminContext, slug: string): Promise<AdminSurveyDetail> {
  const rows = await db.query<SurveyRow>("select * from surveys where slug = $1 and coalition_id = $2", [slug, admin.organizationId]);
  const s = rows[0];
  if (!s) throw new ApiError("not_found");
  return {
    slug,
    survey: {
      language: s.language,
      title: savedText(s, "title", s.title),
      publicResults: s.public_results,
      minGroupSize: s.min_group_size,
      followUp:
        s.follow_up_prompt === null
          ? null
          : { prompt: savedText(s, "follow_up_prompt", s.follow_up_prompt), consent: { text: savedText(s, "follow_up_consent_text", s.follow_up_consent_text ?? ""), version: s.follow_up_consent_version ?? "" } },
      variants: mapVariantTexts(variantsOf(s), (path, text) => savedText(s, path, text)),
    },
  };
}
