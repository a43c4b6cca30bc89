import { FEEDBACK_SURVEY_MESSAGE, FEEDBACK_URL_MESSAGE, FEEDBACK_URL_NEEDS_SURVEY_MESSAGE } from "@coalition-kit/schema";
import type { Queryable } from "../../db/types.js";
import type { AdminContext } from "../keys/secret-keys.js";

/**
 * A series' feedback survey as the admin PUT names it: one of the coalition's own surveys, with
 * the https page it is embedded on (the email links there). Field errors, or none.
 */
export async function feedbackErrors(q: Queryable, admin: AdminContext, data: { feedbackSurvey?: string | null | undefined; feedbackUrl?: string | null | undefined }): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  if (data.feedbackSurvey) {
    const found = await q.query("select 1 from surveys where slug = $1 and coalition_id = $2", [data.feedbackSurvey, admin.organizationId]);
    if (!found[0]) errors.feedbackSurvey = FEEDBACK_SURVEY_MESSAGE;
    if (!data.feedbackUrl) errors.feedbackUrl = FEEDBACK_URL_MESSAGE;
  } else if (data.feedbackUrl) {
    errors.feedbackSurvey = FEEDBACK_URL_NEEDS_SURVEY_MESSAGE;
  }
  return errors;
}
