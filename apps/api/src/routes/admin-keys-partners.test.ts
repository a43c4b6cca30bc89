import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { AdminPartnerResponse, PetitionResponse, SecretKeyCreated, SecretKeyList, SignPetitionResponse } from "@coalition-kit/schema";
import { DB_LABEL, E4E, ORIGIN, signer, SLUG } from "../testing/harness.js";
import { adminSuite } from "../testing/suites.js";

describe(`admin: keys and partners (${DB_LABEL})`, () => {
  const h = adminSuite({ webhooks: false });

  test("secret keys: a new one is shown once and stored hashed; a revoked key stops working at once", async () => {
    const created = SecretKeyCreated.parse(await (await h.admin.send("POST", "/keys")).json());
    assert.match(created.secret, /^sk_/);
    assert.equal(await h.count("select count(*)::int as n from secret_keys where key_hash = $1", [created.secret]), 0, "never stored in the clear");
    const listed = SecretKeyList.parse(await (await h.admin.get("/keys")).json());
    assert.ok(listed.keys.some((k) => k.id === created.key.id && created.secret.startsWith(k.prefix)));
    assert.equal(JSON.stringify(listed).includes(created.secret), false);
    const other = { Authorization: `Bearer ${created.secret}` };
    assert.equal((await fetch(`${h.url}/v1/admin/organization`, { headers: other })).status, 200);
    assert.equal((await h.admin.send("DELETE", `/keys/${created.key.id}`)).status, 200);
    assert.equal((await fetch(`${h.url}/v1/admin/organization`, { headers: other })).status, 401);
  });

  test("an organizer cannot revoke the key they are using", async () => {
    const me = SecretKeyList.parse(await (await h.admin.get("/keys")).json()).keys.find((k) => h.admin.key.startsWith(k.prefix) && !k.revokedAt)!;
    const res = await h.admin.send("DELETE", `/keys/${me.id}`);
    assert.equal(res.status, 422);
  });

  test("a new partner gets a publishable key that works from its sites only; pausing it stops the key", async () => {
    const bad = await h.admin.send("POST", "/partners", { slug: "new-haven-parents", name: "New Haven Parents", allowedOrigins: ["https://nhp.example.org/path"] });
    assert.equal(bad.status, 422);
    const res = await h.admin.send("POST", "/partners", { slug: "new-haven-parents", name: "New Haven Parents", allowedOrigins: ["https://NHP.example.org"] });
    assert.equal(res.status, 201);
    const { partner } = AdminPartnerResponse.parse(await res.json());
    assert.deepEqual(partner.allowedOrigins, ["https://nhp.example.org"]);
    const sign = (origin: string) => h.post(`/v1/petitions/${SLUG}/signatures`, signer(), { "X-Partner-Key": partner.publishableKey, Origin: origin });
    assert.equal((await sign("https://nhp.example.org")).status, 201);
    assert.equal((await sign("https://evil.example.org")).status, 403);
    assert.equal((await h.admin.send("PATCH", "/partners/new-haven-parents", { active: false })).status, 200);
    assert.equal((await sign("https://nhp.example.org")).status, 401);
  });

  test("a signer's answer counts partners as the page does: a new one at 0, a renamed one by its new name, a paused one in the total only", async () => {
    const res = await h.admin.send("POST", "/partners", { slug: "hamden-teachers", name: "Hamden Teachers", allowedOrigins: [ORIGIN] });
    const { partner } = AdminPartnerResponse.parse(await res.json());
    const signThrough = async (key: string) => SignPetitionResponse.parse(await (await h.post(`/v1/petitions/${SLUG}/signatures`, signer(), { "X-Partner-Key": key })).json()).stats;
    const page = async () => PetitionResponse.parse(await (await fetch(`${h.url}/v1/petitions/${SLUG}?key=${E4E}`, { headers: { Origin: ORIGIN } })).json()).stats;
    const hamden = (stats: { partners: Array<{ slug: string; name: string; count: number }> }) => stats.partners.find((p) => p.slug === "hamden-teachers");

    const first = await signThrough(E4E);
    assert.deepEqual(hamden(first), { slug: "hamden-teachers", name: "Hamden Teachers", count: 0 });
    assert.deepEqual(first, await page());
    assert.equal(hamden(await signThrough(partner.publishableKey))?.count, 1);

    assert.equal((await h.admin.send("PATCH", "/partners/hamden-teachers", { name: "Hamden Teachers Union" })).status, 200);
    const renamed = await signThrough(E4E);
    assert.deepEqual(hamden(renamed), { slug: "hamden-teachers", name: "Hamden Teachers Union", count: 1 });
    assert.deepEqual(renamed, await page());

    assert.equal((await h.admin.send("PATCH", "/partners/hamden-teachers", { active: false })).status, 200);
    const paused = await signThrough(E4E);
    assert.equal(hamden(paused), undefined);
    assert.equal(paused.total, renamed.total + 1, "the paused partner's signature still counts in the total");
    assert.deepEqual(paused, await page());
  });
});
