// Delivering one outbox event to an OSDI connector (Action Network included): the request it
// becomes (osdi-person.ts), and what the answer means for the event and the connector.
import type { Db } from "../../db/types.js";
import { sendOutbound, type OutboundAnswer } from "../webhooks/outbound-http.js";
import { openSecret } from "./connector-secrets.js";
import { personUrl, signupBody, unsubscribeBody, type OutboxEvent } from "./osdi-person.js";

/** What became of one attempt: delivered, tried again later, given up on, the connector paused, or left to the organizer. */
export type Verdict = "delivered" | "retry" | "failed" | "paused" | "todo";

export interface Attempt {
  verdict: Verdict;
  statusCode: number | null;
  error: string | null;
  /** The start of the endpoint's answer, kept in the delivery log when it refused. */
  response: string | null;
}

/** The outbox row and connector columns an OSDI delivery reads. */
export interface OsdiRow {
  endpoint_id: string;
  organization_id: string;
  event_type: string;
  payload: string;
  person_id: string | null;
  url: string;
  api_key_encrypted: string | null;
}

export interface OsdiOptions {
  timeoutMs: number;
  allowLoopback: boolean;
  signal?: AbortSignal | undefined;
  tags: string[];
}

/** What an answer's status means. 401/403: the key is refused, so the connector waits for a new one. */
function judge(answer: OutboundAnswer, ok: Verdict = "delivered"): Attempt {
  const { status, body } = answer;
  const response = body.slice(0, 1000) || null;
  if (status >= 200 && status < 300) return { verdict: ok, statusCode: status, error: null, response: null };
  const error = `HTTP ${status}`;
  if (status === 401 || status === 403) return { verdict: "paused", statusCode: status, error, response };
  if (status === 408 || status === 429 || status >= 500) return { verdict: "retry", statusCode: status, error, response };
  return { verdict: "failed", statusCode: status, error, response };
}

/** The version of the consent text the person agreed to for this organization (the latest held). */
async function consentVersion(db: Db, personId: string | null, organizationId: string): Promise<string | undefined> {
  if (!personId) return undefined;
  const rows = await db.query<{ version: string }>(
    "select version from consents where person_id = $1 and organization_id = $2 and scope in ('coalition', 'partner') order by created_at desc limit 1",
    [personId, organizationId],
  );
  return rows[0]?.version;
}

const nothingToDo: Attempt = { verdict: "delivered", statusCode: null, error: null, response: null };

/** Deliver one event to its OSDI connector; throws on a network failure (the caller retries). */
export async function deliverToOsdi(db: Db, row: OsdiRow, options: OsdiOptions): Promise<Attempt> {
  const event = JSON.parse(row.payload) as OutboxEvent;
  const apiKey = openSecret(row.api_key_encrypted ?? "");
  const headers = { "Content-Type": "application/hal+json", Accept: "application/hal+json", "OSDI-API-Token": apiKey, "User-Agent": "CoalitionKit-Connectors/1" };
  const http = { timeoutMs: options.timeoutMs, allowLoopback: options.allowLoopback, signal: options.signal };
  const signupUrl = `${row.url}/people/`;

  if (event.type === "person.erased") {
    const personId = typeof event.data["personId"] === "string" ? event.data["personId"] : undefined;
    const known = personId ? await db.query<{ remote_url: string }>("select remote_url from connector_people where endpoint_id = $1 and person_id = $2", [row.endpoint_id, personId]) : [];
    // Never delivered there (or already erased): nothing to forward.
    if (!known[0]) return nothingToDo;
    const attempt = judge(await sendOutbound("DELETE", known[0].remote_url, headers, undefined, http));
    const gone = attempt.statusCode === 404 || attempt.statusCode === 410;
    if (attempt.verdict === "delivered" || gone) {
      await db.query("delete from connector_people where endpoint_id = $1 and person_id = $2", [row.endpoint_id, personId]);
      return { ...attempt, verdict: "delivered" };
    }
    // The endpoint does not delete people through its API: the organizer does it by hand.
    return attempt.verdict === "failed" ? { ...attempt, verdict: "todo" } : attempt;
  }

  const body = event.type === "consent.withdrawn" ? unsubscribeBody(event) : signupBody(event, options.tags, await consentVersion(db, row.person_id, row.organization_id));
  if (!body) return nothingToDo;
  const answer = await sendOutbound("POST", signupUrl, headers, JSON.stringify(body), http);
  const attempt = judge(answer);
  const remote = attempt.verdict === "delivered" && row.person_id ? personUrl(answer.body) : undefined;
  if (remote) {
    await db.query(
      "insert into connector_people (endpoint_id, person_id, remote_url) values ($1, $2, $3) on conflict (endpoint_id, person_id) do update set remote_url = excluded.remote_url",
      [row.endpoint_id, row.person_id, remote],
    );
  }
  return attempt;
}
