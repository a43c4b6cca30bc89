// The SDK's meetings module against the real API.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { loadSeedFile, seed, SEEDS_DIR } from "@coalition-kit/api";
import { CkApiError, createClient, type CoalitionClient } from "@coalition-kit/sdk";
import { DB_LABEL, email } from "../support/env.js";
import { startIsolatedApi } from "../support/api.js";

describe(`SDK meetings <-> API (${DB_LABEL})`, () => {
  let api: Awaited<ReturnType<typeof startIsolatedApi>>;
  let client: CoalitionClient;
  before(async () => {
    api = await startIsolatedApi();
    const data = await loadSeedFile(`${SEEDS_DIR}sej-students-over-sros.json`);
    const start = new Date(Date.now() + 86_400_000).toLocaleDateString("en-CA", { timeZone: "America/New_York" });
    Object.assign(data.meetings![0]!, { startDate: start, rrule: "FREQ=DAILY", breaks: [], changes: [] });
    await seed(api.db, data);
    client = createClient({ baseUrl: api.url, partnerKey: "pk_demo_sej_site", retries: 0 });
  });
  after(async () => api?.stop());

  test("get and rsvp", async () => {
    const { meeting, occurrences } = await client.meetings.get("sej-member-meetings", { count: 3 });
    assert.equal(meeting.schedule, "Every day, 4:00 PM");
    assert.equal(occurrences.length, 3);
    const saved = await client.meetings.rsvp("sej-member-meetings", { firstName: "Ty", email: email("sdk-rsvp"), response: "maybe", occurrence: occurrences[1]!.date });
    assert.deepEqual(saved.occurrences.find((o) => o.date === occurrences[1]!.date)!.counts, { yes: 0, maybe: 1, no: 0 });
    await assert.rejects(
      client.meetings.rsvp("sej-member-meetings", { firstName: "Ty", email: email("sdk-rsvp"), response: "yes", occurrence: "1999-01-01" }),
      (e: unknown) => e instanceof CkApiError && e.fields.occurrence === "That meeting isn't on the upcoming schedule.",
    );
  });
});
