export { createClient, type CoalitionClient } from "./client.js";
export type { ClientOptions } from "./http.js";
export type { PetitionsApi, SignOptions, SignResult } from "./petitions.js";
export type { TrainingsApi, RegisterResult } from "./trainings.js";
export type { StoriesApi, WallQuery } from "./stories.js";
export type { SurveysApi } from "./surveys.js";
export { CkError, CkApiError, CkNetworkError, CkResponseError } from "./errors.js";
export { newIdempotencyKey } from "./idempotency.js";
export type * from "@coalition-kit/schema";
