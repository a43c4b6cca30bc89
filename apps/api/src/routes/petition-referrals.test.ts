// Sharing that recruits (issue 20): each new signature answers with its signer's share code; a
// signature made with one counts as recruited by that signer, one step further from the first
// sharer; the organizer sees counts by source and by step, never who shared.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes, randomUUID } from "node:crypto";
import { AdminPetitionDetail, SignPetitionResponse } from "@coalition-kit/schema";
import { DB_LABEL, SLUG, signer } from "../testing/harness.js";
import { newPetition } from "../testing/admin.js";
import { adminSuite } from "../testing/suites.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe(`share codes and recruitment (${DB_LABEL})`, () => {
  const h = adminSuite({ webhooks: false });
  const sign = async (slug: string, body: Record<string, unknown>, key = randomUUID()) => {
    const res = await h.post(`/v1/petitions/${slug}/signatures`, body, { "Idempotency-Key": key });
    return { status: res.status, body: SignPetitionResponse.parse(await res.json()) };
  };
  const detail = async (slug: string) => AdminPetitionDetail.parse(await (await h.admin.get(`/petitions/${slug}`)).json());

  test("a chain of shares: each signer's code recruits the next, one step further; the answer never carries a signature id", async () => {
    const slug = "share-chain";
    assert.equal((await h.admin.send("POST", "/petitions", newPetition(slug))).status, 201);
    const first = await sign(slug, signer({ source: "partner-homepage" }));
    assert.equal(first.status, 201);
    assert.match(first.body.ref ?? "", /^[A-Za-z0-9_-]{22}$/);
    assert.doesNotMatch(JSON.stringify(first.body), /[0-9a-f]{8}-[0-9a-f]{4}-/i, "no id in the answer");
    const second = await sign(slug, signer({ ref: first.body.ref, source: "partner-homepage" }));
    const third = await sign(slug, signer({ ref: second.body.ref }));
    const alsoFirst = await sign(slug, signer({ ref: first.body.ref }));
    assert.deepEqual([second.status, third.status, alsoFirst.status], [201, 201, 201]);
    assert.equal(new Set([first.body.ref, second.body.ref, third.body.ref, alsoFirst.body.ref]).size, 4, "every signer has a code of their own");

    const d = await detail(slug);
    assert.deepEqual(d.referrals, { recruited: 3, sharers: 2, byDepth: [{ depth: 0, count: 1 }, { depth: 1, count: 2 }, { depth: 2, count: 1 }] });
    assert.deepEqual(d.sources, [{ source: "partner-homepage", count: 2 }, { source: null, count: 2 }]);
    assert.doesNotMatch(JSON.stringify(d.referrals), UUID, "the organizer's view names nobody");
  });

  test("a code that names no signature of this petition recruits no one, and the signature is stored as usual", async () => {
    const slug = "share-strangers";
    assert.equal((await h.admin.send("POST", "/petitions", newPetition(slug))).status, 201);
    const elsewhere = await sign(SLUG, signer());
    const made = randomBytes(16).toString("base64url");
    for (const ref of [elsewhere.body.ref, made]) assert.equal((await sign(slug, signer({ ref }))).status, 201);
    assert.deepEqual((await detail(slug)).referrals, { recruited: 0, sharers: 0, byDepth: [{ depth: 0, count: 2 }] });
  });

  test("a malformed code is a field error; signing again gives no code; a replay gives the same one", async () => {
    const res = await h.post(`/v1/petitions/${SLUG}/signatures`, signer({ ref: "not a code" }));
    assert.equal(res.status, 422);
    assert.equal(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields["ref"], "A share code is 22 letters, digits, - or _.");

    const person = signer();
    const key = randomUUID();
    const made = await sign(SLUG, person, key);
    const replay = await sign(SLUG, person, key);
    assert.equal(replay.body.ref, made.body.ref);
    const again = await sign(SLUG, person);
    assert.equal(again.body.status, "already_signed");
    assert.equal(again.body.ref, undefined, "an email that signed before gets no code: typing someone's email never yields theirs");
  });

  test("erasing a sharer keeps the signatures they recruited, at their step", async () => {
    const slug = "share-erase";
    assert.equal((await h.admin.send("POST", "/petitions", newPetition(slug))).status, 201);
    const sharer = signer();
    const first = await sign(slug, sharer);
    await sign(slug, signer({ ref: first.body.ref }));
    const erased = await h.admin.send("POST", "/people/erase", { email: sharer["email"] });
    assert.equal(erased.status, 200, await erased.clone().text());
    assert.deepEqual((await detail(slug)).referrals, { recruited: 1, sharers: 0, byDepth: [{ depth: 1, count: 1 }] });
  });
});
