import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { DB_LABEL, SLUG, signer, startHarness, type Harness } from "../testing/harness.js";

const SIGN = `/v1/petitions/${SLUG}/signatures`;

describe(`malformed input never 5xx, never writes (${DB_LABEL})`, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.stop());

  const cases: Array<[string, string | object, Record<string, string>?, number?]> = [
    ["invalid JSON", "{ not json", undefined, 422],
    ["a JSON array", "[1,2,3]", undefined, 422],
    ["a JSON string", '"hello"', undefined, 422],
    ["null", "null", undefined, 422],
    ["an empty object", {}, undefined, 422],
    ["wrong types", { firstName: 42, email: ["a@b.org"], zip: 6511, ageBand: true, consentCoalition: "maybe" }, undefined, 422],
    ["a 300-character first name", signer({ firstName: "x".repeat(300) }), undefined, 422],
    ["a bad age band", signer({ ageBand: "ancient" }), undefined, 422],
    ["a 100 KB body", signer({ lastName: "y".repeat(100_000) }), undefined, 413],
    ["plain text", "firstName=x", { "Content-Type": "text/plain" }, 415],
    ["no content type", "{}", { "Content-Type": "" }, 415],
    ["unicode junk", signer({ firstName: "\u0000\uFFFF\uD800", email: "\u202Eevil@example.org" }), undefined, 422],
    ["prototype pollution", '{"__proto__":{"admin":true},"constructor":{"prototype":{}}}', undefined, 422],
  ];

  for (const [name, body, headers, status] of cases) {
    test(`${name} -> ${status}`, async () => {
      const res = await h.post(SIGN, body, headers);
      assert.equal(res.status, status);
      const json = (await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
      assert.ok(json.error.message.length > 0);
      assert.equal(await h.count(), 0);
      assert.equal(await h.count("select count(*)::int as n from people"), 0);
    });
  }

  test("field errors name each bad field with the shared message", async () => {
    const res = await h.post(SIGN, { firstName: "", email: "nope", zip: "123", ageBand: "18_plus" });
    const { error } = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
    assert.equal(error.code, "validation_failed");
    assert.deepEqual(error.fields, {
      firstName: "Enter your first name.",
      email: "Enter a valid email address, like name@example.org.",
      zip: "Enter a 5-digit ZIP code.",
    });
  });
});
