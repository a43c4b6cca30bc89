// The clients a widget in tabling mode talks through: the real one, with every write marked as
// taken at a table (channel "tabling", with the time it was collected), kept on the device when
// the API cannot be reached, and the campaign read from the device's last copy when offline.
import { CkApiError, CkNetworkError, newIdempotencyKey, type CoalitionClient } from "@coalition-kit/sdk/lite";
import type { PetitionResponse, PetitionStats, RegisterResponse, TrainingSeriesResponse, TrainingSession } from "@coalition-kit/schema";
import { cachedRead, enqueue, keepRead, refuse, remove, type QueuedAction } from "./tabling-queue.js";

/** A read: fresh when the API answers (and kept), else the device's last copy. */
async function readThrough<T>(url: string, read: () => Promise<T>): Promise<T> {
  try {
    const value = await read();
    void keepRead(url, value);
    return value;
  } catch (error) {
    if (!(error instanceof CkNetworkError)) throw error;
    const kept = await cachedRead<T>(url);
    if (kept === undefined) throw error;
    return kept;
  }
}

/** Whether an answer means "try again later" rather than "the API refused it". */
const retryLater = (error: unknown) => error instanceof CkNetworkError || (error instanceof CkApiError && (error.status === 429 || error.status >= 500));

/** The API's words for a refusal: each field's message, or its one line. */
const reasonOf = (error: unknown) => (error instanceof CkApiError && Object.keys(error.fields).length ? Object.values(error.fields).join(" ") : error instanceof Error ? error.message : String(error));

/**
 * `real`, for a petition at a table: see the file's comment. `scope` names this widget's queue;
 * `wasQueued()` says whether the last signature was kept on the device rather than sent.
 */
export function tablingPetitionClient(real: CoalitionClient, scope: string): TablingClient {
  const base = real.baseUrl.replace(/\/+$/, "");
  let stats: PetitionStats = { total: 0, goal: 0, partners: [] };
  const writes = tablingWrites(scope);
  const client: CoalitionClient = {
    ...real,
    petitions: {
      ...real.petitions,
      get: async (slug) => {
        const data = await readThrough<PetitionResponse>(`${base} ${real.partnerKey ?? ""} petition ${slug}`, () => real.petitions.get(slug));
        stats = data.stats;
        return data;
      },
      stats: async (slug) => (stats = await real.petitions.stats(slug)),
      // No connection: kept on this device under its key, sent when the connection returns.
      sign: (slug, input, options = {}) =>
        writes.write({ campaign: slug }, input, options, (taken, idempotencyKey) => real.petitions.sign(slug, taken, { idempotencyKey }), () => ({ status: "signed" as const, stats, created: true })),
    },
  };
  return { client, wasQueued: writes.wasQueued };
}

/** What a tabling client gives the widget: the client, and whether its last write waits on the device. */
export interface TablingClient {
  client: CoalitionClient;
  wasQueued(): boolean;
}

/** A write marked as taken at a table: its channel, and when it was collected (now, unless it says). */
const atTable = <T extends object>(input: T) => ({ ...input, channel: "tabling" as const, collectedAt: (input as { collectedAt?: string }).collectedAt ?? new Date().toISOString() });

/**
 * The writes of one tabling client: each is marked as taken at a table and sent under its
 * Idempotency-Key; without a connection it is kept on this device under that key (sent when the
 * connection returns) and answered with `kept()`. `wasQueued()` says which happened last.
 */
function tablingWrites(scope: string) {
  let lastQueued = false;
  return {
    wasQueued: () => lastQueued,
    async write<I extends object, T>(target: { campaign: string; session?: string }, input: I, options: { idempotencyKey?: string }, send: (taken: ReturnType<typeof atTable<I>>, idempotencyKey: string) => Promise<T>, kept: () => NoInfer<T>): Promise<T> {
      const key = options.idempotencyKey ?? newIdempotencyKey();
      const taken = atTable(input);
      lastQueued = false;
      try {
        return await send(taken, key);
      } catch (error) {
        if (!(error instanceof CkNetworkError)) throw error;
        await enqueue({ key, scope, ...target, input: taken as Record<string, unknown>, state: "waiting" });
        lastQueued = true;
        return kept();
      }
    },
  };
}

/** `real`, for a survey at a table (students in a classroom): as the petition's, for responses. */
export function tablingSurveyClient(real: CoalitionClient, scope: string): TablingClient {
  const base = real.baseUrl.replace(/\/+$/, "");
  const writes = tablingWrites(scope);
  const client: CoalitionClient = {
    ...real,
    surveys: {
      ...real.surveys,
      get: (slug) => readThrough(`${base} ${real.partnerKey ?? ""} survey ${slug}`, () => real.surveys.get(slug)),
      respond: (slug, variant, input, options = {}) =>
        writes.write({ campaign: slug }, input, options, (taken, idempotencyKey) => real.surveys.respond(slug, variant, taken, { idempotencyKey }), () => ({ status: "recorded" as const })),
    },
  };
  return { client, wasQueued: writes.wasQueued };
}

/**
 * `real`, for training registration at a table: as the petition's, for registrations. A
 * registration kept on the device answers with no personal links (no calendar, cancel or join
 * link: those come in the confirmation email once it is sent) and the session as last read.
 */
export function tablingTrainingClient(real: CoalitionClient, scope: string): TablingClient {
  const base = real.baseUrl.replace(/\/+$/, "");
  const sessions = new Map<string, TrainingSession>();
  const writes = tablingWrites(scope);
  const client: CoalitionClient = {
    ...real,
    trainings: {
      ...real.trainings,
      get: async (slug) => {
        const data = await readThrough<TrainingSeriesResponse>(`${base} ${real.partnerKey ?? ""} training ${slug}`, () => real.trainings.get(slug));
        for (const session of data.sessions) sessions.set(session.id, session);
        return data;
      },
      register: (series, session, input, options = {}) =>
        writes.write({ campaign: series, session }, input, options, (taken, idempotencyKey) => real.trainings.register(series, session, taken, { idempotencyKey }), () => {
          const saved: RegisterResponse & { created: boolean } = { status: "registered", waitlistPosition: null, session: sessions.get(session)!, virtualLink: null, calendarUrl: "", cancelUrl: "", created: true };
          return saved;
        }),
    },
  };
  return { client, wasQueued: writes.wasQueued };
}

/** Send one waiting action with `real`, as its widget would have. */
export type SendAction = (real: CoalitionClient, action: QueuedAction) => Promise<unknown>;
export const sendSignature: SendAction = (real, a) => real.petitions.sign(a.campaign, a.input as never, { idempotencyKey: a.key });
export const sendRegistration: SendAction = (real, a) => real.trainings.register(a.campaign, a.session ?? "", a.input as never, { idempotencyKey: a.key });
export const sendResponse: SendAction = (real, a) => real.surveys.respond(a.campaign, undefined as never, a.input as never, { idempotencyKey: a.key });

/**
 * Send what waits in `actions` with `real`, oldest first, each under its own key: stored ones leave
 * the queue, refused ones stay with the API's reason, and a lost connection stops the round (the
 * next one starts where it stopped). Returns how many were stored.
 */
export async function syncQueued(real: CoalitionClient, actions: QueuedAction[], send: SendAction): Promise<number> {
  let sent = 0;
  for (const action of actions) {
    if (action.state !== "waiting") continue;
    try {
      await send(real, action);
      await remove(action.key);
      sent += 1;
    } catch (error) {
      if (retryLater(error)) break;
      await refuse(action, reasonOf(error));
    }
  }
  return sent;
}
