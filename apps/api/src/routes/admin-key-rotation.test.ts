// Rotating a partner's publishable key: the new key works at once, the old one keeps working from
// the same sites for the overlap, then is refused as replaced. The end of the overlap is reached by
// moving the stored expiry into the past (as time would), never by waiting.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { AdminPartnerList, AdminPartnerResponse, RETIRED_KEY_MESSAGE } from "@coalition-kit/schema";
import { partnersChanged } from "../services/partners/partner-lookup.js";
import { DB_LABEL, signer, SLUG } from "../testing/harness.js";
import { adminSuite } from "../testing/suites.js";

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
const SITE = "https://rotate.example.org";
const HOUR = 3_600_000;

describe(`admin: partner key rotation (${DB_LABEL})`, () => {
  const h = adminSuite({ webhooks: false });
  const sign = (key: string, origin = SITE) => h.post(`/v1/petitions/${SLUG}/signatures`, signer(), { "X-Partner-Key": key, Origin: origin, "Idempotency-Key": crypto.randomUUID() });
  const newPartner = async (slug: string) => {
    const res = await h.admin.send("POST", "/partners", { slug, name: `Partner ${slug}`, allowedOrigins: [SITE] });
    assert.equal(res.status, 201);
    return AdminPartnerResponse.parse(await res.json()).partner;
  };
  /** What the end of the overlap looks like to this process: the stored expiry has passed and the 5 s cache has turned over. */
  const overlapEnds = async (oldKey: string) => {
    await h.db.query("update partners set previous_key_expires_at = now() - interval '1 second' where previous_key = $1", [oldKey]);
    partnersChanged();
  };

  test("the new key works at once, the old one keeps working from the same sites until the overlap ends, then is refused as retired", async () => {
    const before = await newPartner("rotating-partner");
    assert.equal(before.previousKey, null);
    assert.equal((await sign(before.publishableKey)).status, 201, "the old key is cached as a current key before the rotation");

    const started = Date.now();
    const res = await h.admin.send("POST", "/partners/rotating-partner/rotate-key", { overlapHours: 24 });
    assert.equal(res.status, 200);
    const { partner } = AdminPartnerResponse.parse(await res.json());
    assert.notEqual(partner.publishableKey, before.publishableKey);
    assert.match(partner.publishableKey, /^pk_/);
    assert.equal(partner.previousKey, before.publishableKey);
    const ends = Date.parse(partner.previousKeyExpiresAt!);
    assert.ok(ends > started + 23 * HOUR && ends < started + 25 * HOUR, `the old key stops in 24 hours, not at ${partner.previousKeyExpiresAt}`);

    assert.equal((await sign(partner.publishableKey)).status, 201, "the new key works at once");
    assert.equal((await sign(before.publishableKey)).status, 201, "the old key keeps working during the overlap");
    assert.equal((await sign(before.publishableKey, "https://evil.example.org")).status, 403, "with the same origin checks");
    const listed = AdminPartnerList.parse(await (await h.admin.get("/partners")).json()).partners.find((p) => p.slug === "rotating-partner")!;
    assert.equal(listed.previousKey, before.publishableKey);
    assert.equal(listed.previousKeyExpiresAt, partner.previousKeyExpiresAt);

    await overlapEnds(before.publishableKey);
    const refused = await sign(before.publishableKey);
    assert.equal(refused.status, 401);
    const body = (await refused.json()) as ErrorBody;
    assert.equal(body.error.code, "invalid_key");
    assert.equal(body.error.message, RETIRED_KEY_MESSAGE, "the partner is told its key was replaced, not that it is mistyped");
    assert.equal((await sign(partner.publishableKey)).status, 201, "the new key still works");
    const after = AdminPartnerList.parse(await (await h.admin.get("/partners")).json()).partners.find((p) => p.slug === "rotating-partner")!;
    assert.equal(after.previousKey, null, "a retired key is no longer shown");
    assert.equal(after.previousKeyExpiresAt, null);
  });

  test("a retried rotation returns the same new key; without an Idempotency-Key it is refused", async () => {
    await newPartner("retried-partner");
    const key = crypto.randomUUID();
    const first = await h.admin.send("POST", "/partners/retried-partner/rotate-key", {}, { "Idempotency-Key": key });
    const again = await h.admin.send("POST", "/partners/retried-partner/rotate-key", {}, { "Idempotency-Key": key });
    assert.equal(again.headers.get("idempotent-replayed"), "true");
    const a = AdminPartnerResponse.parse(await first.json()).partner;
    const b = AdminPartnerResponse.parse(await again.json()).partner;
    assert.equal(b.publishableKey, a.publishableKey, "not rotated twice");
    assert.ok(Date.parse(a.previousKeyExpiresAt!) > Date.now() + 23 * HOUR, "24 hours by default");
    const bare = await h.admin.send("POST", "/partners/retried-partner/rotate-key", {}, { "Idempotency-Key": "" });
    assert.equal(bare.status, 422);
    assert.ok(((await bare.json()) as ErrorBody).error.fields?.idempotencyKey);
  });

  test("an overlap of 0 stops the old key at once; overlaps past a week and unknown partners are refused", async () => {
    const before = await newPartner("instant-partner");
    const tooLong = await h.admin.send("POST", "/partners/instant-partner/rotate-key", { overlapHours: 169 });
    assert.equal(tooLong.status, 422);
    assert.match(((await tooLong.json()) as ErrorBody).error.fields?.overlapHours ?? "", /0 to 168/);
    assert.equal((await h.admin.send("POST", "/partners/instant-partner/rotate-key", { overlapHours: 1.5 })).status, 422);
    assert.equal((await h.admin.send("POST", "/partners/nobody-here/rotate-key", {})).status, 404);
    assert.equal((await sign(before.publishableKey)).status, 201);

    const res = await h.admin.send("POST", "/partners/instant-partner/rotate-key", { overlapHours: 0 });
    const { partner } = AdminPartnerResponse.parse(await res.json());
    assert.equal(partner.previousKey, null);
    const refused = await sign(before.publishableKey);
    assert.equal(refused.status, 401);
    assert.equal(((await refused.json()) as ErrorBody).error.message, RETIRED_KEY_MESSAGE);
    assert.equal((await sign(partner.publishableKey)).status, 201);
  });

  test("rotating again ends the earlier overlap: only the key just replaced keeps working", async () => {
    const first = await newPartner("twice-partner");
    const second = AdminPartnerResponse.parse(await (await h.admin.send("POST", "/partners/twice-partner/rotate-key", {})).json()).partner;
    const third = AdminPartnerResponse.parse(await (await h.admin.send("POST", "/partners/twice-partner/rotate-key", {})).json()).partner;
    assert.equal(third.previousKey, second.publishableKey);
    assert.equal((await sign(second.publishableKey)).status, 201);
    assert.equal((await sign(third.publishableKey)).status, 201);
    assert.equal((await sign(first.publishableKey)).status, 401, "the first key is gone");
  });
});
