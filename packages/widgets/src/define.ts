import { CkMeetingRsvp } from "./meeting/ck-meeting-rsvp.js";
import { CkPetition } from "./petition/ck-petition.js";
import { CkProvider } from "./shared/ck-provider.js";
import { CkStoryForm } from "./story/ck-story-form.js";
import { CkStoryWall } from "./story/ck-story-wall.js";
import { CkSurvey } from "./survey/ck-survey.js";
import { CkTrainingCalendar } from "./training/ck-training-calendar.js";

/** Register every Coalition Kit element (safe to load twice, e.g. two script tags on one page). */
const elements: Array<[string, CustomElementConstructor]> = [
  ["ck-provider", CkProvider],
  ["ck-petition", CkPetition],
  ["ck-training-calendar", CkTrainingCalendar],
  ["ck-story-form", CkStoryForm],
  ["ck-story-wall", CkStoryWall],
  ["ck-survey", CkSurvey],
  ["ck-meeting-rsvp", CkMeetingRsvp],
];
for (const [name, element] of elements) {
  if (!customElements.get(name)) customElements.define(name, element);
}

// The .d.ts of this entry point brings every element's tag name (and the ck-* event maps) in.
export type { CkElements } from "./shared/element-types.js";
