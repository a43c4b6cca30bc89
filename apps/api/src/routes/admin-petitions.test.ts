import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { AdminPetitionDetail, AdminPetitionList } from "@coalition-kit/schema";
import { DB_LABEL, E4E, signer } from "../testing/harness.js";
import { adminFor, newPetition } from "../testing/admin.js";
import { adminSuite } from "../testing/suites.js";

type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

describe(`admin: petitions (${DB_LABEL})`, () => {
  const h = adminSuite({ webhooks: false });

  test("no key, a wrong key or a partner's key: no access to the coalition's petitions", async () => {
    assert.equal((await fetch(`${h.url}/v1/admin/petitions`)).status, 401);
    assert.equal((await fetch(`${h.url}/v1/admin/petitions`, { headers: { Authorization: "Bearer sk_notarealkeynotarealkey00" } })).status, 401);
    const partner = await adminFor(h, "conncan");
    assert.equal((await partner.get("/petitions")).status, 404);
  });

  test("an organizer creates a petition: field errors first, nothing stored; then 201, once per Idempotency-Key", async () => {
    const bad = await h.admin.send("POST", "/petitions", newPetition("Not A Slug", { goal: -5, title: "" }));
    assert.equal(bad.status, 422);
    const { error } = (await bad.json()) as ErrorBody;
    assert.deepEqual(Object.keys(error.fields ?? {}).sort(), ["goal", "slug", "title"]);
    assert.equal(error.fields?.goal, "Enter a goal: a whole number from 0 to 100,000,000.");
    assert.equal(await h.count("select count(*)::int as n from petitions where slug = 'not-a-slug'"), 0);

    const key = crypto.randomUUID();
    const first = await h.admin.send("POST", "/petitions", newPetition("counselors"), { "Idempotency-Key": key });
    assert.equal(first.status, 201);
    const again = await h.admin.send("POST", "/petitions", newPetition("counselors"), { "Idempotency-Key": key });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get("idempotent-replayed"), "true");
    assert.deepEqual(await again.json(), await first.json());
    assert.equal(await h.count("select count(*)::int as n from petitions where slug = 'counselors'"), 1);

    const taken = await h.admin.send("POST", "/petitions", newPetition("counselors"));
    assert.equal(((await taken.json()) as ErrorBody).error.fields?.slug, "That address is taken. Choose another.");
  });

  test("partners sign it; the organizer sees the total, each partner's count and today's count", async () => {
    await h.admin.send("POST", "/petitions", newPetition("class-size"));
    for (const key of [E4E, E4E, "pk_demo_conncan"]) assert.equal((await h.post("/v1/petitions/class-size/signatures", signer(), { "X-Partner-Key": key })).status, 201);
    const list = AdminPetitionList.parse(await (await h.admin.get("/petitions")).json());
    assert.equal(list.petitions.find((p) => p.slug === "class-size")?.total, 3);
    const detail = AdminPetitionDetail.parse(await (await h.admin.get("/petitions/class-size")).json());
    assert.equal(detail.stats.total, 3);
    assert.deepEqual(detail.stats.partners.slice(0, 2).map((p) => [p.slug, p.count]), [["educators-for-excellence", 2], ["conncan", 1]]);
    // The day the signatures were stored (UTC), read back, so a run across midnight still agrees.
    const signedOn = (await h.db.query<{ day: string }>("select to_char(max(s.created_at) at time zone 'UTC', 'YYYY-MM-DD') as day from signatures s join petitions p on p.id = s.petition_id where p.slug = 'class-size'"))[0]!.day;
    assert.equal(detail.daily.at(-1)?.date, signedOn);
    assert.equal(detail.daily.reduce((n, d) => n + d.count, 0), 3);
    assert.equal(detail.petition.consent.coalition.text, "Yes, CT Fund Our Schools Coalition may email me about this campaign.");
  });

  test("closing a petition stops signatures; a bad patch changes nothing", async () => {
    await h.admin.send("POST", "/petitions", newPetition("to-close"));
    const bad = await h.admin.send("PATCH", "/petitions/to-close", { status: "paused", goal: 5 });
    assert.equal(bad.status, 422);
    assert.equal(((await bad.json()) as ErrorBody).error.fields?.status, "Choose open or closed.");
    assert.equal(await h.count("select goal as n from petitions where slug = 'to-close'"), 1000);
    const closed = await h.admin.send("PATCH", "/petitions/to-close", { status: "closed", goal: 50 });
    assert.equal(closed.status, 200);
    assert.equal((await h.post("/v1/petitions/to-close/signatures", signer())).status, 409);
    assert.equal((await h.admin.send("PATCH", "/petitions/ct-funding-gap-nope", { goal: 1 })).status, 404);
  });
});
