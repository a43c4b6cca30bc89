import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { DB_LABEL, SLUG, signer, startHarness, type Harness } from "../testing/harness.js";

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
