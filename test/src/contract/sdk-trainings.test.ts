// The SDK's trainings module against the real API.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { loadSeedFile, seed, SEEDS_DIR } from "@coalition-kit/api";
import { CkApiError, createClient, type CoalitionClient } from "@coalition-kit/sdk";
import { DB_LABEL, email } from "../support/env.js";
import { startIsolatedApi } from "../support/api.js";

describe(`SDK trainings <-> API (${DB_LABEL})`, () => {
  let api: Awaited<ReturnType<typeof startIsolatedApi>>;
  let client: CoalitionClient;
  let upcoming: string;
  before(async () => {
    api = await startIsolatedApi();
    const data = await loadSeedFile(`${SEEDS_DIR}heal-together-training.json`);
    const start = new Date(Date.now() + 7 * 86_400_000);
    data.trainings![0]!.sessions.push({
      key: "contract-upcoming", title: "Contract session", startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      timeZone: "America/New_York", format: "virtual", virtualLink: "https://meet.example.org/contract", capacity: 2, leaders: [],
    });
    await seed(api.db, data);
    client = createClient({ baseUrl: api.url, partnerKey: "pk_demo_sej", retries: 0, fetch: api.fetch });
    upcoming = (await client.trainings.get("heal-together-2")).sessions.find((s) => s.title === "Contract session")!.id;
  });
  after(async () => api?.stop());

  test("get parses the seeded series with all seven sessions plus ours", async () => {
    const { series, sessions } = await client.trainings.get("heal-together-2");
    assert.equal(series.title, "HEAL Together Training Series 2.0");
    assert.equal(sessions.length, 8);
    assert.equal(sessions[0]!.title, "The Power of Student Organizing");
  });

  test("register, waitlist and cancel through the SDK", async () => {
    const a = await client.trainings.register("heal-together-2", upcoming, { firstName: "A", email: email("sdk-a") });
    const b = await client.trainings.register("heal-together-2", upcoming, { firstName: "B", email: email("sdk-b") });
    const c = await client.trainings.register("heal-together-2", upcoming, { firstName: "C", email: email("sdk-c") });
    assert.deepEqual([a.status, b.status, c.status, c.waitlistPosition], ["registered", "registered", "waitlisted", 1]);
    assert.equal(a.created, true);
    const cancelled = await client.trainings.cancel(new URL(a.cancelUrl).searchParams.get("token")!);
    assert.deepEqual(cancelled, { status: "cancelled", promoted: true });
  });

  test("local validation matches the API; a bad cancel token is a typed field error", async () => {
    const bad = { firstName: "", email: "no" };
    const local = client.trainings.validate(bad);
    const res = await api.fetch(`${api.url}/v1/trainings/heal-together-2/sessions/${upcoming}/registrations`, {
      method: "POST", headers: { "Content-Type": "application/json", "X-Partner-Key": "pk_demo_sej" }, body: JSON.stringify(bad),
    });
    assert.deepEqual(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields, local);
    await assert.rejects(client.trainings.cancel("00000000-0000-4000-8000-000000000000.forged"), (e: unknown) => e instanceof CkApiError && e.fields.token === "This cancel link is not valid.");
  });

  test("every answer above matches the API's OpenAPI document (/v1/openapi.json)", () => {
    assert.deepEqual(api.openapi.problems, []);
    assert.ok(api.openapi.checked.length > 0);
  });
});
