// The SDK's meetings module against the real API.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createSecretKey, loadSeedFile, seed, SEEDS_DIR } from "@coalition-kit/api";
import { CkApiError, createClient, type CoalitionClient } from "@coalition-kit/sdk";
import { createAdminClient } from "@coalition-kit/sdk/admin";
import { TIME_MESSAGE, WEEK_CANCELLED_MESSAGE } from "@coalition-kit/schema";
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
    client = createClient({ baseUrl: api.url, partnerKey: "pk_demo_sej_site", retries: 0, fetch: api.fetch });
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

  test("admin: changeWeek checks locally, then moves one week; restoreWeek undoes it; cancelWeek cancels it for good", async () => {
    const admin = createAdminClient({ baseUrl: api.url, secretKey: (await createSecretKey(api.db, "students-for-educational-justice")).key, retries: 0, fetch: api.fetch });
    const { occurrences } = await client.meetings.get("sej-member-meetings", { count: 3 });
    const date = occurrences[2]!.date;
    await assert.rejects(admin.meetings.changeWeek("sej-member-meetings", date, { newTime: "4pm" }), (e: unknown) => e instanceof CkApiError && e.fields.newTime === TIME_MESSAGE);
    const moved = await admin.meetings.changeWeek("sej-member-meetings", date, { newTime: "17:30", note: "Later today." });
    assert.deepEqual([moved.week.date, moved.week.moved, moved.week.note, moved.notified], [date, true, "Later today.", 0]);
    const restored = await admin.meetings.restoreWeek("sej-member-meetings", date);
    assert.deepEqual([restored.week.moved, restored.week.changed], [false, false]);
    const cancelled = await admin.meetings.cancelWeek("sej-member-meetings", date, "No meeting today.");
    assert.equal(cancelled.week.status, "cancelled");
    await assert.rejects(admin.meetings.restoreWeek("sej-member-meetings", date), (e: unknown) => e instanceof CkApiError && e.status === 422 && e.fields.cancelled === WEEK_CANCELLED_MESSAGE);
  });

  test("every answer above matches the API's OpenAPI document (/v1/openapi.json)", () => {
    assert.deepEqual(api.openapi.problems, []);
    assert.ok(api.openapi.checked.length > 0);
  });
});
