import type { Question, SurveyVariant } from "./survey.js";
import { CHOOSE_FROM_LIST, REQUIRED_ANSWER, SCALE_MESSAGE } from "./vocabulary.js";

export type AnswerValue = string | string[] | number;

/** Whether a question is shown, given the answers so far. */
export function isShown(question: Question, answers: Readonly<Record<string, AnswerValue | undefined>>): boolean {
  if (!question.showIf) return true;
  const given = answers[question.showIf.question];
  if (question.showIf.equals !== undefined) return given !== undefined && String(given) === question.showIf.equals;
  if (question.showIf.includes !== undefined) return Array.isArray(given) && given.includes(question.showIf.includes);
  return true;
}

function blank(value: AnswerValue | undefined): boolean {
  return value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

/**
 * Check answers against a variant: required questions answered, choices from the list, scale 1–5,
 * text within its length. Hidden questions must be unanswered. Returns question id -> message.
 * The widget and the API both call this, so they say the same thing.
 */
export function validateAnswers(variant: SurveyVariant, answers: Readonly<Record<string, AnswerValue | undefined>>): Record<string, string> {
  const errors: Record<string, string> = {};
  const known = new Set(variant.questions.map((q) => q.id));
  for (const id of Object.keys(answers)) if (!known.has(id) && !blank(answers[id])) errors[id] = "This question is not part of the survey.";
  for (const q of variant.questions) {
    const value = answers[q.id];
    if (!isShown(q, answers)) {
      if (!blank(value)) errors[q.id] = "This question does not apply to your earlier answer.";
      continue;
    }
    if (blank(value)) {
      if (q.required) errors[q.id] = REQUIRED_ANSWER;
      continue;
    }
    const values = new Set((q.options ?? []).map((o) => o.value));
    switch (q.type) {
      case "single":
        if (typeof value !== "string" || !values.has(value)) errors[q.id] = CHOOSE_FROM_LIST;
        break;
      case "multiple":
        if (!Array.isArray(value) || value.some((v) => !values.has(v)) || new Set(value).size !== value.length) errors[q.id] = "Choose from the options listed.";
        break;
      case "scale":
        if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 5) errors[q.id] = SCALE_MESSAGE;
        break;
      default: {
        const max = q.maxLength ?? (q.type === "short_text" ? 200 : 2000);
        if (typeof value !== "string") errors[q.id] = "Answer with text.";
        else if (value.trim().length > max) errors[q.id] = `Keep your answer under ${max} characters.`;
      }
    }
  }
  return errors;
}
