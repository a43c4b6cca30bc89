export { CkPetition, type PetitionPhase } from "./petition/ck-petition.js";
export { CkProvider } from "./shared/ck-provider.js";
export { CkTrainingCalendar } from "./training/ck-training-calendar.js";
export { CkStoryForm } from "./story/ck-story-form.js";
export { CkStoryWall } from "./story/ck-story-wall.js";
export { clientContext } from "./shared/context.js";
export type { CkSubmitDetail, CkSuccessDetail, CkErrorDetail } from "./shared/events.js";
export { CkSurvey } from "./survey/ck-survey.js";
export { CkMeetingRsvp } from "./meeting/ck-meeting-rsvp.js";
