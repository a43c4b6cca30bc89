export * from "./vocabulary.js";
export * from "./errors.js";
export * from "./common.js";
export * from "./petition.js";
export * from "./training.js";
export * from "./story.js";
export * from "./survey.js";
export * from "./meeting.js";
