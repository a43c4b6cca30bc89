import type { LitElement } from "lit";
import type { CkMeetingRsvp } from "../meeting/ck-meeting-rsvp.js";
import type { CkPetition } from "../petition/ck-petition.js";
import type { CkStoryForm } from "../story/ck-story-form.js";
import type { CkStoryWall } from "../story/ck-story-wall.js";
import type { CkSurvey } from "../survey/ck-survey.js";
import type { CkTrainingCalendar } from "../training/ck-training-calendar.js";
import type { CkProvider } from "./ck-provider.js";
import type { CkEventMap } from "./events.js";

/** Every Coalition Kit element by tag name (what the React and Vue type entry points describe). */
export interface CkElements {
  "ck-provider": CkProvider;
  "ck-petition": CkPetition;
  "ck-training-calendar": CkTrainingCalendar;
  "ck-story-form": CkStoryForm;
  "ck-story-wall": CkStoryWall;
  "ck-survey": CkSurvey;
  "ck-meeting-rsvp": CkMeetingRsvp;
}

/** The events each element dispatches. */
export interface CkElementEvents {
  "ck-provider": Record<never, never>;
  "ck-petition": CkEventMap;
  "ck-training-calendar": CkEventMap;
  "ck-story-form": CkEventMap;
  "ck-story-wall": Pick<CkEventMap, "ck-error">;
  "ck-survey": CkEventMap;
  "ck-meeting-rsvp": CkEventMap;
}

/**
 * An element's own public properties, all optional: `petition`, `pollInterval`, `api`, `client`, …
 * (what a framework sets; kebab-case attributes such as `poll-interval` map onto them).
 */
export type CkElementProperties<E> = {
  [K in Exclude<keyof E, keyof LitElement> as E[K] extends (...args: never[]) => unknown ? never : K]?: E[K];
};
