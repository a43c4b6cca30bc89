import {
  SubmitSurveyRequest,
  SubmitSurveyResponse,
  SurveyResponse,
  SurveyResults,
  fieldErrors,
  validateAnswers,
  type SubmitSurveyRequest as SubmitInput,
  type SurveyVariant,
} from "@coalition-kit/schema";
import { ERROR_MESSAGES } from "@coalition-kit/schema/rules";
import { CkApiError } from "./errors.js";
import type { Http } from "./http.js";
import { newIdempotencyKey } from "./idempotency.js";

export interface SurveysApi {
  /** The survey with its audience variants and questions. */
  get(survey: string): Promise<SurveyResponse>;
  /** Send an anonymous response (answers checked against the variant first). */
  respond(survey: string, variant: SurveyVariant, input: SubmitInput, options?: { idempotencyKey?: string }): Promise<{ status: "recorded" }>;
  /** Public aggregates, for surveys that publish them. */
  results(survey: string, variant?: string): Promise<SurveyResults>;
  /** The API's own checks: question id (or followUp.email) -> message. */
  validate(variant: SurveyVariant, input: SubmitInput): Record<string, string>;
}

function check(variant: SurveyVariant, input: SubmitInput): Record<string, string> {
  const parsed = SubmitSurveyRequest.safeParse(input);
  const shape = parsed.success ? {} : Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([k, v]) => [k.replace(/^answers\./, ""), v]));
  return { ...validateAnswers(variant, input.answers), ...shape };
}

export function surveysApi(http: Http): SurveysApi {
  const base = (survey: string) => `v1/surveys/${encodeURIComponent(survey)}`;
  return {
    get: (survey) => http.get(base(survey), SurveyResponse),
    async respond(survey, variant, input, options = {}) {
      const errors = check(variant, input);
      if (Object.keys(errors).length) throw new CkApiError({ code: "validation_failed", status: 422, message: ERROR_MESSAGES.validation_failed, fields: errors });
      return (await http.post(`${base(survey)}/responses`, input, SubmitSurveyResponse, options.idempotencyKey ?? newIdempotencyKey())).data;
    },
    results: (survey, variant) => http.get(`${base(survey)}/results${variant ? `?variant=${encodeURIComponent(variant)}` : ""}`, SurveyResults),
    validate: check,
  };
}
