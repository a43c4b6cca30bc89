import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { PetitionResponse, PetitionStatsResponse } from "@coalition-kit/schema";
import { CONNCAN, DB_LABEL, ORIGIN, SLUG, petitionFixture, signer, startHarness, type Harness } from "../testing/harness.js";

describe(`GET petition and stats (${DB_LABEL})`, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ extraPetitions: [petitionFixture("past-deadline", { closesAt: "2020-01-01T00:00:00Z" })] });
  });
  after(() => h.stop());

  test("returns the petition with total and a count for every partner, highest first", async () => {
    await h.post(`/v1/petitions/${SLUG}/signatures`, signer());
    await h.post(`/v1/petitions/${SLUG}/signatures`, signer(), { "X-Partner-Key": CONNCAN });
    await h.post(`/v1/petitions/${SLUG}/signatures`, signer(), { "X-Partner-Key": CONNCAN });

    const res = await fetch(`${h.url}/v1/petitions/${SLUG}`, { headers: { "X-Partner-Key": CONNCAN, Origin: ORIGIN } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("access-control-allow-origin"), ORIGIN);
    const body = PetitionResponse.parse(await res.json());
    assert.equal(body.stats.total, 3);
    assert.equal(body.stats.partners.length, 5);
    assert.deepEqual(body.stats.partners.slice(0, 2).map((p) => [p.name, p.count]), [["ConnCAN", 2], ["Educators for Excellence", 1]]);
    assert.equal(body.petition.partner?.name, "ConnCAN");
    assert.equal(body.petition.consent.partner?.text, "Yes, ConnCAN may email me about its work. I can unsubscribe at any time.");
    assert.equal(body.petition.askAgeBand, true);
  });

  test("without a key the petition is public but carries no partner", async () => {
    const body = PetitionResponse.parse(await (await fetch(`${h.url}/v1/petitions/${SLUG}`)).json());
    assert.equal(body.petition.partner, null);
    assert.equal(body.petition.consent.partner, null);
  });

  test("stats alone, for live counters", async () => {
    const res = await fetch(`${h.url}/v1/petitions/${SLUG}/stats`);
    const body = PetitionStatsResponse.parse(await res.json());
    assert.equal(body.stats.goal, 5000);
    assert.match(res.headers.get("cache-control") ?? "", /^public, max-age=0, s-maxage=\d+/, "a CDN may hold live counts a few seconds");
  });

  test("a petition past its closing time reads as closed", async () => {
    const body = PetitionResponse.parse(await (await fetch(`${h.url}/v1/petitions/past-deadline`)).json());
    assert.equal(body.petition.status, "closed");
  });

  test("unknown petition is a 404 with the error body", async () => {
    const res = await fetch(`${h.url}/v1/petitions/nope`);
    assert.equal(res.status, 404);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, "not_found");
  });
});
