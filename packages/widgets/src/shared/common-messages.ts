import { defineMessages } from "./define-messages.js";

// Strings several widgets share, in the active language on every read (see shared/i18n.ts), in
// tables by who uses them: each table is pure, so a widget's bundle carries only the ones it reads.
// The ids stay "common.<key>" whichever table holds a string.

/** Every widget: load states and a person's contact details. */
export const commonMessages = /* @__PURE__ */ defineMessages("common", {
  tryAgain: "Try again",
  networkError: "We couldn't reach the server. Check your connection and try again.",
  firstName: "First name",
  lastNameOptional: "Last name (optional)",
  email: "Email",
});

/** The petition and the story form, where students may take part: the age question and a guardian's email. */
export const minorMessages = /* @__PURE__ */ defineMessages("common", {
  ageLegend: "Your age",
  ageBands: { under_13: "Under 13", "13_17": "13 to 17", "18_plus": "18 or older" },
  guardianEmail: "Parent or guardian's email",
});

/** The training calendar and the meeting RSVP: sessions on dates, each with an inline form. */
export const scheduleMessages = /* @__PURE__ */ defineMessages("common", {
  formats: { virtual: "Online", in_person: "In person", hybrid: "In person and online" },
  close: "Close",
  cancelled: "Cancelled",
  joinOnline: "Join online",
});

/** The story form, the survey and the meeting RSVP: the plain sending label and the note under a personal link. */
export const sendingMessages = /* @__PURE__ */ defineMessages("common", {
  sending: "Sending…",
  keepLink: "Keep this link: it is only for you.",
});

/** The story wall and the survey: moving between pages or questions. */
export const pagerMessages = /* @__PURE__ */ defineMessages("common", {
  previous: "Previous",
  next: "Next",
});
