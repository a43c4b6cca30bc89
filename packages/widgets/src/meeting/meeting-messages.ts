import { msg, str } from "../shared/localize.js";
import { defineMessages } from "../shared/define-messages.js";

/** Strings of <ck-meeting-rsvp>, in the active language on every read. */
export const meetingMessages = defineMessages(
  "meeting",
  {
    loading: "Loading meetings…",
    loadFailed: "We couldn't load the meetings.",
    moved: "Moved",
    rsvp: "RSVP",
    everyWeekButton: "RSVP for every week",
    responseLegend: "Will you come?",
    responses: { yes: "Yes, I'll be there", maybe: "Maybe", no: "No, I can't make it" },
    scopeLegend: "For",
    scopeEvery: "Every week, from now on",
    submit: "Send RSVP",
    savedEvery: "Thanks! Your RSVP for every week is saved.",
    manage: "Change or cancel my RSVP",
    subscribe: "Add all meetings to my calendar",
    none: "No upcoming meetings.",
  },
  {
    plannedIn: (zone: string) => msg(str`(${zone.replace(/_/g, " ")} time)`, { id: "meeting.plannedIn" }),
    counts: (yes: number, maybe: number) => (maybe ? msg(str`${yes} going · ${maybe} maybe`, { id: "meeting.countsMaybe" }) : msg(str`${yes} going`, { id: "meeting.counts" })),
    scopeOne: (when: string) => msg(str`Just this meeting (${when})`, { id: "meeting.scopeOne" }),
    savedOne: (when: string) => msg(str`Thanks! Your RSVP for ${when} is saved.`, { id: "meeting.savedOne" }),
  },
);
