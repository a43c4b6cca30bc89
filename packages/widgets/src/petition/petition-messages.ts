import { msg, str } from "../shared/localize.js";
import { defineMessages } from "../shared/define-messages.js";

/** Strings only <ck-petition> uses, in the active language on every read (shared ones: commonMessages). */
export const messages = defineMessages(
  "petition",
  {
    loading: "Loading petition…",
    loadFailed: "We couldn't load this petition.",
    progressLabel: "Progress toward the goal",
    byPartner: "Signatures by partner",
    formHeading: "Add your name",
    zip: "ZIP code",
    guardianNote: "Because you are under 13, a parent or guardian must agree before you sign.",
    submit: "Add your name",
    submitting: "Adding your name…",
    privacy: "We only use your information as you choose above. We never sell it.",
    thanks: "Thank you for adding your name!",
    alreadySigned: "You've already signed this petition. Thank you!",
    closed: "This petition is closed.",
    readFull: "Read the full petition",
    missingSetup: "This petition is missing its setup (petition and API address).",
  },
  {
    to: (target: string) => msg(str`To: ${target}`, { id: "petition.to" }),
    signatures: (n: string, count: number) => (count === 1 ? msg(str`${n} signature`, { id: "petition.signature" }) : msg(str`${n} signatures`, { id: "petition.signatures" })),
    ofGoal: (n: string, goal: string) => msg(str`${n} of ${goal} goal`, { id: "petition.ofGoal" }),
    /** Before the count is shown (a petition that hides a small count). */
    goalOnly: (goal: string) => msg(str`Help us reach ${goal} signatures.`, { id: "petition.goalOnly" }),
    fixErrors: (n: number) => (n === 1 ? msg("Please fix 1 field.", { id: "petition.fixError" }) : msg(str`Please fix ${n} fields.`, { id: "petition.fixErrors" })),
  },
);
