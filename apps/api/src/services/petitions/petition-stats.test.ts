// /stats reads a petition's counts by slug in one query (petitionStatsBySlug); the petition page
// reads the petition, then its counts (petitionStats). Both must give the same answer in every case
// the counts can be in: partners with and without signatures, a paused partner, none active.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { CONNCAN, DB_LABEL, ORIGIN, SLUG, petitionFixture, signer, startHarness, type Harness } from "../../testing/harness.js";
import { findPetition, petitionStats, petitionStatsBySlug } from "./petition-queries.js";

describe(`a petition's counts by slug in one query are the page's counts (${DB_LABEL})`, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ webhooks: false, extraPetitions: [petitionFixture("no-signatures-yet")] });
  });
  after(() => h.stop());

  /** Both ways of reading the counts, and /stats as a client reads it (raw JSON, no schema stripping keys). */
  async function bothWays(slug: string) {
    const row = await findPetition(h.db, slug);
    assert.ok(row, slug);
    const bySlug = await petitionStatsBySlug(h.db, slug);
    const stats = await (await fetch(`${h.url}/v1/petitions/${slug}/stats?at=${performance.now()}`, { headers: { Origin: ORIGIN } })).json();
    return { twoSteps: await petitionStats(h.db, row), bySlug, stats: (stats as { stats: unknown }).stats };
  }

  function assertSame(ways: Awaited<ReturnType<typeof bothWays>>, what: string) {
    assert.deepEqual(ways.bySlug, ways.twoSteps, what);
    assert.deepEqual(ways.stats, ways.twoSteps, `${what}: /stats`);
  }

  test("signatures through two partners, then one partner paused (its signatures stay in the total only)", async () => {
    for (const key of [CONNCAN, CONNCAN, undefined]) assert.equal((await h.post(`/v1/petitions/${SLUG}/signatures`, signer(), key ? { "X-Partner-Key": key } : {})).status, 201);
    const signed = await bothWays(SLUG);
    assertSame(signed, "two partners signed for");
    assert.equal(signed.twoSteps.total, 3);
    assert.deepEqual(signed.twoSteps.partners.slice(0, 2).map((p) => [p.name, p.count]), [["ConnCAN", 2], ["Educators for Excellence", 1]]);

    await h.db.query("update partners set active = false where publishable_key = $1", [CONNCAN]);
    const paused = await bothWays(SLUG);
    assertSame(paused, "ConnCAN paused");
    assert.equal(paused.twoSteps.total, 3);
    assert.equal(paused.twoSteps.partners.some((p) => p.name === "ConnCAN"), false);
    await h.db.query("update partners set active = true where publishable_key = $1", [CONNCAN]);
  });

  test("a petition nobody signed yet: every active partner at 0", async () => {
    const ways = await bothWays("no-signatures-yet");
    assertSame(ways, "no signatures");
    assert.equal(ways.twoSteps.total, 0);
    assert.ok(ways.twoSteps.partners.length > 0);
  });

  test("an automatic goal moves the same way", async () => {
    await h.db.query("update petitions set goal = 2, auto_goal = true where slug = $1", [SLUG]);
    const ways = await bothWays(SLUG);
    assertSame(ways, "auto goal");
    assert.equal(ways.twoSteps.goal, 5, "3 signatures pass 90 % of 2: the goal shown is the next round number, 5");
  });

  test("no active partner and no counts: a total of 0 and no partners; an unknown slug is no petition (404)", async () => {
    await h.db.query("update partners set active = false");
    try {
      const ways = await bothWays("no-signatures-yet");
      assertSame(ways, "no active partner");
      assert.deepEqual(ways.twoSteps, { total: 0, goal: 10, partners: [] });
    } finally {
      await h.db.query("update partners set active = true");
    }
    assert.equal(await petitionStatsBySlug(h.db, "no-such-petition"), undefined);
    const missing = await fetch(`${h.url}/v1/petitions/no-such-petition/stats`);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, "not_found");
  });
});
