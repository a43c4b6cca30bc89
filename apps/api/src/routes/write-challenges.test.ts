// A class signing together from one school address: past the per-address rate the API asks for a
// proof-of-work (ALTCHA v2) instead of refusing; a solved challenge lets the write through once,
// for that address, for five minutes; past the far higher challenged rate it is refused. The clock
// is the test's, so no window or lifetime ends in the middle of a test.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { CHALLENGE_HEADER, ApiErrorBody, type WriteChallenge } from "@coalition-kit/schema";
import { DB_LABEL, SLUG, signer, startHarness, type Harness } from "../testing/harness.js";

const SIGN = `/v1/petitions/${SLUG}/signatures`;
let now = new Date("2026-12-03T10:00:05Z");
const clock = () => now;
/** Each test signs from its own address (behind one trusted proxy), so each starts under the limit. */
const from = (address: string, more: Record<string, string> = {}) => ({ "X-Forwarded-For": address, ...more });

/** The header a widget sends after solving `challenge`. */
async function solved(challenge: WriteChallenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  assert.ok(solution, "the challenge can be solved");
  return Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
}

/** Sign `n` times from `address` with nothing asked; returns the statuses. */
async function signTimes(h: Harness, address: string, n: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i += 1) statuses.push((await h.post(SIGN, signer(), from(address))).status);
  return statuses;
}

/** A write past the address's rate: its 429 body, which must carry a challenge. */
async function challenged(h: Harness, address: string, headers: Record<string, string> = {}, sent = signer()): Promise<{ res: Response; challenge: WriteChallenge; message: string }> {
  const res = await h.post(SIGN, sent, from(address, headers));
  assert.equal(res.status, 429);
  const body = ApiErrorBody.parse(await res.json());
  assert.equal(body.error.code, "challenge_required");
  assert.ok(body.error.challenge, "the answer carries a challenge");
  return { res, challenge: body.error.challenge, message: body.error.message };
}

describe(`proof-of-work past the per-address rate (${DB_LABEL})`, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ trustedProxies: 1, clock, rateLimit: { signaturesPerMinute: 3, challengedWritesPerMinute: 4, challengeWork: 400 } });
  });
  after(() => h.stop());

  test("the 4th signer from one address is asked to solve a challenge, in their language, and nothing is stored yet", async () => {
    assert.deepEqual(await signTimes(h, "198.51.100.1", 3), [201, 201, 201]);
    const { res, challenge, message } = await challenged(h, "198.51.100.1", { "Accept-Language": "es" });
    assert.equal(message, "Mucha gente está participando desde esta red ahora mismo. Vuelve a intentarlo en un momento.");
    assert.ok(Number(res.headers.get("retry-after")) >= 1, "a client that cannot solve it knows when the minute ends");
    assert.equal(challenge.parameters.algorithm, "SHA-256");
    assert.doesNotMatch(JSON.stringify(challenge), /198\.51\.100\.1/, "the address itself is never in the challenge");
    assert.equal(await h.count(), 3);
  });

  test("the same write with the solution and the same Idempotency-Key is stored once; a retry solves again and gets the stored answer", async () => {
    await signTimes(h, "198.51.100.2", 3);
    const person = signer();
    const key = randomUUID();
    const first = await h.post(SIGN, person, from("198.51.100.2", { "Idempotency-Key": key }));
    const { challenge } = ApiErrorBody.parse(await first.json()).error;
    assert.equal(first.status, 429);
    const header = await solved(challenge!);
    const signed = await h.post(SIGN, person, from("198.51.100.2", { "Idempotency-Key": key, [CHALLENGE_HEADER]: header }));
    assert.equal(signed.status, 201, await signed.clone().text());
    // A retry (the answer was lost on the way): the used solution is no solution, so a new challenge.
    const { challenge: fresh } = await challenged(h, "198.51.100.2", { "Idempotency-Key": key, [CHALLENGE_HEADER]: header }, person);
    const again = await h.post(SIGN, person, from("198.51.100.2", { "Idempotency-Key": key, [CHALLENGE_HEADER]: await solved(fresh) }));
    assert.equal(again.status, 201);
    assert.equal(again.headers.get("idempotent-replayed"), "true");
    assert.equal(await h.count("select count(*)::int as n from signatures s join people p on p.id = s.person_id where p.email_normalized = $1", [String(person["email"]).toLowerCase()]), 1);
  });

  test("a solution works once: sent again with another signer it is only asked to solve a new one", async () => {
    await signTimes(h, "198.51.100.3", 3);
    const header = await solved((await challenged(h, "198.51.100.3")).challenge);
    assert.equal((await h.post(SIGN, signer(), from("198.51.100.3", { [CHALLENGE_HEADER]: header }))).status, 201);
    const before = await h.count();
    const replay = await challenged(h, "198.51.100.3", { [CHALLENGE_HEADER]: header });
    assert.notEqual(replay.challenge.signature, JSON.parse(Buffer.from(header, "base64").toString()).challenge.signature, "a fresh challenge");
    assert.equal(await h.count(), before, "the replay stored nothing");
  });

  test("a solution is good only for the address it was made for, only as solved, and only for five minutes", async () => {
    await signTimes(h, "198.51.100.4", 3);
    await signTimes(h, "198.51.100.5", 3);
    const challenge = (await challenged(h, "198.51.100.4")).challenge;
    const header = await solved(challenge);
    await challenged(h, "198.51.100.5", { [CHALLENGE_HEADER]: header });

    const payload = JSON.parse(Buffer.from(header, "base64").toString()) as { solution: { derivedKey: string } };
    const key = payload.solution.derivedKey;
    payload.solution.derivedKey = `${key.slice(0, -1)}${key.endsWith("0") ? "1" : "0"}`;
    await challenged(h, "198.51.100.4", { [CHALLENGE_HEADER]: Buffer.from(JSON.stringify(payload)).toString("base64") });
    await challenged(h, "198.51.100.4", { [CHALLENGE_HEADER]: "not base64 json" });

    const before = await h.count();
    now = new Date(now.getTime() + 6 * 60_000);
    await signTimes(h, "198.51.100.4", 3);
    await challenged(h, "198.51.100.4", { [CHALLENGE_HEADER]: header });
    assert.equal(await h.count(), before + 3, "only the three under the rate were stored");
  });

  test("past the challenged rate even solved writes are refused with rate_limited", async () => {
    await signTimes(h, "198.51.100.6", 3);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const header = await solved((await challenged(h, "198.51.100.6")).challenge);
      statuses.push((await h.post(SIGN, signer(), from("198.51.100.6", { [CHALLENGE_HEADER]: header }))).status);
    }
    assert.deepEqual(statuses, [201, 201, 201, 201, 429]);
    const refused = await h.post(SIGN, signer(), from("198.51.100.6", { [CHALLENGE_HEADER]: await solved((await challenged(h, "198.51.100.6")).challenge) }));
    assert.equal(ApiErrorBody.parse(await refused.json()).error.code, "rate_limited");
  });
});
