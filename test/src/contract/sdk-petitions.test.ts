// The SDK against the real API: every response parses with the shared schema, errors arrive typed,
// and the SDK's local validation says exactly what the API says.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { CkApiError, CkNetworkError, createClient, newIdempotencyKey, type CoalitionClient } from "@coalition-kit/sdk";
import type { SignPetitionRequest } from "@coalition-kit/schema";
import { DB_LABEL, email } from "../support/env.js";
import { startIsolatedApi } from "../support/api.js";

const SLUG = "ct-funding-gap";

describe(`SDK <-> API contract (${DB_LABEL})`, () => {
  let api: Awaited<ReturnType<typeof startIsolatedApi>>;
  let client: CoalitionClient;

  before(async () => {
    api = await startIsolatedApi();
    client = createClient({ baseUrl: api.url, partnerKey: "pk_demo_e4e", retries: 0, fetch: api.fetch });
  });
  after(async () => api?.stop());

  const valid = (who: string): SignPetitionRequest => ({ firstName: "Rosa", email: email(who), zip: "06519", ageBand: "18_plus" });

  test("get returns the seeded petition with the partner's consent text and every partner counted", async () => {
    const { petition, stats } = await client.petitions.get(SLUG);
    assert.match(petition.title + petition.body, /713 million/);
    assert.equal(petition.partner?.name, "Educators for Excellence");
    assert.ok(petition.consent.partner?.text.includes("Educators for Excellence"));
    assert.deepEqual(
      stats.partners.map((p) => p.name).sort(),
      ["CT Charter Schools Association", "ConnCAN", "Educators for Excellence", "FaithActs for Education", "School and State Finance Project"],
    );
  });

  test("sign stores once; signing again with the same email reports already signed", async () => {
    const input = valid("contract");
    const first = await client.petitions.sign(SLUG, input);
    assert.equal(first.status, "signed");
    assert.equal(first.created, true);
    const again = await client.petitions.sign(SLUG, { ...input, email: `  ${input.email.toUpperCase()} ` });
    assert.equal(again.status, "already_signed");
    assert.equal(again.created, false);
    assert.equal(again.stats.total, first.stats.total);
  });

  test("a replayed idempotency key returns the first answer and stores one signature", async () => {
    const input = valid("replay");
    const key = newIdempotencyKey();
    const [a, b] = await Promise.all([client.petitions.sign(SLUG, input, { idempotencyKey: key }), client.petitions.sign(SLUG, input, { idempotencyKey: key })]);
    assert.deepEqual(a.stats.total, b.stats.total);
    const rows = await api.db.query<{ n: number }>("select count(*)::int as n from signatures s join people p on p.id = s.person_id where p.email_normalized = $1", [input.email]);
    assert.equal(rows[0]?.n, 1);
  });

  test("the SDK's local field messages are the API's field messages, word for word", async () => {
    const bad = { firstName: " ", email: "not-an-email", zip: "6051", ageBand: "under_13" } as unknown as SignPetitionRequest;
    const local = client.petitions.validate(bad);
    const response = await api.fetch(`${api.url}/v1/petitions/${SLUG}/signatures`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Partner-Key": "pk_demo_e4e" },
      body: JSON.stringify(bad),
    });
    assert.equal(response.status, 422);
    const body = (await response.json()) as { error: { code: string; fields: Record<string, string> } };
    assert.equal(body.error.code, "validation_failed");
    assert.deepEqual(body.error.fields, local);
    assert.ok(local.email && local.zip && local.firstName && local.guardianEmail && local.guardianConsent);

    await assert.rejects(client.petitions.sign(SLUG, bad), (error: unknown) => error instanceof CkApiError && error.code === "validation_failed" && error.fields.zip === local.zip);
  });

  test("given the petition, local validation finds a missing age group with the other bad fields, in one pass as the API does", async () => {
    const { petition } = await client.petitions.get(SLUG);
    assert.equal(petition.askAgeBand, true);
    const bad = { firstName: "Maya", email: "maya@", zip: "651", consentCoalition: false } as SignPetitionRequest;
    const local = client.petitions.validate(bad, petition);
    const response = await api.fetch(`${api.url}/v1/petitions/${SLUG}/signatures`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Partner-Key": "pk_demo_e4e" },
      body: JSON.stringify(bad),
    });
    const body = (await response.json()) as { error: { fields: Record<string, string> } };
    assert.deepEqual(Object.keys(local).sort(), ["ageBand", "email", "zip"]);
    assert.deepEqual(body.error.fields, local);
    assert.deepEqual(Object.keys(client.petitions.validate({ ...bad, ageBand: "18_plus" }, petition)).sort(), ["email", "zip"]);
  });

  test("typed errors: unknown petition, bad key, unreachable server", async () => {
    await assert.rejects(client.petitions.get("no-such-petition"), (e: unknown) => e instanceof CkApiError && e.code === "not_found" && e.status === 404);
    const badKey = createClient({ baseUrl: api.url, partnerKey: "pk_not_a_real_key", retries: 0, fetch: api.fetch });
    await assert.rejects(badKey.petitions.sign(SLUG, valid("badkey")), (e: unknown) => e instanceof CkApiError && e.code === "invalid_key");
    const offline = createClient({ baseUrl: "http://127.0.0.1:9", partnerKey: "pk_demo_e4e", retries: 0 });
    await assert.rejects(offline.petitions.stats(SLUG), (e: unknown) => e instanceof CkNetworkError);
  });

  test("every answer above matches the API's OpenAPI document (/v1/openapi.json)", () => {
    assert.deepEqual(api.openapi.problems, []);
    assert.ok(api.openapi.checked.length > 0);
  });
});
