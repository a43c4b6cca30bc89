import { msg, str } from "../shared/localize.js";
import { defineMessages } from "../shared/define-messages.js";

/** Strings of <ck-survey>, in the active language on every read. */
export const surveyMessages = defineMessages(
  "survey",
  {
    loading: "Loading survey…",
    loadFailed: "We couldn't load this survey.",
    anonymous: "Anonymous: we don't store your name, email or IP address with your answers.",
    chooseVersion: "Which describes you?",
    progressLabel: "Survey progress",
    back: "Back",
    submit: "Send my answers",
    optional: "(optional)",
    followUpHeading: "Stay in touch (optional)",
    followUpName: "First name (optional)",
    thanks: "Thank you! Your answers were recorded.",
    resultsHeading: "What students said so far",
    followUpConsent: "Please agree so we can contact you, or leave your email out.",
  },
  {
    progress: (n: number, total: number) => msg(str`Question ${n} of ${total}`, { id: "survey.progress" }),
    suppressed: (min: number) => msg(str`Not enough answers yet to show results (we show groups of at least ${min}).`, { id: "survey.suppressed" }),
    answered: (n: number) => msg(str`${n} answered`, { id: "survey.answered" }),
    average: (n: number) => msg(str`Average: ${n} out of 5`, { id: "survey.average" }),
  },
);
