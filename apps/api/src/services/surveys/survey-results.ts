import type { Locale, Question, QuestionResult, SurveyResults } from "@coalition-kit/schema";
import type { Queryable } from "../../db/types.js";
import { localizedSurvey, questionsFor, type SurveyRow } from "./survey-queries.js";

/** The responses counted: the survey's, of one version when given, of one training session when given. */
const FILTER = "survey_id = $1 and ($2::text is null or variant = $2) and ($3::uuid is null or session_id = $3)";

async function countsFor(q: Queryable, survey: SurveyRow, variant: string | undefined, session: string | undefined, question: Question): Promise<{ answered: number; counts: Map<string, number>; average: number | null }> {
  const params = [survey.id, variant ?? null, session ?? null, question.id];
  if (question.type === "multiple") {
    const [answered, rows] = await Promise.all([
      q.query<{ n: number }>(`select count(*)::int as n from survey_responses where ${FILTER} and jsonb_typeof(answers -> $4) = 'array' and jsonb_array_length(answers -> $4) > 0`, params),
      q.query<{ v: string; n: number }>(
        `select e as v, count(*)::int as n from survey_responses r, jsonb_array_elements_text(case when jsonb_typeof(r.answers -> $4) = 'array' then r.answers -> $4 else '[]'::jsonb end) e
          where ${FILTER} group by e`,
        params,
      ),
    ]);
    return { answered: answered[0]?.n ?? 0, counts: new Map(rows.map((r) => [r.v, r.n])), average: null };
  }
  const rows = await q.query<{ v: string; n: number }>(`select answers ->> $4 as v, count(*)::int as n from survey_responses where ${FILTER} and coalesce(answers ->> $4, '') <> '' group by 1`, params);
  const answered = rows.reduce((sum, r) => sum + r.n, 0);
  const average = question.type === "scale" && answered > 0 ? rows.reduce((sum, r) => sum + Number(r.v) * r.n, 0) / answered : null;
  return { answered, counts: new Map(rows.map((r) => [r.v, r.n])), average };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Which language each shown prompt and option label is in: the survey's fallbacks for the version
 * each question was taken from (the first version that has it, as questionsFor picks).
 */
function resultFallbacks(variants: { slug: string; questions: Question[] }[], variant: string | undefined, fallbacks: Record<string, Locale>): Record<string, Locale> {
  const out: Record<string, Locale> = {};
  const seen = new Set<string>();
  for (const v of variants) {
    if (variant && v.slug !== variant) continue;
    for (const question of v.questions) {
      if (seen.has(question.id)) continue;
      seen.add(question.id);
      const at = `variants.${v.slug}.questions.${question.id}`;
      for (const [path, lang] of Object.entries(fallbacks)) if (path === `${at}.prompt` || path.startsWith(`${at}.options.`)) out[`questions.${question.id}.${path.slice(at.length + 1)}`] = lang;
    }
  }
  return out;
}

/**
 * Counts and percentages per question, in the viewer's language (`locale`) where the organizer
 * translated the prompts and labels: answers are stored by option value, so every language's
 * answers count together. Anything answered by fewer than min_group_size people is withheld.
 * With `session` (organizers only), only the feedback given for that training session counts.
 */
export async function surveyResults(q: Queryable, survey: SurveyRow, variant: string | undefined, locale?: Locale, session?: string): Promise<SurveyResults> {
  const { variants, language, fallbacks } = localizedSurvey(survey, locale);
  const total = (await q.query<{ n: number }>(`select count(*)::int as n from survey_responses where ${FILTER}`, [survey.id, variant ?? null, session ?? null]))[0]?.n ?? 0;
  const min = survey.min_group_size;
  const questions: QuestionResult[] = [];
  for (const question of questionsFor(variants, variant)) {
    const { answered, counts, average } = await countsFor(q, survey, variant, session, question);
    const suppressed = total < min || answered < min;
    const options =
      question.type === "scale"
        ? [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))
        : (question.options ?? []);
    questions.push({
      id: question.id,
      prompt: question.prompt,
      type: question.type,
      answered: suppressed ? 0 : answered,
      suppressed,
      options: suppressed || question.type.endsWith("_text") ? [] : options.map((o) => ({ ...o, count: counts.get(o.value) ?? 0, percent: answered ? round1(((counts.get(o.value) ?? 0) / answered) * 100) : 0 })),
      average: suppressed || average === null ? null : round1(average),
    });
  }
  return {
    survey: survey.slug,
    variant: variant ?? null,
    ...(session ? { session } : {}),
    responses: total < min ? 0 : total,
    minGroupSize: min,
    suppressed: total < min,
    questions,
    language,
    fallbacks: resultFallbacks(variants, variant, fallbacks),
  };
}
