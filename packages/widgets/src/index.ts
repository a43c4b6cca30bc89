export { CkPetition, type PetitionPhase } from "./petition/ck-petition.js";
export { CkProvider } from "./shared/ck-provider.js";
export { CkTrainingCalendar } from "./training/ck-training-calendar.js";
export { clientContext } from "./shared/context.js";
export type { CkSubmitDetail, CkSuccessDetail, CkErrorDetail } from "./shared/events.js";
