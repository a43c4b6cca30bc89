// Tabling mode's storage on the shared device (IndexedDB through idb-keyval): the actions taken
// while the API could not be reached, each under the Idempotency-Key it will be sent with, and
// the last copy of each campaign the device read, so the form (and its exact consent texts) still
// shows after a reload without a connection. An action leaves the queue once the API has stored
// it; one the API refuses stays, with the reason, until the organizer removes it.
import { createStore, del, entries, get, set, type UseStore } from "idb-keyval";

/** One action waiting on this device. */
export interface QueuedAction {
  /** The Idempotency-Key it is sent with: a second sync of it stores nothing new. */
  key: string;
  /** Which widget and campaign it belongs to: `<api> <vertical> <campaign>`. */
  scope: string;
  /** The campaign's slug (the petition, survey or training series). */
  campaign: string;
  /** The training session registered for (registrations only; entries kept before it have none). */
  session?: string;
  /** What is sent, with its channel ("tabling") and collection time. */
  input: Record<string, unknown>;
  /** "waiting" to be sent; "refused" by the API, with its words in `reason`. */
  state: "waiting" | "refused";
  reason?: string;
}

let queueStore: UseStore | undefined;
let readStore: UseStore | undefined;
const queueDb = () => (queueStore ??= createStore("coalition-kit-tabling", "queue"));
const readDb = () => (readStore ??= createStore("coalition-kit-tabling-reads", "reads"));

/** Tell the status lines in this page that the queue changed. */
export const queueChanges = new EventTarget();
const changed = () => queueChanges.dispatchEvent(new Event("change"));

export async function enqueue(action: QueuedAction): Promise<void> {
  await set(action.key, action, queueDb());
  changed();
}

/** The actions of `scope`, oldest first. */
export async function queued(scope: string): Promise<QueuedAction[]> {
  const all = (await entries<string, QueuedAction>(queueDb())).map(([, a]) => a).filter((a) => a.scope === scope);
  return all.sort((a, b) => String(a.input["collectedAt"]).localeCompare(String(b.input["collectedAt"])));
}

export async function remove(key: string): Promise<void> {
  await del(key, queueDb());
  changed();
}

export async function refuse(action: QueuedAction, reason: string): Promise<void> {
  await set(action.key, { ...action, state: "refused", reason }, queueDb());
  changed();
}

/** The last answer read for `url` on this device, and keeping a new one. */
export const cachedRead = <T>(url: string) => get<T>(url, readDb());
export const keepRead = (url: string, value: unknown) => set(url, value, readDb());
