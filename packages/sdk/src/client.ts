import { createHttp, type ClientOptions } from "./http.js";
import { meetingsApi, type MeetingsApi } from "./meetings.js";
import { petitionsApi, type PetitionsApi } from "./petitions.js";
import { storiesApi, type StoriesApi } from "./stories.js";
import { surveysApi, type SurveysApi } from "./surveys.js";
import { trainingsApi, type TrainingsApi } from "./trainings.js";

export interface CoalitionClient {
  readonly baseUrl: string;
  readonly partnerKey: string | undefined;
  readonly petitions: PetitionsApi;
  readonly trainings: TrainingsApi;
  readonly stories: StoriesApi;
  readonly surveys: SurveysApi;
  readonly meetings: MeetingsApi;
}

/** Create a typed client for the Coalition Kit API. */
export function createClient(options: ClientOptions): CoalitionClient {
  if (!options.baseUrl) throw new TypeError("createClient: baseUrl is required");
  const http = createHttp(options);
  return {
    baseUrl: options.baseUrl,
    partnerKey: options.partnerKey,
    petitions: petitionsApi(http),
    trainings: trainingsApi(http),
    stories: storiesApi(http),
    surveys: surveysApi(http),
    meetings: meetingsApi(http),
  };
}
