// The SDK's stories module against the real API.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createSecretKey } from "@coalition-kit/api";
import { CkApiError, createClient, type CoalitionClient } from "@coalition-kit/sdk";
import { DB_LABEL } from "../support/env.js";
import { startIsolatedApi } from "../support/api.js";

describe(`SDK stories <-> API (${DB_LABEL})`, () => {
  let api: Awaited<ReturnType<typeof startIsolatedApi>>;
  let client: CoalitionClient;
  let sk: string;
  before(async () => {
    api = await startIsolatedApi();
    client = createClient({ baseUrl: api.url, partnerKey: "pk_demo_faithacts", retries: 0, fetch: api.fetch });
    sk = (await createSecretKey(api.db, "ct-fund-our-schools")).key;
  });
  after(async () => api?.stop());

  test("submit, approve, read on the wall, withdraw", async () => {
    const { campaign } = await client.stories.get("tell-your-story");
    assert.match(campaign.prompt, /713 million/);
    const submitted = await client.stories.submit("tell-your-story", {
      title: "Portables since 2009",
      story: "My classes have been in portable classrooms since my older sister went here.",
      role: "student",
      ageBand: "13_17",
      publish: "first_name",
      firstName: "Rae",
      consentPublish: true,
    });
    assert.equal(submitted.status, "pending");
    assert.equal((await client.stories.wall("tell-your-story")).total, 0);

    const headers = { Authorization: `Bearer ${sk}`, "Content-Type": "application/json" };
    const queue = (await (await api.fetch(`${api.url}/v1/admin/stories`, { headers })).json()) as { stories: Array<{ id: string }> };
    await api.fetch(`${api.url}/v1/admin/stories/${queue.stories[0]!.id}/moderation`, { method: "POST", headers, body: JSON.stringify({ decision: "approve" }) });
    const wall = await client.stories.wall("tell-your-story", { role: "student" });
    assert.deepEqual(wall.stories.map((s) => [s.title, s.authorName]), [["Portables since 2009", "Rae"]]);

    assert.deepEqual(await client.stories.withdraw(new URL(submitted.withdrawUrl).searchParams.get("token")!), { status: "withdrawn" });
    assert.equal((await client.stories.wall("tell-your-story")).total, 0);
  });

  test("local validation is the API's", async () => {
    const bad = { title: "", story: "short", role: "student", ageBand: "18_plus", publish: "anonymous" } as const;
    const local = client.stories.validate(bad);
    await assert.rejects(client.stories.submit("tell-your-story", bad), (e: unknown) => e instanceof CkApiError && e.fields.story === local.story);
    const res = await api.fetch(`${api.url}/v1/stories/tell-your-story`, { method: "POST", headers: { "Content-Type": "application/json", "X-Partner-Key": "pk_demo_faithacts" }, body: JSON.stringify(bad) });
    assert.deepEqual(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields, local);
  });

  test("every answer above matches the API's OpenAPI document (/v1/openapi.json)", () => {
    assert.deepEqual(api.openapi.problems, []);
    assert.ok(api.openapi.checked.length > 0);
  });
});
