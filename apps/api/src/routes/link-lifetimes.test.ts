// Personal links stop working after their purpose's lifetime, and the stored answers to writes
// (which hold those links) are deleted after 24 hours and when the person is erased.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { purgeIdempotencyReplies } from "../services/platform/idempotency.js";
import { LINK_LIFETIME_DAYS, signLink, verifyLink } from "../services/platform/signed-links.js";
import { DB_LABEL, E4E, ORIGIN, signer } from "../testing/harness.js";
import { adminSuite } from "../testing/suites.js";
import { oneSessionSeries, sessionIds } from "../testing/trainings.js";

const DAY = 86_400_000;

describe(`link lifetimes and stored replies (${DB_LABEL})`, () => {
  const h = adminSuite({ webhooks: false, extraTrainings: [oneSessionSeries("links-series")] });
  let session: string;
  before(async () => {
    session = (await sessionIds(h.db)).s1!;
  });

  const register = (who: Record<string, unknown>, key = crypto.randomUUID()) =>
    h.post(`/v1/trainings/links-series/sessions/${session}/registrations`, who, { "X-Partner-Key": E4E, Origin: ORIGIN, "Idempotency-Key": key });

  test("every personal link has a lifetime; past it the link is refused and changes nothing", async () => {
    const res = await register(signer());
    assert.equal(res.status, 201);
    const { cancelUrl } = (await res.json()) as { cancelUrl: string };
    const token = new URL(cancelUrl).searchParams.get("token")!;
    const id = (await verifyLink(h.db, "cancel", token))!;
    assert.ok(id, "a fresh link works");
    assert.equal(await verifyLink(h.db, "cancel", token, Date.now() + (LINK_LIFETIME_DAYS.cancel + 1) * DAY), undefined, "not after its lifetime");
    const old = await signLink(h.db, "cancel", id, Date.now() - (LINK_LIFETIME_DAYS.cancel + 1) * DAY);
    const refused = await fetch(`${h.url}/v1/registrations/cancel`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token: old }) });
    assert.equal(refused.status, 422);
    assert.equal(await h.count("select count(*)::int as n from training_registrations where id = $1 and status = 'registered'", [id]), 1, "still registered");
    for (const purpose of ["calendar", "withdraw", "manage", "unsubscribe"] as const) {
      const t = await signLink(h.db, purpose, id);
      assert.equal(await verifyLink(h.db, purpose, t, Date.now() + (LINK_LIFETIME_DAYS[purpose] + 1) * DAY), undefined, purpose);
      assert.equal(await verifyLink(h.db, "cancel", t), undefined, `a ${purpose} link is not a cancel link`);
    }
  });

  test("stored answers to writes are deleted after 24 hours, not before", async () => {
    const key = crypto.randomUUID();
    assert.equal((await register(signer(), key)).status, 201);
    const stored = () => h.count("select count(*)::int as n from idempotency_keys where key = $1", [key]);
    assert.equal(await stored(), 1);
    await purgeIdempotencyReplies(h.db, new Date(Date.now() + 23 * 3_600_000));
    assert.equal(await stored(), 1, "kept for replays within a day");
    assert.ok((await purgeIdempotencyReplies(h.db, new Date(Date.now() + 25 * 3_600_000))) >= 1);
    assert.equal(await stored(), 0);
  });

  test("erasing a person deletes the stored answers that hold their links", async () => {
    const who = signer();
    const key = crypto.randomUUID();
    assert.equal((await register(who, key)).status, 201);
    const erased = await h.admin.send("POST", "/people/erase", { email: who.email });
    assert.equal(erased.status, 200);
    assert.equal(((await erased.json()) as { deleted: Record<string, number> }).deleted.storedReplies, 1);
    assert.equal(await h.count("select count(*)::int as n from idempotency_keys where key = $1", [key]), 0);
  });
});
