import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { DB_LABEL, E4E, ORIGIN, SLUG, signer, startHarness, type Harness } from "../testing/harness.js";

const SIGN = `/v1/petitions/${SLUG}/signatures`;
/** Rate-limit windows use this clock, so the limit test never straddles a minute. */
const FROZEN = new Date();

describe(`keys, origins and rate limits (${DB_LABEL})`, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ rateLimit: { signaturesPerMinute: 3 }, clock: () => FROZEN });
  });
  after(() => h.stop());

  test("a partner key used from an unlisted Origin is refused and nothing is written", async () => {
    const res = await h.post(SIGN, signer(), { Origin: "https://not-a-partner.example" });
    assert.equal(res.status, 403);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, "origin_not_allowed");
    assert.equal(res.headers.get("access-control-allow-origin"), null);
    const read = await fetch(`${h.url}/v1/petitions/${SLUG}`, { headers: { "X-Partner-Key": E4E, Origin: "https://not-a-partner.example" } });
    assert.equal(read.status, 403);
    assert.equal(await h.count(), 0);
  });

  test("missing, malformed and unknown keys are 401", async () => {
    for (const key of [undefined, "sk_live_secret", "pk_unknown_key_123"]) {
      const headers: Record<string, string> = key ? { "X-Partner-Key": key } : { "X-Partner-Key": "" };
      const res = await h.post(SIGN, signer(), headers);
      assert.equal(res.status, 401, `key ${key}`);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, "invalid_key");
    }
    assert.equal(await h.count(), 0);
  });

  test("CORS preflight is answered for partner origins only", async () => {
    const ask = (origin: string) =>
      fetch(h.url + SIGN, { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type,x-partner-key,idempotency-key" } });
    const ok = await ask(ORIGIN);
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get("access-control-allow-origin"), ORIGIN);
    assert.match(ok.headers.get("access-control-allow-headers") ?? "", /Idempotency-Key/);
    const no = await ask("https://evil.example");
    assert.equal(no.status, 403);
    assert.equal(no.headers.get("access-control-allow-origin"), null);
  });

  test("past the per-minute limit a signer gets 429 with Retry-After, and nothing is written", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await h.post(SIGN, signer())).status);
    assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
    const res = await h.post(SIGN, signer());
    assert.ok(Number(res.headers.get("retry-after")) >= 1);
    assert.equal(await h.count(), 3);
    assert.equal(await h.count("select count(*)::int as n from rate_limits where bucket like '%127.0.0.1%'"), 0, "raw IPs are never stored");
  });
});
