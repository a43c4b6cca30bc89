/**
 * `@coalition-kit/sdk/lite`: the same client interface as createClient, on plain fetch and with no
 * validation library. Its `validate()` methods check nothing locally: the API validates every
 * request with the shared schema and returns the same field messages (surveys can call
 * validateAnswers from "@coalition-kit/schema/rules", which needs no schema library).
 */
import type { CoalitionClient } from "../client.js";
import { newIdempotencyKey } from "../idempotency.js";
import { liteTransport, type LiteOptions, type Transport } from "./transport.js";

export type { LiteOptions } from "./transport.js";

const enc = encodeURIComponent;
const none = () => ({});

/** What a vertical's methods are built from: the transport, and writes that answer with their body. */
export interface LiteKit {
  http: Transport;
  /** A write's answer body. */
  sent(path: string, body: unknown, key?: string): Promise<never>;
  /** A write's answer body, with `created` when it made something new (201). */
  made(path: string, body: unknown, key?: string): Promise<never>;
}

/** One vertical of the client (`petitions`, `trainings`…), built from a kit. */
export type LiteVertical<K extends Vertical> = (kit: LiteKit) => Pick<CoalitionClient, K>;
type Vertical = Exclude<keyof CoalitionClient, "baseUrl" | "partnerKey">;

export const petitionsLite: LiteVertical<"petitions"> = ({ http, made }) => ({
  petitions: {
    get: (slug) => http.get(`v1/petitions/${enc(slug)}`),
    stats: async (slug) => (await http.get<{ stats: never }>(`v1/petitions/${enc(slug)}/stats`)).stats,
    sign: (slug, input, o = {}) => made(`v1/petitions/${enc(slug)}/signatures`, input, o.idempotencyKey),
    validate: none,
  },
});

export const trainingsLite: LiteVertical<"trainings"> = ({ http, made, sent }) => ({
  trainings: {
    get: (series) => http.get(`v1/trainings/${enc(series)}`),
    register: (series, session, input, o = {}) => made(`v1/trainings/${enc(series)}/sessions/${enc(session)}/registrations`, input, o.idempotencyKey),
    cancel: (token) => sent("v1/registrations/cancel", { token }),
    validate: none,
  },
});

export const storiesLite: LiteVertical<"stories"> = ({ http, sent }) => ({
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
});

export const surveysLite: LiteVertical<"surveys"> = ({ http, sent }) => ({
  surveys: {
    get: (survey) => http.get(`v1/surveys/${enc(survey)}`),
    respond: (survey, _variant, input, o = {}) => sent(`v1/surveys/${enc(survey)}/responses`, input, o.idempotencyKey),
    results: (survey, variant) => http.get(`v1/surveys/${enc(survey)}/results${variant ? `?variant=${enc(variant)}` : ""}`),
    validate: none,
  },
});

export const meetingsLite: LiteVertical<"meetings"> = ({ http, sent }) => ({
  meetings: {
    get: (meeting, o = {}) => http.get(`v1/meetings/${enc(meeting)}${o.count ? `?count=${o.count}` : ""}`),
    rsvp: (meeting, input, o = {}) => sent(`v1/meetings/${enc(meeting)}/rsvps`, input, o.idempotencyKey),
    validate: none,
  },
});

/**
 * A client with only the verticals given (`composeLiteClient(options, [petitionsLite])`): a page
 * with one widget ships only that widget's calls. With none, a client that only names its API and
 * partner (what <ck-provider> shares: each widget builds its own vertical from it).
 */
export function composeLiteClient<K extends Vertical>(options: LiteOptions, verticals: ReadonlyArray<LiteVertical<K>>): Pick<CoalitionClient, "baseUrl" | "partnerKey" | K> {
  const http = liteTransport(options);
  const write = async <T>(path: string, body: unknown, key?: string) => http.post<T>(path, body, key ?? newIdempotencyKey());
  const kit: LiteKit = {
    http,
    sent: async (path, body, key) => (await write<never>(path, body, key)).data,
    made: async (path, body, key) => {
      const { status, data } = await write<object>(path, body, key);
      return { ...data, created: status === 201 } as never;
    },
  };
  return Object.assign({ baseUrl: options.baseUrl, partnerKey: options.partnerKey }, ...verticals.map((build) => build(kit)));
}

/** Every vertical: the same client interface as createClient. */
export function createLiteClient(options: LiteOptions): CoalitionClient {
  return composeLiteClient(options, [petitionsLite, trainingsLite, storiesLite, surveysLite, meetingsLite] as ReadonlyArray<LiteVertical<Vertical>>);
}

export { CkApiError, CkError, CkNetworkError, CkResponseError } from "../errors.js";
export { newIdempotencyKey } from "../idempotency.js";
export type { CoalitionClient } from "../client.js";
