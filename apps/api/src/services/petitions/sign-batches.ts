// Group commit for signatures. Each sign_petition call is its own transaction, and on PostgreSQL
// its round trip and commit cost about as much as the work inside it. So signatures that arrive
// while earlier ones are being stored wait for them and then go to the database together: one
// sign_petitions call (migrations/functions/sign_petitions.sql), one commit, each signature
// answered on its own. A lone signature goes at once, as before, so nobody waits when it is quiet;
// under load a signature waits for at most the batch ahead of it.
//
// Every promise of a single call holds for each one in a batch: nothing is answered before the
// batch commits (a crash loses nothing acknowledged), the counts, consents, outbox rows and stored
// Idempotency-Key answers are the ones sign_petition writes. When a batch fails (a lost race for an
// Idempotency-Key, a deadlock between two batches, one signature the database refuses), nothing of
// it was written and each signature is signed again on its own, so one bad signature fails alone.
import type { Db } from "../../db/types.js";

/** sign_petition's 26 parameters, in order. */
export type SignParams = readonly unknown[];

/** Where p_asked_for sits among them: the same for every call, sent once per batch. */
const ASKED_FOR_AT = 22;

/** At most this many signatures per call (PostgreSQL caches 64 subtransactions; we use none, but keep calls short). */
export const MAX_BATCH = 32;

/**
 * Calls in flight at once per database. PGlite runs one statement at a time, so a second in flight
 * only waits; on PostgreSQL two keep both the database and the API busy while batches stay large.
 */
const IN_FLIGHT: Record<Db["kind"], number> = { pglite: 1, postgres: 2 };

const SIGN_SQL = `select sign_petition(${Array.from({ length: 26 }, (_, i) => `$${i + 1}`).join(", ")}) as result`;
const SIGN_MANY_SQL = "select sign_petitions($1::json, $2::text[]) as result";

/** What sign_petition raises when a concurrent call with the same Idempotency-Key committed first. */
const LOST_KEY_RACE = "CK409";

interface Waiting {
  params: SignParams;
  resolve: (answer: unknown) => void;
  reject: (error: unknown) => void;
}

const parsed = (raw: unknown) => (typeof raw === "string" ? JSON.parse(raw) : raw);

/**
 * One sign_petition call. A call that lost the race for its Idempotency-Key was rolled back whole
 * (it wrote nothing); called again, it finds the winner's stored answer and replays it (or answers
 * idempotency_conflict for another body). Once is enough: the winner's answer is committed by then.
 */
export async function signOne(db: Db, params: SignParams): Promise<unknown> {
  let rows: { result: unknown }[];
  try {
    rows = await db.query<{ result: unknown }>(SIGN_SQL, params);
  } catch (error) {
    if ((error as { code?: unknown }).code !== LOST_KEY_RACE) throw error;
    rows = await db.query<{ result: unknown }>(SIGN_SQL, params);
  }
  return parsed(rows[0]!.result);
}

/** The signatures of one database waiting for a call, and the calls in flight. */
class SignBatches {
  private readonly waiting: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;
  constructor(private readonly db: Db) {}

  sign(params: SignParams): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ params, resolve, reject });
      // Requests already read from their sockets reach here in this turn of the event loop: gather
      // them first (PGlite runs a call to its end before anything else runs, so without this turn
      // nothing would ever wait).
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.next();
        });
      }
    });
  }

  private next(): void {
    while (this.inFlight < IN_FLIGHT[this.db.kind] && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      this.inFlight += 1;
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        this.next();
      });
    }
  }

  private async run(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) return settle(batch[0]!, signOne(this.db, batch[0]!.params));
    let answers: unknown[];
    try {
      const calls = batch.map(({ params }) => params.filter((_, i) => i !== ASKED_FOR_AT));
      const rows = await this.db.query<{ result: unknown }>(SIGN_MANY_SQL, [JSON.stringify(calls), batch[0]!.params[ASKED_FOR_AT]]);
      answers = parsed(rows[0]!.result) as unknown[];
    } catch {
      // Nothing of the batch was written: each signature on its own, its error its own.
      await Promise.all(batch.map((waiting) => settle(waiting, signOne(this.db, waiting.params))));
      return;
    }
    batch.forEach((waiting, i) => waiting.resolve(parsed(answers[i])));
  }
}

async function settle(waiting: Waiting, answer: Promise<unknown>): Promise<void> {
  try {
    waiting.resolve(await answer);
  } catch (error) {
    waiting.reject(error);
  }
}

const batches = new WeakMap<Db, SignBatches>();

/** Sign through the database's batches: at once when nothing is in flight, else with the next batch. */
export function signThroughBatch(db: Db, params: SignParams): Promise<unknown> {
  let mine = batches.get(db);
  if (!mine) batches.set(db, (mine = new SignBatches(db)));
  return mine.sign(params);
}
