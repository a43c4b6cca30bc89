import type { Question, QuestionResult, SurveyResults } from "@coalition-kit/schema";
import type { Queryable } from "../../db/types.js";
import { questionsFor, variantsOf, type SurveyRow } from "./survey-queries.js";

const FILTER = "survey_id = $1 and ($2::text is null or variant = $2)";

async function countsFor(q: Queryable, survey: SurveyRow, variant: string | undefined, question: Question): Promise<{ answered: number; counts: Map<string, number>; average: number | null }> {
  const params = [survey.id, variant ?? null, question.id];
  if (question.type === "multiple") {
    const [answered, rows] = await Promise.all([
      q.query<{ n: number }>(`select count(*)::int as n from survey_responses where ${FILTER} and jsonb_typeof(answers -> $3) = 'array' and jsonb_array_length(answers -> $3) > 0`, params),
      q.query<{ v: string; n: number }>(
        `select e as v, count(*)::int as n from survey_responses r, jsonb_array_elements_text(case when jsonb_typeof(r.answers -> $3) = 'array' then r.answers -> $3 else '[]'::jsonb end) e
          where ${FILTER} group by e`,
        params,
      ),
    ]);
    return { answered: answered[0]?.n ?? 0, counts: new Map(rows.map((r) => [r.v, r.n])), average: null };
  }
  const rows = await q.query<{ v: string; n: number }>(`select answers ->> $3 as v, count(*)::int as n from survey_responses where ${FILTER} and coalesce(answers ->> $3, '') <> '' group by 1`, params);
  const answered = rows.reduce((sum, r) => sum + r.n, 0);
  const average = question.type === "scale" && answered > 0 ? rows.reduce((sum, r) => sum + Number(r.v) * r.n, 0) / answered : null;
  return { answered, counts: new Map(rows.map((r) => [r.v, r.n])), average };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Counts and percentages per question; anything answered by fewer than min_group_size people is withheld. */
export async function surveyResults(q: Queryable, survey: SurveyRow, variant: string | undefined): Promise<SurveyResults> {
  const total = (await q.query<{ n: number }>(`select count(*)::int as n from survey_responses where ${FILTER}`, [survey.id, variant ?? null]))[0]?.n ?? 0;
  const min = survey.min_group_size;
  const questions: QuestionResult[] = [];
  for (const question of questionsFor(variantsOf(survey), variant)) {
    const { answered, counts, average } = await countsFor(q, survey, variant, question);
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
  return { survey: survey.slug, variant: variant ?? null, responses: total < min ? 0 : total, minGroupSize: min, suppressed: total < min, questions };
}
