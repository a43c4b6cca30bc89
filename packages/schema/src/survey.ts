import * as z from "zod/mini";
import { SessionId } from "./session-feedback.js";
import { Collection, ConsentText, Email, OrganizationSummary, Slug, TextLanguages } from "./common.js";
import { QUESTION_TYPES } from "./vocabulary.js";

export { QUESTION_TYPES } from "./vocabulary.js";
export type QuestionType = (typeof QUESTION_TYPES)[number];

const QuestionId = z.string().check(z.regex(/^[a-z][a-z0-9_]{0,63}$/));

export const QuestionOption = z.object({ value: z.string().check(z.regex(/^[a-z0-9_-]{1,64}$/)), label: z.string() });
export type QuestionOption = z.infer<typeof QuestionOption>;

/** Show a question only when an earlier answer equals (single/scale) or includes (multiple) a value. */
export const ShowIf = z.object({ question: QuestionId, equals: z.optional(z.string()), includes: z.optional(z.string()) });
export type ShowIf = z.infer<typeof ShowIf>;

export const Question = z.object({
  id: QuestionId,
  type: z.enum(QUESTION_TYPES),
  prompt: z.string(),
  help: z.optional(z.string()),
  required: z.boolean(),
  options: z.optional(z.array(QuestionOption)),
  /** Scale questions: labels for the ends of 1–5. */
  scale: z.optional(z.object({ min: z.literal(1), max: z.literal(5), minLabel: z.string(), maxLabel: z.string() })),
  showIf: z.optional(ShowIf),
  maxLength: z.optional(z.number().check(z.int(), z.positive())),
});
export type Question = z.infer<typeof Question>;

/** An audience version of the survey (e.g. one school vs all the others). */
export const SurveyVariant = z.object({
  slug: Slug,
  title: z.string(),
  intro: z.string(),
  questions: z.array(Question),
});
export type SurveyVariant = z.infer<typeof SurveyVariant>;

export const Survey = z.object({
  slug: Slug,
  title: z.string(),
  coalition: OrganizationSummary,
  /** Always true today: no IP, email or cookie is stored with answers. */
  anonymous: z.boolean(),
  /** When set, respondents may leave contact details, stored apart from their answers. */
  followUp: z.nullable(z.object({ prompt: z.string(), consent: ConsentText })),
  publicResults: z.boolean(),
  /** Counts for groups smaller than this are never shown. */
  minGroupSize: z.number().check(z.int(), z.positive()),
  variants: z.array(SurveyVariant),
  /**
   * Fallback fields: title, followUp.prompt, followUp.consent, and per version
   * `variants.<slug>.title` / `.intro` / `.questions.<id>.prompt` / `.help` / `.options.<value>` /
   * `.scale.minLabel` / `.scale.maxLabel`.
   */
  ...TextLanguages,
});
export type Survey = z.infer<typeof Survey>;

export const SurveyResponse = z.object({ survey: Survey });
export type SurveyResponse = z.infer<typeof SurveyResponse>;

export type { AnswerValue } from "./survey-rules.js";



export const FollowUp = z.object({
  firstName: z.optional(z.string().check(z.trim(), z.maxLength(80, "First name must be at most 80 characters."))),
  email: Email,
  consent: z.literal(true, "Please agree so we can contact you, or leave your email out."),
});

/** POST /v1/surveys/:slug/responses. Answers are checked against the variant by validateAnswers. */
export const SubmitSurveyRequest = z.object({
  variant: Slug,
  answers: z.record(QuestionId, z.union([z.string(), z.array(z.string()), z.number()])),
  followUp: z.optional(FollowUp),
  /** Taken at a table (tabling mode), perhaps offline: only the day it was collected is kept, as for every response. */
  ...Collection,
  /** The training session this answers feedback for (the `ck_session` of the feedback link). */
  session: z.optional(SessionId),
});
export type SubmitSurveyRequest = z.input<typeof SubmitSurveyRequest>;

export const SubmitSurveyResponse = z.object({ status: z.literal("recorded") });

export { CHOOSE_FROM_LIST, REQUIRED_ANSWER, SCALE_MESSAGE } from "./vocabulary.js";
export { isShown, validateAnswers } from "./survey-rules.js";

/** Aggregated results for one question. Suppressed when fewer than minGroupSize people answered. */
export const QuestionResult = z.object({
  id: z.string(),
  prompt: z.string(),
  type: z.enum(QUESTION_TYPES),
  answered: z.number().check(z.int(), z.nonnegative()),
  suppressed: z.boolean(),
  /** Choice and scale questions: count and percent of those who answered, per option. */
  options: z.array(z.object({ value: z.string(), label: z.string(), count: z.number(), percent: z.number() })),
  /** Scale questions: the mean, when not suppressed. */
  average: z.nullable(z.number()),
});
export type QuestionResult = z.infer<typeof QuestionResult>;

export const SurveyResults = z.object({
  survey: Slug,
  variant: z.nullable(Slug),
  /** Organizers only: the training session the results are for (?session=<id>), else absent. */
  session: z.optional(z.nullable(z.string())),
  responses: z.number().check(z.int(), z.nonnegative()),
  minGroupSize: z.number(),
  /** True when too few responses exist to show anything. */
  suppressed: z.boolean(),
  questions: z.array(QuestionResult),
  /** Prompts and labels in the viewer's language; fallback fields `questions.<id>.prompt`, `questions.<id>.options.<value>`. */
  ...TextLanguages,
});
export type SurveyResults = z.infer<typeof SurveyResults>;
