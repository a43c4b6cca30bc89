import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { PersonDeleted, PersonExport } from "@coalition-kit/schema";
import { DB_LABEL, signer, SLUG } from "../testing/harness.js";
import { adminFor } from "../testing/admin.js";
import { adminSuite } from "../testing/suites.js";

describe(`admin: data subject requests (${DB_LABEL})`, () => {
  const h = adminSuite({ webhooks: false });
  before(async () => {
    await h.admin.send("POST", "/webhooks", { url: "https://hooks.example.org/ck" });
  });

  const EMAIL = "Maya.Request@Example.org";

  test("export: everything held about one person, found by email in any case", async () => {
    await h.post(`/v1/petitions/${SLUG}/signatures`, signer({ email: EMAIL, firstName: "Maya", consentCoalition: true }));
    const res = await h.admin.get(`/people?email=${encodeURIComponent(EMAIL.toUpperCase())}`);
    assert.equal(res.status, 200);
    const data = PersonExport.parse(await res.json());
    assert.equal(data.person?.first_name, "Maya");
    assert.deepEqual(data.signatures.map((s) => s.petition), [SLUG]);
    assert.deepEqual(data.consents.map((c) => c.scope), ["coalition"]);
    const bad = await h.admin.get("/people?email=nope");
    assert.equal(bad.status, 422);
  });

  test("erase: the person, their signature, consents and undelivered events are gone; the count drops", async () => {
    const before = await h.count();
    const total = async () => ((await (await fetch(`${h.url}/v1/petitions/${SLUG}/stats`)).json()) as { stats: { total: number } }).stats.total;
    const shownBefore = await total();
    const pending = await h.count("select count(*)::int as n from outbox where person_id is not null");
    assert.ok(pending >= 1);
    const res = await h.admin.send("POST", "/people/erase", { email: EMAIL });
    assert.equal(res.status, 200);
    const { deleted } = PersonDeleted.parse(await res.json());
    assert.equal(deleted.signatures, 1);
    assert.equal(deleted.person, 1);
    assert.equal(deleted.consents, 1);
    assert.equal(await h.count(), before - 1);
    assert.equal(await total(), shownBefore - 1, "the live count drops too");
    assert.equal(await h.count("select count(*)::int as n from people where email_normalized = $1", [EMAIL.toLowerCase()]), 0);
    assert.equal(await h.count("select count(*)::int as n from outbox where payload like $1", [`%${EMAIL.toLowerCase()}%`]), 0);
    const after = PersonExport.parse(await (await h.admin.get(`/people?email=${encodeURIComponent(EMAIL)}`)).json());
    assert.equal(after.person, null);
    assert.equal(after.signatures.length, 0);
  });

  test("a partner's key cannot run requests for the coalition", async () => {
    const partner = await adminFor(h, "conncan");
    assert.equal((await partner.send("POST", "/people/erase", { email: "someone@example.org" })).status, 404);
  });
});
