import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { CancelRegistrationResponse, COLLECTED_AT_MESSAGE, RegisterResponse, TrainingSeriesResponse } from "@coalition-kit/schema";
import { DB_LABEL, E4E, ORIGIN, signer, startHarness, type Harness } from "../testing/harness.js";
import { adminSuite } from "../testing/suites.js";
import { parseCsv } from "../testing/csv-parse.js";
import type { SeedTrainingSeries } from "../seed/types.js";

const inDays = (days: number, hours = 0) => new Date(Date.now() + days * 86_400_000 + hours * 3_600_000).toISOString();
const session = (key: string, days: number, capacity: number | null, extra: Partial<SeedTrainingSeries["sessions"][number]> = {}) => ({
  key,
  title: `Session ${key}`,
  startsAt: inDays(days),
  endsAt: inDays(days, 1.5),
  timeZone: "America/New_York",
  format: "virtual" as const,
  virtualLink: `https://meet.example.org/${key}`,
  capacity,
  leaders: [{ name: "Ana Lopez", role: "Organizer" }],
  ...extra,
});
const SERIES: SeedTrainingSeries = {
  slug: "test-series",
  title: "Test series",
  description: "For tests.",
  consent: { coalition: { text: "Coalition may email me.", version: "c1" }, partner: { text: "{partner} may email me.", version: "p1" } },
  sessions: [session("one-seat", 10, 1), session("open", 12, null), session("race", 14, 1), session("done", -3, 10), session("big", 20, 100)],
};

describe(`training series and registration (${DB_LABEL})`, () => {
  let h: Harness;
  let sessions: Record<string, string>;
  before(async () => {
    h = await startHarness({ extraTrainings: [SERIES] });
    const rows = await h.db.query<{ key: string; id: string }>("select key, id from training_sessions");
    sessions = Object.fromEntries(rows.map((r) => [r.key, r.id]));
  });
  after(() => h.stop());

  const registerAt = (key: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    h.post(`/v1/trainings/test-series/sessions/${sessions[key]}/registrations`, body, headers);
  const read = async () => TrainingSeriesResponse.parse(await (await fetch(`${h.url}/v1/trainings/test-series`, { headers: { "X-Partner-Key": E4E, Origin: ORIGIN } })).json());

  test("the series lists sessions in order with seats, leaders and zone, and never the virtual link", async () => {
    const res = await fetch(`${h.url}/v1/trainings/test-series`);
    const text = await res.text();
    assert.doesNotMatch(text, /meet\.example\.org/);
    const body = TrainingSeriesResponse.parse(JSON.parse(text));
    assert.deepEqual(body.sessions.map((s) => s.title), ["Session done", "Session one-seat", "Session open", "Session race", "Session big"]);
    const big = body.sessions.find((s) => s.title === "Session big")!;
    assert.equal(big.seatsLeft, 100);
    assert.equal(big.timeZone, "America/New_York");
    assert.deepEqual(big.leaders, [{ name: "Ana Lopez", role: "Organizer" }]);
    assert.equal(body.sessions[0]!.past, true);
    assert.equal(body.feedUrl, `${h.url}/v1/trainings/test-series/calendar.ics`);
  });

  test("registering takes a seat and hands over the virtual link and personal links", async () => {
    const res = await registerAt("big", signer({ consentPartner: true }));
    assert.equal(res.status, 201);
    const body = RegisterResponse.parse(await res.json());
    assert.equal(body.status, "registered");
    assert.equal(body.session.seatsLeft, 99);
    assert.equal(body.virtualLink, "https://meet.example.org/big");
    assert.match(body.cancelUrl, /\/v1\/registrations\/cancel\?token=/);
    const after = await read();
    assert.equal(after.sessions.find((s) => s.title === "Session big")!.seatsLeft, 99);
  });

  test("the second person for a one-seat session is waitlisted, then promoted when the first cancels", async () => {
    const first = RegisterResponse.parse(await (await registerAt("one-seat", signer())).json());
    assert.equal(first.status, "registered");
    const second = RegisterResponse.parse(await (await registerAt("one-seat", signer())).json());
    assert.equal(second.status, "waitlisted");
    assert.equal(second.waitlistPosition, 1);
    assert.equal(second.virtualLink, null);
    const third = RegisterResponse.parse(await (await registerAt("one-seat", signer())).json());
    assert.equal(third.waitlistPosition, 2);

    // The personal calendar of a waitlisted person has no link yet.
    assert.doesNotMatch(await (await fetch(second.calendarUrl)).text(), /meet\.example\.org/);

    // Opening the cancel link only asks for confirmation.
    const page = await fetch(first.cancelUrl);
    assert.match(await page.text(), /Yes, cancel my registration/);
    assert.equal((await read()).sessions.find((s) => s.title === "Session one-seat")!.registered, 1);

    const token = new URL(first.cancelUrl).searchParams.get("token")!;
    const cancel = await fetch(`${h.url}/v1/registrations/cancel`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token }) });
    assert.deepEqual(CancelRegistrationResponse.parse(await cancel.json()), { status: "cancelled", promoted: true });

    const state = (await read()).sessions.find((s) => s.title === "Session one-seat")!;
    assert.equal(state.registered, 1);
    assert.equal(state.waitlisted, 1);
    assert.match(await (await fetch(second.calendarUrl)).text(), /meet\.example\.org\/one-seat/);

    const again = await fetch(`${h.url}/v1/registrations/cancel`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token }) });
    assert.deepEqual(await again.json(), { status: "already_cancelled", promoted: false });
  });

  test("a cancel link works as a plain form too, and a forged token is refused", async () => {
    const reg = RegisterResponse.parse(await (await registerAt("open", signer())).json());
    const token = new URL(reg.cancelUrl).searchParams.get("token")!;
    const forged = `${token.split(".")[0]}.${"A".repeat(43)}`;
    const bad = await fetch(`${h.url}/v1/registrations/cancel`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: `token=${encodeURIComponent(forged)}` });
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /not valid/);
    const ok = await fetch(`${h.url}/v1/registrations/cancel`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: `token=${encodeURIComponent(token)}` });
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /Your registration is cancelled/);
  });

  test("five people racing for one seat: one seat, four waitlist places, in order", async () => {
    const results = await Promise.all(Array.from({ length: 5 }, async () => RegisterResponse.parse(await (await registerAt("race", signer())).json())));
    assert.equal(results.filter((r) => r.status === "registered").length, 1);
    assert.deepEqual(results.filter((r) => r.status === "waitlisted").map((r) => r.waitlistPosition).sort(), [1, 2, 3, 4]);
  });

  test("the same email again is told it is already registered; replayed keys store once", async () => {
    const who = signer();
    const a = await registerAt("big", who, { "Idempotency-Key": "reg-key-0001" });
    const b = await registerAt("big", who, { "Idempotency-Key": "reg-key-0001" });
    assert.equal(b.headers.get("idempotent-replayed"), "true");
    assert.equal(await b.text(), await a.text());
    const c = RegisterResponse.parse(await (await registerAt("big", { ...who, email: String(who.email).toUpperCase() })).json());
    assert.equal(c.status, "already_registered");
  });

  test("past sessions refuse registration; bad input and unknown sessions get clear errors", async () => {
    const past = await registerAt("done", signer());
    assert.equal(past.status, 409);
    assert.equal(((await past.json()) as { error: { code: string } }).error.code, "registration_closed");
    const bad = await registerAt("big", { firstName: "", email: "x" });
    assert.equal(bad.status, 422);
    assert.deepEqual(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields, {
      firstName: "Enter your first name.",
      email: "Enter a valid email address, like name@example.org.",
    });
    for (const id of ["not-a-uuid", "00000000-0000-0000-0000-000000000000"]) {
      assert.equal((await h.post(`/v1/trainings/test-series/sessions/${id}/registrations`, signer())).status, 404);
    }
  });
});

