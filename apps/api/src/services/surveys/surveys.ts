import { SURVEY_SESSION_MESSAGE, SubmitSurveyRequest, fieldErrors, validateAnswers, type Locale, type SurveyResponse } from "@coalition-kit/schema";
import { collectionTime } from "../platform/collection.js";
import { localize, shownLanguage } from "../content/languages.js";
import type { Db, Queryable } from "../../db/types.js";
import { campaignFor } from "../campaigns.js";
import { validationError } from "../errors.js";
import type { PartnerContext } from "../partners/partner-lookup.js";
import type { PartnerWriter } from "../partners/partner-writer.js";
import { csvStream } from "../platform/csv.js";
import { idempotentWrite, requestHash } from "../platform/idempotency.js";
import { findSurvey, questionsFor, toSurvey, variantsOf, type SurveyRow } from "./survey-queries.js";

/** A survey's definition in the asker's language where translated; not_found for another coalition's partner. */
export async function getSurvey(db: Db, slug: string, partner: PartnerContext | undefined, locale?: Locale): Promise<SurveyResponse> {
  return { survey: toSurvey(campaignFor(await findSurvey(db, slug), partner), locale) };
}

/** Field keys: "answers.q1" from zod becomes "q1", matching validateAnswers and the widget. */
function answerFieldErrors(error: Parameters<typeof fieldErrors>[0]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fieldErrors(error))) out[key.replace(/^answers\./, "")] = message;
  return out;
}

/**
 * Record an anonymous response. Answers are stored with the variant, partner and the day only.
 * Follow-up contact details go to a separate table with no link to the answers.
 */
export async function submitSurveyResponse(db: Db, slug: string, input: Record<string, unknown>, { partner, idempotencyKey, locale }: PartnerWriter) {
  const survey = campaignFor(await findSurvey(db, slug), partner);
  const parsed = SubmitSurveyRequest.safeParse(input);
  if (!parsed.success) throw validationError(answerFieldErrors(parsed.error));
  const variant = variantsOf(survey).find((v) => v.slug === parsed.data.variant);
  if (!variant) throw validationError({ variant: "This survey has no such version." });
  const answers = Object.fromEntries(Object.entries(parsed.data.answers).map(([k, v]) => [k, typeof v === "string" ? v.trim() : v]));
  const errors = validateAnswers(variant, answers);
  if (parsed.data.followUp && !survey.follow_up_prompt) errors["followUp.email"] = "This survey does not collect contact details.";
  if (parsed.data.session && !(await isFeedbackSession(db, survey.id, parsed.data.session))) errors.session = SURVEY_SESSION_MESSAGE;
  if (Object.keys(errors).length) throw validationError(errors);
  const collected = collectionTime(parsed.data.collectedAt);
  const kept = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== "" && !(Array.isArray(v) && v.length === 0)));

  return idempotentWrite(db, { partnerId: partner.id, key: idempotencyKey, hash: requestHash(`survey:${slug}`, parsed.data) }, async (q) => {
    await q.query(
      "insert into survey_responses (survey_id, variant, partner_id, answers, channel, submitted_on, session_id) values ($1, $2, $3, $4, $5, coalesce(($6::timestamptz at time zone 'UTC')::date, current_date), $7)",
      [survey.id, variant.slug, partner.id, JSON.stringify(kept), parsed.data.channel ?? "online", collected?.toISOString() ?? null, parsed.data.session ?? null],
    );
    const followUp = parsed.data.followUp;
    if (followUp) {
      // The consent exactly as the widget showed it: in the respondent's language where translated, with that text's version.
      const { row: shown } = localize(survey, locale, { consent: "follow_up_consent_text" });
      await q.query(
        "insert into survey_follow_ups (survey_id, first_name, email, consent_text, consent_version, language) values ($1, $2, $3, $4, $5, $6)",
        [survey.id, followUp.firstName || null, followUp.email, shown.follow_up_consent_text, shown.follow_up_consent_version, shownLanguage(survey, locale, "follow_up_consent_text")],
      );
    }
    return { status: 201, body: { status: "recorded" as const } };
  });
}

/** Whether `sessionId` is a session of a series that names this survey as its feedback survey. */
export async function isFeedbackSession(q: Queryable, surveyId: string, sessionId: string): Promise<boolean> {
  const rows = await q.query("select 1 from training_sessions s join training_series ts on ts.id = s.series_id where s.id = $1 and ts.feedback_survey_id = $2", [sessionId, surveyId]);
  return rows.length > 0;
}

/** Stream every response as CSV, a batch at a time (constant memory). */
export function responsesCsv(db: Db, survey: SurveyRow): ReadableStream<Uint8Array> {
  const questions = questionsFor(variantsOf(survey), undefined);
  type Row = { id: string; variant: string; submitted_on: Date | string; channel: string; session_id: string | null; partner: string; answers: Record<string, unknown> | string };
  return csvStream<Row, string>({
    header: ["response", "variant", "submitted_on", "channel", "session", "partner", ...questions.map((q) => q.id)],
    page: (after) =>
      db.query<Row>(
        `select r.id, r.variant, r.submitted_on, r.channel, r.session_id, o.name as partner, r.answers
           from survey_responses r join partners pa on pa.id = r.partner_id join organizations o on o.id = pa.organization_id
          where r.survey_id = $1 and r.id > $2 order by r.id limit 500`,
        [survey.id, after ?? "00000000-0000-0000-0000-000000000000"],
      ),
    cursor: (last) => last.id,
    cells: (r) => {
      const answers = typeof r.answers === "string" ? (JSON.parse(r.answers) as Record<string, unknown>) : r.answers;
      const day = typeof r.submitted_on === "string" ? r.submitted_on.slice(0, 10) : r.submitted_on.toISOString().slice(0, 10);
      return [r.id, r.variant, day, r.channel, r.session_id ?? "", r.partner, ...questions.map((q) => answers[q.id])];
    },
  });
}
