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
  /** A write's answer body. */
  const sent = async (path: string, body: unknown, key?: string) => (await write<never>(path, body, key)).data;
  /** A write's answer body, with `created` when it made something new (201). */
  const made = async (path: string, body: unknown, key?: string) => {
    const { status, data } = await write<object>(path, body, key);
    return { ...data, created: status === 201 } as never;
  };
  return {
    baseUrl: options.baseUrl,
    partnerKey: options.partnerKey,
    petitions: {
      get: (slug) => http.get(`v1/petitions/${enc(slug)}`),
      stats: async (slug) => (await http.get<{ stats: never }>(`v1/petitions/${enc(slug)}/stats`)).stats,
      sign: (slug, input, o = {}) => made(`v1/petitions/${enc(slug)}/signatures`, input, o.idempotencyKey),
      validate: none,
    },
    trainings: {
      get: (series) => http.get(`v1/trainings/${enc(series)}`),
      register: (series, session, input, o = {}) => made(`v1/trainings/${enc(series)}/sessions/${enc(session)}/registrations`, input, o.idempotencyKey),
      cancel: (token) => sent("v1/registrations/cancel", { token }),
      validate: none,
    },
    stories: {
      get: (campaign) => http.get(`v1/stories/${enc(campaign)}`),
      submit: (campaign, input, o = {}) => sent(`v1/stories/${enc(campaign)}`, input, o.idempotencyKey),
      wall(campaign, q = {}) {
        const params = new URLSearchParams();
        for (const [k, v] of Object.entries(q)) if (v !== undefined) params.set(k, String(v));
        const qs = params.toString();
        return http.get(`v1/stories/${enc(campaign)}/wall${qs ? `?${qs}` : ""}`);
      },
      withdraw: (token) => sent("v1/stories/withdraw", { token }),
      validate: none,
    },
    surveys: {
      get: (survey) => http.get(`v1/surveys/${enc(survey)}`),
      respond: (survey, _variant, input, o = {}) => sent(`v1/surveys/${enc(survey)}/responses`, input, o.idempotencyKey),
      results: (survey, variant) => http.get(`v1/surveys/${enc(survey)}/results${variant ? `?variant=${enc(variant)}` : ""}`),
      validate: none,
    },
    meetings: {
      get: (meeting, o = {}) => http.get(`v1/meetings/${enc(meeting)}${o.count ? `?count=${o.count}` : ""}`),
      rsvp: (meeting, input, o = {}) => sent(`v1/meetings/${enc(meeting)}/rsvps`, input, o.idempotencyKey),
      validate: none,
    },
  };
}

export { CkApiError, CkError, CkNetworkError, CkResponseError } from "../errors.js";
export { newIdempotencyKey } from "../idempotency.js";
export type { CoalitionClient } from "../client.js";
