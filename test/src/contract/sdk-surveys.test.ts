// The SDK's surveys module against the real API.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { loadSeedFile, seed, SEEDS_DIR } from "@coalition-kit/api";
import { CkApiError, createClient, type CoalitionClient } from "@coalition-kit/sdk";
import { DB_LABEL } from "../support/env.js";
import { startIsolatedApi } from "../support/api.js";

describe(`SDK surveys <-> API (${DB_LABEL})`, () => {
  let api: Awaited<ReturnType<typeof startIsolatedApi>>;
  let client: CoalitionClient;
  before(async () => {
    api = await startIsolatedApi();
    await seed(api.db, await loadSeedFile(`${SEEDS_DIR}sej-students-over-sros.json`));
    client = createClient({ baseUrl: api.url, partnerKey: "pk_demo_sej_site", retries: 0, fetch: api.fetch });
  });
  after(async () => api?.stop());

  test("respond and read results", async () => {
    const { survey } = await client.surveys.get("students-over-sros");
    const variant = survey.variants.find((v) => v.slug === "hillhouse-cross")!;
    for (let i = 0; i < 5; i += 1) {
      const res = await client.surveys.respond("students-over-sros", variant, {
        variant: variant.slug,
        answers: { school: "hillhouse", grade: "9", presence: "daily", feel_safe: 3, uncomfortable: "no", instead: ["restorative"] },
      });
      assert.deepEqual(res, { status: "recorded" });
    }
    const results = await client.surveys.results("students-over-sros", "hillhouse-cross");
    assert.equal(results.responses, 5);
    assert.equal(results.questions.find((q) => q.id === "feel_safe")!.average, 3);
  });

  test("local validation matches the API's, field by field", async () => {
    const { survey } = await client.surveys.get("students-over-sros");
    const variant = survey.variants[1]!;
    const bad = { variant: variant.slug, answers: { school: "hillhouse", feel_safe: 0 } };
    const local = client.surveys.validate(variant, bad);
    await assert.rejects(client.surveys.respond("students-over-sros", variant, bad), (e: unknown) => e instanceof CkApiError && e.fields.school === local.school);
    const res = await api.fetch(`${api.url}/v1/surveys/students-over-sros/responses`, { method: "POST", headers: { "Content-Type": "application/json", "X-Partner-Key": "pk_demo_sej_site" }, body: JSON.stringify(bad) });
    assert.deepEqual(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields, local);
  });

  test("every answer above matches the API's OpenAPI document (/v1/openapi.json)", () => {
    assert.deepEqual(api.openapi.problems, []);
    assert.ok(api.openapi.checked.length > 0);
  });
});
