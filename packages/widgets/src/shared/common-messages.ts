import { defineMessages } from "./define-messages.js";

/** Strings several widgets share, in the active language on every read (see shared/i18n.ts). */
export const commonMessages = defineMessages("common", {
  tryAgain: "Try again",
  networkError: "We couldn't reach the server. Check your connection and try again.",
  firstName: "First name",
  lastNameOptional: "Last name (optional)",
  email: "Email",
  ageLegend: "Your age",
  ageBands: { under_13: "Under 13", "13_17": "13 to 17", "18_plus": "18 or older" },
  guardianEmail: "Parent or guardian's email",
  formats: { virtual: "Online", in_person: "In person", hybrid: "In person and online" },
  sending: "Sending…",
  close: "Close",
  cancelled: "Cancelled",
  joinOnline: "Join online",
  keepLink: "Keep this link: it is only for you.",
  previous: "Previous",
  next: "Next",
  link: "Link",
  consentContact: "Please agree so we can contact you, or leave your email out.",
});
