import type { AdminSurveyDetail, Question, SurveyInput } from "@coalition-kit/schema";
import { count, read, readHeading } from "./form-view.js";

/** The kinds of question, for a select. */
export const QUESTION_KINDS = [
  ["single", "One choice"],
  ["multiple", "Several choices"],
  ["short_text", "Short text"],
  ["long_text", "Long text"],
  ["scale", "Scale of 1 to 5"],
] as const;

/** One question as the form holds it: choices one per line, show-if as a question id and a value. */
export interface QuestionDraft {
  id: string;
  type: Question["type"];
  prompt: string;
  help: string;
  required: boolean;
  choices: string;
  /** Saved option values, by position, so answers already given keep their meaning. */
  values: string[];
  minLabel: string;
  maxLabel: string;
  showIf: string;
  showValue: string;
  maxLength?: number;
}

/** One version of the survey, for one audience. */
export interface VariantDraft {
  slug: string;
  title: string;
  intro: string;
  questions: QuestionDraft[];
}

export interface SurveyDraft {
  slug: string;
  /** The survey's own language, once saved (the texts here are in it). */
  language?: SurveyInput["language"];
  title: string;
  publicResults: boolean;
  minGroupSize: string;
  followUp: SurveyInput["followUp"];
  variants: VariantDraft[];
}

let made = 0;

/** A blank question with a new id (ids stay with a question once saved). */
export function blankQuestion(): QuestionDraft {
  made += 1;
  return { id: `q_${Date.now().toString(36)}_${made}`, type: "single", prompt: "", help: "", required: false, choices: "", values: [], minLabel: "", maxLabel: "", showIf: "", showValue: "" };
}

export const blankVariant = (n: number): VariantDraft => ({ slug: n === 1 ? "everyone" : `version-${n}`, title: "", intro: "", questions: [blankQuestion()] });

export const blankSurvey = (): SurveyDraft => ({ slug: "", title: "", publicResults: false, minGroupSize: "5", followUp: null, variants: [blankVariant(1)] });

/**
 * A saved survey into the form, its texts in the survey's own language. Saved back as plain text,
 * each text keeps its translations (the API's PUT), so editing here never drops the Spanish.
 */
export function surveyDraftOf({ slug, survey }: AdminSurveyDetail): SurveyDraft {
  const own = (text: string | Record<string, string>) => (typeof text === "string" ? text : (text[survey.language] ?? ""));
  return {
    slug,
    language: survey.language === "es" ? "es" : "en",
    title: own(survey.title),
    publicResults: survey.publicResults,
    minGroupSize: String(survey.minGroupSize),
    followUp: survey.followUp,
    variants: survey.variants.map((v) => ({
      slug: v.slug,
      title: own(v.title),
      intro: own(v.intro),
      questions: v.questions.map((q) => ({
        id: q.id,
        type: q.type,
        prompt: own(q.prompt),
        help: q.help === undefined ? "" : own(q.help),
        required: q.required,
        choices: (q.options ?? []).map((o) => own(o.label)).join("\n"),
        values: (q.options ?? []).map((o) => o.value),
        minLabel: q.scale ? own(q.scale.minLabel) : "",
        maxLabel: q.scale ? own(q.scale.maxLabel) : "",
        showIf: q.showIf?.question ?? "",
        showValue: q.showIf?.equals ?? q.showIf?.includes ?? "",
        ...(q.maxLength ? { maxLength: q.maxLength } : {}),
      })),
    })),
  };
}

/** Read what is typed into the draft (inputs are named by API paths). */
export function readSurvey(draft: SurveyDraft, form: FormData): SurveyDraft {
  return {
    ...draft,
    ...readHeading(draft, form),
    publicResults: form.has("publicResults"),
    minGroupSize: read(form, "minGroupSize"),
    variants: draft.variants.map((v, i) => {
      const p = `variants.${i}.`;
      return {
        slug: read(form, `${p}slug`),
        title: read(form, `${p}title`),
        intro: read(form, `${p}intro`),
        questions: v.questions.map((q, j) => {
          const k = `${p}questions.${j}.`;
          return {
            ...q,
            type: (read(form, `${k}type`) || q.type) as Question["type"],
            prompt: read(form, `${k}prompt`),
            help: read(form, `${k}help`),
            required: form.has(`${k}required`),
            choices: form.has(`${k}options`) ? String(form.get(`${k}options`)) : q.choices,
            minLabel: form.has(`${k}scale.minLabel`) ? read(form, `${k}scale.minLabel`) : q.minLabel,
            maxLabel: form.has(`${k}scale.maxLabel`) ? read(form, `${k}scale.maxLabel`) : q.maxLabel,
            showIf: read(form, `${k}showIf`),
            showValue: read(form, `${k}showIf.value`),
          };
        }),
      };
    }),
  };
}

/** An option value from its label: lowercase words joined by underscores, or its place. */
const valueOf = (label: string, i: number) => label.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 64) || `option_${i + 1}`;

function options(q: QuestionDraft) {
  const seen = new Set<string>();
  return q.choices
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((label, i) => {
      let value = q.values[i] ?? valueOf(label, i);
      if (seen.has(value)) value = `${value}_${i + 1}`;
      seen.add(value);
      return { value, label };
    });
}

function question(q: QuestionDraft, all: QuestionDraft[]): Question {
  const source = all.find((x) => x.id === q.showIf);
  return {
    id: q.id,
    type: q.type,
    prompt: q.prompt,
    ...(q.help ? { help: q.help } : {}),
    required: q.required,
    ...(q.type === "single" || q.type === "multiple" ? { options: options(q) } : {}),
    ...(q.type === "scale" ? { scale: { min: 1 as const, max: 5 as const, minLabel: q.minLabel, maxLabel: q.maxLabel } } : {}),
    ...(source ? { showIf: { question: source.id, ...(source.type === "multiple" ? { includes: q.showValue } : { equals: q.showValue }) } } : {}),
    ...(q.maxLength && (q.type === "short_text" || q.type === "long_text") ? { maxLength: q.maxLength } : {}),
  };
}

/** The PUT body, and what the form could not read (by input name). */
export function surveyInputOf(d: SurveyDraft): { input: SurveyInput; typing: Record<string, string> } {
  const typing: Record<string, string> = {};
  const min = count(d.minGroupSize);
  if (min === null || Number.isNaN(min)) typing.minGroupSize = "Show groups of at least 3 (5 or more protects students better).";
  return {
    input: {
      ...(d.language ? { language: d.language } : {}),
      title: d.title,
      publicResults: d.publicResults,
      minGroupSize: min ?? Number.NaN,
      followUp: d.followUp,
      variants: d.variants.map((v) => ({ slug: v.slug, title: v.title, intro: v.intro, questions: v.questions.map((q) => question(q, v.questions)) })),
    },
    typing,
  };
}

/** The choices a show-if may wait for: an earlier question's options, or 1–5 for a scale. */
export function answersOf(q: QuestionDraft | undefined): Array<readonly [string, string]> {
  if (!q) return [];
  if (q.type === "scale") return ["1", "2", "3", "4", "5"].map((n) => [n, n] as const);
  return options(q).map((o) => [o.value, o.label] as const);
}
