/**
 * `@coalition-kit/sdk/lite`: the same client interface as createClient, on plain fetch and with no
 * validation library. Its `validate()` methods check nothing locally: the API validates every
 * request with the shared schema and returns the same field messages (surveys can call
 * validateAnswers from "@coalition-kit/schema/rules", which needs no schema library).
 */
import type { CoalitionClient } from "../client.js";
import { newIdempotencyKey } from "../idempotency.js";
import { liteTransport, type LiteOptions } from "./transport.js";

export type { LiteOptions } from "./transport.js";

const enc = encodeURIComponent;
const none = () => ({});

export function createLiteClient(options: LiteOptions): CoalitionClient {
  const http = liteTransport(options);
  const write = async <T>(path: string, body: unknown, key?: string) => http.post<T>(path, body, key ?? newIdempotencyKey());
  return {
    baseUrl: options.baseUrl,
    partnerKey: options.partnerKey,
    petitions: {
      get: (slug) => http.get(`v1/petitions/${enc(slug)}`),
      stats: async (slug) => (await http.get<{ stats: never }>(`v1/petitions/${enc(slug)}/stats`)).stats,
      async sign(slug, input, o = {}) {
        const { status, data } = await write<Awaited<ReturnType<CoalitionClient["petitions"]["sign"]>>>(`v1/petitions/${enc(slug)}/signatures`, input, o.idempotencyKey);
        return { ...data, created: status === 201 };
      },
      validate: none,
    },
    trainings: {
      get: (series) => http.get(`v1/trainings/${enc(series)}`),
      async register(series, session, input, o = {}) {
        const { status, data } = await write<Awaited<ReturnType<CoalitionClient["trainings"]["register"]>>>(`v1/trainings/${enc(series)}/sessions/${enc(session)}/registrations`, input, o.idempotencyKey);
        return { ...data, created: status === 201 };
      },
      cancel: async (token) => (await write<never>("v1/registrations/cancel", { token })).data,
      validate: none,
    },
    stories: {
      get: (campaign) => http.get(`v1/stories/${enc(campaign)}`),
      submit: async (campaign, input, o = {}) => (await write<never>(`v1/stories/${enc(campaign)}`, input, o.idempotencyKey)).data,
      wall(campaign, q = {}) {
        const params = new URLSearchParams();
        for (const [k, v] of Object.entries(q)) if (v !== undefined) params.set(k, String(v));
        const qs = params.toString();
        return http.get(`v1/stories/${enc(campaign)}/wall${qs ? `?${qs}` : ""}`);
      },
      withdraw: async (token) => (await write<never>("v1/stories/withdraw", { token })).data,
      validate: none,
    },
    surveys: {
      get: (survey) => http.get(`v1/surveys/${enc(survey)}`),
      respond: async (survey, _variant, input, o = {}) => (await write<never>(`v1/surveys/${enc(survey)}/responses`, input, o.idempotencyKey)).data,
      results: (survey, variant) => http.get(`v1/surveys/${enc(survey)}/results${variant ? `?variant=${enc(variant)}` : ""}`),
      validate: none,
    },
    meetings: {
      get: (meeting, o = {}) => http.get(`v1/meetings/${enc(meeting)}${o.count ? `?count=${o.count}` : ""}`),
      rsvp: async (meeting, input, o = {}) => (await write<never>(`v1/meetings/${enc(meeting)}/rsvps`, input, o.idempotencyKey)).data,
      validate: none,
    },
  };
}

export { CkApiError, CkError, CkNetworkError, CkResponseError } from "../errors.js";
export { newIdempotencyKey } from "../idempotency.js";
export type { CoalitionClient } from "../client.js";
