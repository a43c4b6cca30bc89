// Budgets per minute on the admin API (per secret key) and on the pages emailed links open (per
// address). The rate-limit clock is frozen so a one-minute window never ends in the middle of a test.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { adminFor } from "../testing/admin.js";
import { DB_LABEL } from "../testing/harness.js";
import { adminSuite } from "../testing/suites.js";

type ErrorBody = { error: { code: string; message: string } };
const FROZEN = new Date();
const clock = () => FROZEN;

describe(`admin and signed-link rate limits (${DB_LABEL})`, () => {
  const h = adminSuite({ webhooks: false, trustedProxies: 1, clock, rateLimit: { signaturesPerMinute: 10_000, keyWritesPerMinute: 10_000, adminAuthFailuresPerMinute: 10_000, adminRequestsPerMinute: 4, linkRequestsPerMinute: 3 } });

  test("one secret key gets its budget of requests a minute, reads and writes together; another key has its own", async () => {
    const busy = await adminFor(h);
    const statuses = [(await busy.get("/organization")).status, (await busy.get("/partners")).status, (await busy.send("POST", "/webhooks", { url: "https://hooks.example.org/a" })).status, (await busy.get("/keys")).status];
    assert.deepEqual(statuses, [200, 200, 201, 200]);
    const refused = await busy.get("/organization");
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get("retry-after")) >= 1, "Retry-After says when to come back");
    assert.equal(((await refused.json()) as ErrorBody).error.code, "rate_limited");
    assert.equal((await busy.send("POST", "/webhooks", { url: "https://hooks.example.org/b" })).status, 429);
    assert.equal(await h.count("select count(*)::int as n from webhook_endpoints where url = 'https://hooks.example.org/b'"), 0, "a refused write changes nothing");
    assert.equal((await h.admin.get("/organization")).status, 200, "the organizer's other key is unaffected");
  });

  test("the emailed-link pages share one budget per address, then answer 429 with Retry-After", async () => {
    const from = (ip: string) => ({ headers: { "X-Forwarded-For": ip } });
    const pages = ["/v1/signatures/confirm?token=nope", "/v1/messages/unsubscribe?token=nope", "/v1/consents/withdraw?token=nope"];
    const statuses: number[] = [];
    for (const page of pages) statuses.push((await fetch(h.url + page, from("203.0.113.9"))).status);
    assert.deepEqual(statuses, [400, 400, 400], "bad tokens are answered while the budget lasts");
    const refused = await fetch(`${h.url}/v1/stories/guardian?token=nope`, from("203.0.113.9"));
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get("retry-after")) >= 1);
    assert.equal(((await refused.json()) as ErrorBody).error.code, "rate_limited");
    const post = await fetch(`${h.url}/v1/signatures/confirm`, { method: "POST", headers: { "X-Forwarded-For": "203.0.113.9", "Content-Type": "application/x-www-form-urlencoded" }, body: "token=nope" });
    assert.equal(post.status, 429, "the form posts count too");
    assert.equal((await fetch(h.url + pages[0], from("203.0.113.10"))).status, 400, "another address has its own budget");
  });
});
