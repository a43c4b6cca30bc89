import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { AdminMeetingList, AdminRegistrationList, AdminSurveyList, AdminTrainingList } from "@coalition-kit/schema";
import { SEEDS_DIR } from "../paths.js";
import { loadSeedFile } from "../seed/seed.js";
import { DB_LABEL, E4E, signer } from "../testing/harness.js";
import { adminFor } from "../testing/admin.js";
import { adminSuite } from "../testing/suites.js";

type ErrorBody = { error: { fields: Record<string, string> } };
const consent = { coalition: { text: "Coalition may email me.", version: "1" }, partner: { text: "{partner} may email me.", version: "1" } };
const inDays = (d: number, hour: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 11) + `${String(hour).padStart(2, "0")}:00:00Z`;
const session = (key: string, overrides: Record<string, unknown> = {}) => ({
  key,
  title: `Session ${key}`,
  startsAt: inDays(7, 22),
  endsAt: inDays(7, 23),
  timeZone: "America/New_York",
  format: "virtual",
  capacity: 1,
  leaders: [{ name: "Jordan Lee", role: "Organizer" }],
  ...overrides,
});

const sessionAt = (startsAt: string) => session("dated", { startsAt, endsAt: startsAt.replace("T18", "T19") });

describe(`admin: trainings, surveys and meetings (${DB_LABEL})`, () => {
  const h = adminSuite({ webhooks: false });

  test("a training series: every mistake is a field error and nothing is saved; then created, then changed", async () => {
    const series = (sessions: unknown[]) => ({ title: "Organizing 101", description: "Three evenings.", consent, sessions });
    const bad = await h.admin.send("PUT", "/trainings/organizing-101", series([session("one", { timeZone: "Mars/Olympus", partners: ["nobody"] }), session("two", { endsAt: inDays(7, 21) })]));
    assert.equal(bad.status, 422);
    const { fields } = ((await bad.json()) as ErrorBody).error;
    assert.deepEqual(Object.keys(fields).sort(), ["sessions.0.partners", "sessions.0.timeZone", "sessions.1.endsAt"]);
    assert.equal(await h.count("select count(*)::int as n from training_series where slug = 'organizing-101'"), 0);

    assert.equal((await h.admin.send("PUT", "/trainings/organizing-101", series([session("one", { partners: ["conncan"] })]))).status, 201);
    assert.equal((await h.admin.send("PUT", "/trainings/organizing-101", series([session("one", { capacity: 2 }), session("two")]))).status, 200);
    const { series: list } = AdminTrainingList.parse(await (await h.admin.get("/trainings")).json());
    const mine = list.find((s) => s.slug === "organizing-101")!;
    assert.deepEqual(mine.sessions.map((s) => [s.key, s.capacity]), [["one", 2], ["two", 1]]);
  });

  test("registrations and the waitlist, in order, for the organizer", async () => {
    const { series } = AdminTrainingList.parse(await (await h.admin.get("/trainings")).json());
    const two = series.find((s) => s.slug === "organizing-101")!.sessions.find((s) => s.key === "two")!;
    for (const name of ["First", "Second", "Third"]) {
      const res = await h.post(`/v1/trainings/organizing-101/sessions/${two.id}/registrations`, signer({ firstName: name }), { "X-Partner-Key": E4E });
      assert.equal(res.status, 201);
    }
    const { registrations } = AdminRegistrationList.parse(await (await h.admin.get("/trainings/organizing-101/registrations")).json());
    assert.deepEqual(registrations.filter((r) => r.session === two.id).map((r) => [r.firstName, r.status, r.waitlistPosition]), [["First", "registered", null], ["Second", "waitlisted", 1], ["Third", "waitlisted", 2]]);
  });

  test("a survey from the seed's own variants; its response count is listed", async () => {
    const sej = await loadSeedFile(`${SEEDS_DIR}sej-students-over-sros.json`);
    const variants = sej.surveys![0]!.variants;
    const bad = await h.admin.send("PUT", "/surveys/school-climate", { title: "School climate", variants: [] });
    assert.equal(((await bad.json()) as ErrorBody).error.fields.variants, "Add at least one version of the survey.");
    assert.equal((await h.admin.send("PUT", "/surveys/school-climate", { title: "School climate", minGroupSize: 5, variants })).status, 201);
    const { surveys } = AdminSurveyList.parse(await (await h.admin.get("/surveys")).json());
    assert.deepEqual(surveys.find((s) => s.slug === "school-climate"), { slug: "school-climate", title: "School climate", responses: 0, publicResults: false });
  });

  test("a meeting: a bad repeat rule or zone is a field error; a good one is public at once", async () => {
    const meeting = { title: "Parent meeting", description: "Monthly.", timeZone: "America/New_York", startDate: "2026-01-05", startTime: "18:30", durationMinutes: 60, rrule: "FREQ=WEEKLY;BYDAY=MO", format: "in_person", location: "Library", consent };
    const bad = await h.admin.send("PUT", "/meetings/parents", { ...meeting, rrule: "every monday", timeZone: "Nowhere/Here" });
    assert.deepEqual(Object.keys(((await bad.json()) as ErrorBody).error.fields).sort(), ["rrule", "timeZone"]);
    assert.equal((await h.admin.send("PUT", "/meetings/parents", meeting)).status, 201);
    assert.equal((await fetch(`${h.url}/v1/meetings/parents`)).status, 200);
    const { meetings } = AdminMeetingList.parse(await (await h.admin.get("/meetings")).json());
    const parents = meetings.find((m) => m.slug === "parents")!;
    assert.equal(parents.upcoming.length, 8);
    assert.match(parents.schedule, /^Every Monday, 6:30 PM$/);
  });

  test("impossible dates and a repeat rule that makes no meetings are field errors, never a 500, and save nothing", async () => {
    const meeting = { title: "Dated meeting", description: "Weekly.", timeZone: "America/New_York", startDate: "2026-01-05", startTime: "18:30", durationMinutes: 60, rrule: "FREQ=WEEKLY;BYDAY=MO", format: "in_person", location: "Library", consent };
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ["February 30th", { startDate: "2026-02-30" }, "startDate"],
      ["year 0000", { startDate: "0000-01-01" }, "startDate"],
      ["a week change on month 13", { changes: [{ date: "2026-13-45", cancelled: true }] }, "changes.0.date"],
      ["a break to a day that does not exist", { breaks: [{ from: "2026-06-01", to: "2026-06-31", reason: "Summer" }] }, "breaks.0.to"],
      ["COUNT=abc", { rrule: "FREQ=WEEKLY;BYDAY=MO;COUNT=abc" }, "rrule"],
      ["COUNT=0", { rrule: "FREQ=WEEKLY;BYDAY=MO;COUNT=0" }, "rrule"],
      ["UNTIL that is not a date", { rrule: "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261345" }, "rrule"],
    ];
    for (const [what, change, field] of cases) {
      const res = await h.admin.send("PUT", "/meetings/dated", { ...meeting, ...change });
      assert.equal(res.status, 422, what);
      assert.ok(((await res.json()) as ErrorBody).error.fields[field], `${what}: a field error on ${field}`);
    }
    const session = await h.admin.send("PUT", "/trainings/dated-series", { title: "Dated", description: "x", consent, sessions: [{ ...sessionAt("0000-01-01T18:00:00Z") }] });
    assert.equal(session.status, 422, "a session in year 0000");
    assert.ok(((await session.json()) as ErrorBody).error.fields["sessions.0.startsAt"]);
    assert.equal(await h.count("select count(*)::int as n from meetings where slug = 'dated'"), 0);
    assert.equal(await h.count("select count(*)::int as n from training_series where slug = 'dated-series'"), 0);
    assert.equal((await h.admin.send("PUT", "/meetings/dated", { ...meeting, rrule: "FREQ=WEEKLY;BYDAY=MO;COUNT=4" })).status, 201, "a good COUNT saves");
  });

  test("another coalition's address cannot be taken over; a partner's key cannot write", async () => {
    await h.db.query("insert into organizations (slug, name, kind) values ('other-coalition', 'Other', 'coalition')");
    await h.db.query("insert into meetings (coalition_id, slug, title, description, time_zone, start_date, start_time, duration_minutes, rrule, format, consent_coalition_text, consent_coalition_version, consent_partner_text, consent_partner_version) select id, 'theirs', 'Theirs', 'x', 'America/New_York', '2026-01-01', '10:00', 60, 'FREQ=WEEKLY;BYDAY=TH', 'virtual', 'c', '1', 'p', '1' from organizations where slug = 'other-coalition'");
    const res = await h.admin.send("PUT", "/meetings/theirs", { title: "Mine now", description: "x", timeZone: "America/New_York", startDate: "2026-01-01", startTime: "10:00", durationMinutes: 60, rrule: "FREQ=WEEKLY;BYDAY=TH", format: "virtual", consent });
    assert.equal(((await res.json()) as ErrorBody).error.fields.slug, "That address is taken. Choose another.");
    assert.equal(await h.count("select count(*)::int as n from meetings where slug = 'theirs' and title = 'Theirs'"), 1);
    const partner = await adminFor(h, "conncan");
    assert.equal((await partner.send("PUT", "/surveys/x-survey", { title: "x", variants: [] })).status, 404);
  });
});
