// A survey as organizers write it (admin PUT, seed files): every text it shows is translatable
// (issue 19): the title, the intro and name of each version, each question's prompt and help, each
// option's label and a scale's end labels, the follow-up prompt and its consent. Answers are stored
// by option value, never by label, so answers given in any language add up together.
import * as z from "zod/mini";
import { Slug, text } from "./common.js";
import { QUESTION_TYPES } from "./vocabulary.js";
import { ContentLanguageInput, missingDefaultLanguage, translatable, type TranslatableText } from "./translatable.js";
import type { Locale } from "./vocabulary.js";

const QuestionId = z.string("Give each question an id.").check(z.regex(/^[a-z][a-z0-9_]{0,63}$/, "Question ids use lowercase letters, numbers and underscores."));
const OptionValue = z.string("Give each option a value.").check(z.regex(/^[a-z0-9_-]{1,64}$/, "Option values use lowercase letters, numbers, dashes and underscores."));

/** The labels field errors use, per kind of survey text. */
const LABELS = {
  title: "a title",
  intro: "an introduction",
  name: "a name for this version",
  prompt: "a question",
  help: "help text",
  option: "an option's label",
  scaleEnd: "a label for the end of the scale",
  followUp: "a prompt",
  consent: "the consent text",
} as const;

const QuestionInput = z.object({
  id: QuestionId,
  type: z.enum(QUESTION_TYPES, `Choose a question type: ${QUESTION_TYPES.join(", ")}.`),
  prompt: translatable(LABELS.prompt, 500, true),
  help: z.optional(translatable(LABELS.help, 500, false)),
  required: z.boolean(),
  options: z.optional(z.array(z.object({ value: OptionValue, label: translatable(LABELS.option, 200, true) }))),
  scale: z.optional(z.object({ min: z.literal(1), max: z.literal(5), minLabel: translatable(LABELS.scaleEnd, 100, false), maxLabel: translatable(LABELS.scaleEnd, 100, false) })),
  showIf: z.optional(z.object({ question: QuestionId, equals: z.optional(z.string()), includes: z.optional(z.string()) })),
  maxLength: z.optional(z.number().check(z.int(), z.positive())),
});
export type QuestionInput = z.output<typeof QuestionInput>;

/** One version of the survey for an audience; `title` is the version's name. */
export const SurveyVariantInput = z.object({
  slug: Slug,
  title: translatable(LABELS.name, 200, true),
  intro: translatable(LABELS.intro, 2000, false),
  questions: z.array(QuestionInput),
});
export type SurveyVariantInput = z.output<typeof SurveyVariantInput>;

type Walked = { path: (string | number)[]; value: TranslatableText | undefined; label: string; optional?: boolean };

/** Every translatable text of a survey input with its path (array indexes, as zod reports) and label. */
function surveyTexts(v: { title?: TranslatableText; followUp?: { prompt: TranslatableText; consent: { text: TranslatableText } } | null | undefined; variants?: SurveyVariantInput[] }): Walked[] {
  const out: Walked[] = [{ path: ["title"], value: v.title, label: LABELS.title }];
  if (v.followUp) out.push({ path: ["followUp", "prompt"], value: v.followUp.prompt, label: LABELS.followUp }, { path: ["followUp", "consent", "text"], value: v.followUp.consent.text, label: LABELS.consent });
  (v.variants ?? []).forEach((variant, i) => {
    const at = ["variants", i];
    out.push({ path: [...at, "title"], value: variant.title, label: LABELS.name }, { path: [...at, "intro"], value: variant.intro, label: LABELS.intro, optional: true });
    variant.questions.forEach((q, j) => {
      const qa = [...at, "questions", j];
      out.push({ path: [...qa, "prompt"], value: q.prompt, label: LABELS.prompt }, { path: [...qa, "help"], value: q.help, label: LABELS.help, optional: true });
      q.options?.forEach((o, k) => out.push({ path: [...qa, "options", k, "label"], value: o.label, label: LABELS.option }));
      if (q.scale) out.push({ path: [...qa, "scale", "minLabel"], value: q.scale.minLabel, label: LABELS.scaleEnd, optional: true }, { path: [...qa, "scale", "maxLabel"], value: q.scale.maxLabel, label: LABELS.scaleEnd, optional: true });
    });
  });
  return out;
}

const FollowUpInput = z.object({
  prompt: translatable(LABELS.followUp, 500, true),
  consent: z.object({ text: translatable(LABELS.consent, 500, true), version: text("a version for the consent text", 40, true) }),
});

/** PUT /v1/admin/surveys/:slug (and a seed file's survey). */
export const SurveyInput = z
  .object({
    /** The survey's own language (default "en"): every text must have it; the others are translations. */
    language: z.optional(ContentLanguageInput),
    title: translatable(LABELS.title, 200, true),
    publicResults: z.optional(z.boolean()),
    minGroupSize: z.optional(z.number().check(z.int(), z.gte(3, "Show groups of at least 3 (5 or more protects students better)."), z.lte(100))),
    followUp: z.optional(z.nullable(FollowUpInput)),
    variants: z.array(SurveyVariantInput).check(z.minLength(1, "Add at least one version of the survey.")),
  })
  .check(
    z.superRefine((v, ctx) => {
      const language: Locale = v.language ?? "en";
      for (const { path, value, label, optional } of surveyTexts(v)) {
        // An optional text (help, intro, a scale's end labels) left empty in every language is simply not there.
        if (optional && typeof value === "object" && Object.keys(value).length === 0) continue;
        const missing = missingDefaultLanguage(value, label, language);
        if (missing) ctx.addIssue({ code: "custom", path: [...path, language], message: missing, input: undefined });
      }
    }),
  );
export type SurveyInput = z.input<typeof SurveyInput>;
export type SurveyInputParsed = z.output<typeof SurveyInput>;
