import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { SignPetitionRequest } from "@coalition-kit/schema";
import { DB_LABEL, E4E, SLUG, signer, startHarness, type Harness } from "../testing/harness.js";
import { requestHash } from "../services/platform/idempotency.js";

const SIGN = `/v1/petitions/${SLUG}/signatures`;

describe(`Idempotency-Key (${DB_LABEL})`, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.stop());

  test("a replayed key returns the identical response and creates one signature", async () => {
    const who = signer();
    const first = await h.post(SIGN, who, { "Idempotency-Key": "key-replay-0001" });
    const firstBody = await first.text();
    const second = await h.post(SIGN, who, { "Idempotency-Key": "key-replay-0001" });
    assert.equal(second.status, first.status);
    assert.equal(await second.text(), firstBody);
    assert.equal(second.headers.get("idempotent-replayed"), "true");
    assert.equal(await h.count("select count(*)::int as n from signatures s join people p on p.id = s.person_id where p.email_normalized = $1", [who.email]), 1);
  });

  test("ten simultaneous requests with one key create one signature", async () => {
    const before = await h.count();
    const who = signer();
    const responses = await Promise.all(Array.from({ length: 10 }, () => h.post(SIGN, who, { "Idempotency-Key": "key-concurrent-01" })));
    assert.deepEqual([...new Set(responses.map((r) => r.status))], [201]);
    assert.equal(await h.count(), before + 1);
  });

  test("two simultaneous requests with one key get the identical answer, one signature and one stored key", async () => {
    const who = signer();
    const [a, b] = await Promise.all([0, 1].map(() => h.post(SIGN, who, { "Idempotency-Key": "key-twin-000001" })));
    assert.equal(a!.status, 201);
    assert.equal(b!.status, 201);
    assert.equal(await a!.text(), await b!.text());
    assert.deepEqual([a!.headers.get("idempotent-replayed"), b!.headers.get("idempotent-replayed")].sort(), [null, "true"]);
    assert.equal(await h.count("select count(*)::int as n from signatures s join people p on p.id = s.person_id where p.email_normalized = $1", [who.email]), 1);
    assert.equal(await h.count("select count(*)::int as n from idempotency_keys where key = $1", ["key-twin-000001"]), 1);
  });

  // On PostgreSQL the request does its work beside a transaction that stores an answer for the
  // same key, then waits on the key until that commits: it lost the race, so its writes roll back and
  // the API calls again, replaying the winner's answer. (PGlite has one connection: the request
  // simply waits for the transaction and replays.)
  test("a request that loses the race for its key writes nothing and replays the winner's answer", async () => {
    const who = signer();
    const key = "key-lost-race-01";
    const [partner] = await h.db.query<{ id: string }>("select id from partners where publishable_key = $1", [E4E]);
    const winner = { status: "signed", stats: { total: 424242, goal: 500000, partners: {} }, signature: null, autoGoal: false };
    let pending: Promise<Response> | undefined;
    await h.db.tx(async (q) => {
      await q.query("insert into idempotency_keys (partner_id, key, request_hash, status_code, response_body) values ($1, $2, $3, 201, $4)", [
        partner!.id, key, requestHash(`sign:${SLUG}`, SignPetitionRequest.parse(who)), JSON.stringify(winner),
      ]);
      pending = h.post(SIGN, who, { "Idempotency-Key": key });
      if (h.db.kind === "postgres") {
        const [{ pid }] = (await q.query<{ pid: number }>("select pg_backend_pid() as pid")) as [{ pid: number }];
        await waitFor(async () => (await h.count("select count(*)::int as n from pg_stat_activity where $1 = any(pg_blocking_pids(pid))", [pid])) === 1);
      } else await sleep(100);
    });
    const res = await pending!;
    assert.equal(res.status, 201);
    assert.equal(res.headers.get("idempotent-replayed"), "true");
    assert.equal(((await res.json()) as { stats: { total: number } }).stats.total, 424242);
    assert.equal(await h.count("select count(*)::int as n from people where email_normalized = $1", [who.email]), 0);
    assert.equal(await h.count("select count(*)::int as n from idempotency_keys where key = $1", [key]), 1);
  });

  test("the same key with a different body is a 409 conflict and writes nothing", async () => {
    await h.post(SIGN, signer(), { "Idempotency-Key": "key-conflict-01" });
    const before = await h.count();
    const res = await h.post(SIGN, signer(), { "Idempotency-Key": "key-conflict-01" });
    assert.equal(res.status, 409);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, "idempotency_conflict");
    assert.equal(await h.count(), before);
  });

  test("a malformed key is a field error", async () => {
    const res = await h.post(SIGN, signer(), { "Idempotency-Key": "short" });
    assert.equal(res.status, 422);
    assert.ok(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields.idempotencyKey);
  });
});

/** Poll until `done` holds (a request reached the point under test), failing after 10 s. */
async function waitFor(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await done()) return;
    await sleep(50);
  }
  throw new Error("timed out waiting");
}