// Tabling mode (issue 20): a registration taken on a shared device says so, and when it was
// collected (earlier than it arrived when the device was offline); the CSV and the webhook carry
// both. A collection time more than 30 days old is a field error, and nothing is stored.
describe(`registrations collected at a table (${DB_LABEL})`, () => {
  const h = adminSuite({ extraTrainings: [SERIES], webhooks: false });
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
  const registerAt = async (key: string, body: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const [row] = await h.db.query<{ id: string }>("select id from training_sessions where key = $1", [key]);
    return h.post(`/v1/trainings/test-series/sessions/${row!.id}/registrations`, body, headers);
  };
  const csvRow = async (email: string) => {
    const [header, ...rows] = parseCsv(await (await h.admin.get("/trainings/test-series/registrations.csv")).text());
    const row = rows.map((r) => Object.fromEntries(header!.map((name, i) => [name, r[i] ?? ""])) as Record<string, string>).find((r) => r["email"] === email.toLowerCase());
    assert.ok(row, `${email} is in the registrations CSV`);
    return row;
  };

  test("registered at a table three hours ago: stored with its channel and collection time, in the CSV and the webhook", async () => {
    const hook = await h.admin.send("POST", "/webhooks", { url: "http://127.0.0.1:9/hooks", events: ["registration.created"] });
    assert.equal(hook.status, 201, await hook.clone().text());
    const collectedAt = hoursAgo(3);
    const person = signer({ channel: "tabling", collectedAt, consentCoalition: true });
    const res = await registerAt("big", person);
    assert.equal(res.status, 201, await res.clone().text());
    assert.equal(RegisterResponse.parse(await res.json()).status, "registered");

    const row = await csvRow(String(person["email"]));
    assert.equal(row["channel"], "tabling");
    assert.equal(row["collected_at"], collectedAt);
    assert.ok(Date.parse(row["registered_at"]!) - Date.parse(collectedAt) > 2 * 3_600_000, "registered_at is when it arrived");

    const [event] = await h.db.query<{ payload: string }>("select payload from outbox where event_type = 'registration.created' order by created_at desc limit 1");
    const data = (JSON.parse(event!.payload) as { data: { channel: string; collectedAt: string } }).data;
    assert.equal(data.channel, "tabling");
    assert.equal(data.collectedAt, collectedAt);
  });

  test("an online registration says online, collected when it arrived", async () => {
    const person = signer();
    assert.equal((await registerAt("open", person)).status, 201);
    const row = await csvRow(String(person["email"]));
    assert.equal(row["channel"], "online");
    assert.equal(row["collected_at"], row["registered_at"]);
  });

  test("collected 31 days ago, or an hour ahead: the field error on collectedAt, in the registrant's language, and nothing stored", async () => {
    const before = await h.count("select count(*)::int as n from training_registrations");
    for (const collectedAt of [hoursAgo(31 * 24), hoursAgo(-1)]) {
      const res = await registerAt("big", signer({ channel: "tabling", collectedAt }));
      assert.equal(res.status, 422);
      assert.equal(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields["collectedAt"], COLLECTED_AT_MESSAGE);
    }
    const es = await registerAt("big", signer({ channel: "tabling", collectedAt: hoursAgo(31 * 24) }), { "Accept-Language": "es" });
    assert.match(((await es.json()) as { error: { fields: Record<string, string> } }).error.fields["collectedAt"]!, /^Esto se recogió hace más de 30 días/);
    assert.equal(await h.count("select count(*)::int as n from training_registrations"), before);
  });
});
