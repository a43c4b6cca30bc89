// The admin SDK's attendance methods against the real API: a session's roster, one mark (checked
// locally with the API's own message first), a CSV upload with row-level errors, and the
// registrations CSV with progress.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createSecretKey, loadSeedFile, seed, SEEDS_DIR } from "@coalition-kit/api";
import { ATTENDANCE_NOT_REGISTERED_MESSAGE, ATTENDED_MESSAGE } from "@coalition-kit/schema";
import { createClient } from "@coalition-kit/sdk";
import { CkApiError, createAdminClient, type AdminClient } from "@coalition-kit/sdk/admin";
import { DB_LABEL, email } from "../support/env.js";
import { startIsolatedApi } from "../support/api.js";

const HOUR = 3_600_000;
const SERIES = "heal-together-2";

describe(`admin SDK attendance <-> API (${DB_LABEL})`, () => {
  let api: Awaited<ReturnType<typeof startIsolatedApi>>;
  let admin: AdminClient;
  const who = [email("sdk-att-a"), email("sdk-att-b")];

  before(async () => {
    api = await startIsolatedApi();
    // The seed read as of 60 days ago: its seven sessions have all taken place (seed dates are relative to today).
    const data = await loadSeedFile(`${SEEDS_DIR}heal-together-training.json`, Date.now() - 60 * 24 * HOUR);
    const session = (start: Date) => ({
      key: "contract-attended", title: "Contract session", startsAt: start.toISOString(), endsAt: new Date(start.getTime() + HOUR).toISOString(),
      timeZone: "America/New_York", format: "virtual" as const, virtualLink: "https://meet.example.org/contract", capacity: 10, leaders: [],
    });
    data.trainings![0]!.sessions.push(session(new Date(Date.now() + 7 * 24 * HOUR)));
    await seed(api.db, data);
    const client = createClient({ baseUrl: api.url, partnerKey: "pk_demo_sej", retries: 0, fetch: api.fetch });
    const id = (await client.trainings.get(SERIES)).sessions.find((s) => s.title === "Contract session")!.id;
    for (const [i, address] of who.entries()) await client.trainings.register(SERIES, id, { firstName: `Person${i}`, email: address });
    // The session has since taken place.
    data.trainings![0]!.sessions[data.trainings![0]!.sessions.length - 1] = session(new Date(Date.now() - 2 * HOUR));
    await seed(api.db, data);
    admin = createAdminClient({ baseUrl: api.url, secretKey: (await createSecretKey(api.db, "heal-together")).key, retries: 0, fetch: api.fetch });
  });
  after(async () => api?.stop());

  test("roster, one mark and a CSV; progress counts the series' sessions", async () => {
    const roster = await admin.attendance.roster(SERIES, "contract-attended");
    assert.equal(roster.open, true);
    assert.deepEqual(roster.roster.map((r) => r.email).sort(), [...who].sort());
    await assert.rejects(admin.attendance.mark(SERIES, "contract-attended", roster.roster[0]!.registration, { attended: "yes" as unknown as boolean }), (e: unknown) => e instanceof CkApiError && e.fields.attended === ATTENDED_MESSAGE);
    const entry = await admin.attendance.mark(SERIES, "contract-attended", roster.roster[0]!.registration, { attended: true });
    assert.equal(entry.attended, true);
    assert.equal(entry.progress.attended, 1);
    assert.equal(entry.progress.total, 8);
    const uploaded = await admin.attendance.upload(SERIES, "contract-attended", `email,attended\n${roster.roster[1]!.email},no\nstranger@example.org,yes\n`);
    assert.deepEqual(uploaded, { marked: 1, rows: [{ row: 3, error: ATTENDANCE_NOT_REGISTERED_MESSAGE }] });
    const csv = await (await admin.attendance.exportCsv(SERIES)).text();
    assert.match(csv, new RegExp(`${roster.roster[0]!.email},students-for-educational-justice,registered,[^,]+,yes,1,8,8,no`));
    assert.deepEqual(api.openapi.problems, []);
  });
});
