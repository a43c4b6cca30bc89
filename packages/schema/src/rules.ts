/** The zod-free part of the contract, for small browser bundles: vocabulary, messages, survey rules. */
export * from "./vocabulary.js";
export * from "./wire.js";
export { isShown, validateAnswers, type AnswerValue } from "./survey-rules.js";
