import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { SignPetitionResponse } from "@coalition-kit/schema";
import { DB_LABEL, SLUG, signer, startHarness, type Harness } from "../testing/harness.js";

const SIGN = `/v1/petitions/${SLUG}/signatures`;

/** Signatures sent at once, as a busy partner page sends them (the API may store them together: sign-batches.ts). */
describe(`signatures sent at once (${DB_LABEL})`, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.stop());

  const sign = async (who: Record<string, unknown>, key = randomUUID()) => {
    const res = await h.post(SIGN, who, { "Idempotency-Key": key });
    return { status: res.status, body: SignPetitionResponse.parse(await res.json()) };
  };

  const shown = async () => ((await (await fetch(`${h.url}/v1/petitions/${SLUG}/stats`)).json()) as { stats: { total: number } }).stats.total;

  test("forty signers at once are each stored, counted and answered with their own share code", async () => {
    const before = await h.count();
    const shownBefore = await shown();
    const people = Array.from({ length: 40 }, (_, i) => signer({ consentCoalition: i % 2 === 0 }));
    const answers = await Promise.all(people.map((who) => sign(who)));
    assert.deepEqual(answers.map((a) => [a.status, a.body.status]), people.map(() => [201, "signed"]));
    assert.equal(new Set(answers.map((a) => a.body.ref)).size, 40);
    assert.equal(await h.count(), before + 40);
    assert.equal(await shown(), shownBefore + 40);
    const emails = people.map((p) => p.email);
    assert.equal(await h.count("select count(*)::int as n from consents c join people p on p.id = c.person_id where p.email_normalized = any($1)", [emails]), 20);
  });

  test("the same request twice among others at once is stored once and both get the same answer", async () => {
    const twice = signer();
    const key = randomUUID();
    const answers = await Promise.all([...Array.from({ length: 10 }, () => sign(signer())), sign(twice, key), sign(twice, key)]);
    const [first, second] = answers.slice(-2);
    assert.equal(first!.status, 201);
    assert.deepEqual(second, first);
    assert.equal(await h.count("select count(*)::int as n from signatures s join people p on p.id = s.person_id where p.email_normalized = $1", [twice.email]), 1);
  });

  test("one email signing twice at once with different keys counts once: one is signed, the other already signed", async () => {
    const who = signer();
    const before = await h.count();
    const answers = await Promise.all([...Array.from({ length: 10 }, () => sign(signer())), sign(who), sign({ ...who, firstName: "Again" })]);
    assert.deepEqual(answers.slice(-2).map((a) => a.body.status).sort(), ["already_signed", "signed"]);
    assert.equal(await h.count(), before + 11);
  });
});
