// Limits a script cannot walk around: a spoofed X-Forwarded-For, one partner key from many
// addresses, and guessing secret keys. The rate-limit clock is frozen so a one-minute window never
// ends in the middle of a test.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { adminFor } from "../testing/admin.js";
import { DB_LABEL, SLUG, signer, startHarness, type Harness } from "../testing/harness.js";

const SIGN = `/v1/petitions/${SLUG}/signatures`;
const FROZEN = new Date();
const clock = () => FROZEN;

describe(`abuse limits (${DB_LABEL})`, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ trustedProxies: 1, clock, rateLimit: { signaturesPerMinute: 3, keyWritesPerMinute: 8, adminAuthFailuresPerMinute: 5 } });
  });
  after(() => h.stop());

  test("behind one trusted proxy, the address it saw counts, whatever the client wrote to the left", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await h.post(SIGN, signer(), { "X-Forwarded-For": `203.0.113.${i}, 198.51.100.7` })).status);
    assert.deepEqual(statuses, [201, 201, 201, 429, 429, 429], "a spoofed left-most address changes nothing");
    assert.equal((await h.post(SIGN, signer(), { "X-Forwarded-For": "198.51.100.8" })).status, 201, "another caller has its own limit");
  });

  test("one partner key is limited across all addresses together", async () => {
    const statuses: number[] = [];
    // Four more from four new addresses (two each) brings the key from 4 to its limit of 8; the rest are refused.
    for (let i = 0; i < 10; i += 1) statuses.push((await h.post(SIGN, signer(), { "X-Forwarded-For": `192.0.2.${Math.floor(i / 2)}` })).status);
    assert.deepEqual(statuses.filter((s) => s === 201).length, 4);
    assert.ok(statuses.slice(4).every((s) => s === 429), statuses.join(","));
    assert.equal(await h.count(), 8, "nothing past the limit is stored");
  });

  test("wrong secret keys from one address are refused after 5 a minute, even when the right key follows", async () => {
    const admin = await adminFor(h);
    const from = { "X-Forwarded-For": "198.51.100.66" };
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      statuses.push((await fetch(`${h.url}/v1/admin/organization`, { headers: { ...from, Authorization: `Bearer sk_guess_${String(i).padStart(24, "0")}` } })).status);
    }
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
    const blocked = await fetch(`${h.url}/v1/admin/organization`, { headers: { ...from, Authorization: `Bearer ${admin.key}` } });
    assert.equal(blocked.status, 429);
    assert.ok(Number(blocked.headers.get("retry-after")) >= 1);
    const elsewhere = await fetch(`${h.url}/v1/admin/organization`, { headers: { "X-Forwarded-For": "198.51.100.67", Authorization: `Bearer ${admin.key}` } });
    assert.equal(elsewhere.status, 200, "an organizer elsewhere is unaffected");
  });
});
