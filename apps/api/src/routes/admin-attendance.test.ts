// Attendance and series progress against the real API and database (issue 20): organizers mark a
// session's registrants one by one or from a CSV (row-level errors, good rows stored), progress
// across the series and completion show on the series detail with per-partner numbers, and
// completion queues one `series.completed` webhook event per person, with details by consent.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  ATTENDANCE_HEADER_MESSAGE,
  ATTENDANCE_NOT_REGISTERED_MESSAGE,
  ATTENDANCE_NOT_STARTED_MESSAGE,
  ATTENDANCE_ROWS_MESSAGE,
  ATTENDANCE_TWICE_MESSAGE,
  ATTENDANCE_VALUE_MESSAGE,
  ATTENDANCE_EMAIL_MESSAGE,
  ATTENDED_MESSAGE,
  COMPLETION_THRESHOLD_MESSAGE,
  COMPLETION_THRESHOLD_SESSIONS_MESSAGE,
  AdminTrainingSeriesDetail,
  AttendanceMarked,
  AttendanceRoster,
  AttendanceUploaded,
  PersonExport,
  WebhookCreated,
} from "@coalition-kit/schema";
import { spanishFor } from "@coalition-kit/schema/messages/es";
import { adminFor } from "../testing/admin.js";
import { parseCsv } from "../testing/csv-parse.js";
import { CONNCAN, DB_LABEL, signer } from "../testing/harness.js";
import { adminSuite } from "../testing/suites.js";
import { hourInDays, seriesOf, sessionIds, sessionInDays } from "../testing/trainings.js";

const SLUG = "attendance-series";
const SERIES = seriesOf(SLUG, "Attendance series", "For attendance.", [sessionInDays("a1", 1), sessionInDays("a2", 2), sessionInDays("a3", 3)]);
type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

describe(`admin: attendance and series progress (${DB_LABEL})`, () => {
  // The API's clock: registrations happen now; marks are taken once a session has started.
  let now = new Date();
  const h = adminSuite({ extraTrainings: [SERIES], webhooks: false, clock: () => now });
  let ids: Record<string, string>;
  const people = { ana: signer({ firstName: "Ana", consentCoalition: true }), ben: signer({ firstName: "Ben" }), cy: signer({ firstName: "Cy" }) };
  const email = (who: Record<string, unknown>) => who.email as string;

  before(async () => {
    ids = await sessionIds(h.db);
    const hook = await h.admin.send("POST", "/webhooks", { url: "https://hooks.example.org/ck", events: ["series.completed"] });
    assert.equal(hook.status, 201);
    WebhookCreated.parse(await hook.json());
    for (const key of ["a1", "a2", "a3"]) {
      for (const who of [people.ana, people.ben]) assert.equal((await h.post(`/v1/trainings/${SLUG}/sessions/${ids[key]}/registrations`, who)).status, 201);
    }
    // Cy comes through another partner, to the first session only.
    assert.equal((await h.post(`/v1/trainings/${SLUG}/sessions/${ids.a1}/registrations`, people.cy, { "X-Partner-Key": CONNCAN })).status, 201);
  });

  const roster = async (key: string) => {
    const res = await h.admin.get(`/trainings/${SLUG}/sessions/${key}/attendance`);
    assert.equal(res.status, 200);
    return AttendanceRoster.parse(await res.json());
  };
  const mark = (key: string, registration: string, body: unknown) => h.admin.send("PUT", `/trainings/${SLUG}/sessions/${key}/attendance/${registration}`, body);
  const upload = (key: string, csv: string, headers: Record<string, string> = {}) =>
    fetch(`${h.url}/v1/admin/trainings/${SLUG}/sessions/${key}/attendance.csv`, {
      method: "POST",
      headers: { Authorization: `Bearer ${h.admin.key}`, "Content-Type": "text/csv", "Idempotency-Key": crypto.randomUUID(), ...headers },
      body: csv,
    });
  const detail = async () => AdminTrainingSeriesDetail.parse(await (await h.admin.get(`/trainings/${SLUG}`)).json());
  const completedEvents = () => h.db.query<{ payload: string | Record<string, unknown> }>("select payload from outbox where event_type = 'series.completed'");

  test("before a session starts its roster is listed but marks are refused with a field error", async () => {
    const list = await roster("a1");
    assert.equal(list.open, false);
    assert.deepEqual(list.roster.map((r) => r.firstName), ["Ana", "Ben", "Cy"]);
    assert.ok(list.roster.every((r) => r.attended === null && r.progress.attended === 0 && r.progress.total === 3 && r.progress.held === 0));
    const res = await mark("a1", list.roster[0]!.registration, { attended: true });
    assert.equal(res.status, 422);
    assert.equal(((await res.json()) as ErrorBody).error.fields?.attended, ATTENDANCE_NOT_STARTED_MESSAGE);
    assert.equal(await h.count("select count(*)::int as n from training_attendance"), 0);
  });

  test("marking one registrant shows as progress: attended 1 of 3, one held so far", async () => {
    now = new Date(hourInDays(1).getTime() + 60_000);
    const list = await roster("a1");
    assert.equal(list.open, true);
    const ana = list.roster.find((r) => r.email === email(people.ana))!;
    const res = await mark("a1", ana.registration, { attended: true });
    assert.equal(res.status, 200);
    const { entry } = AttendanceMarked.parse(await res.json());
    assert.equal(entry.attended, true);
    assert.equal(entry.markedAt, now.toISOString());
    assert.deepEqual(entry.progress, { attended: 1, held: 1, total: 3, needed: 3, completed: false });
    // Her other sessions' rosters show the same progress.
    assert.equal((await roster("a2")).roster.find((r) => r.email === email(people.ana))!.progress.attended, 1);
  });

  test("bad marks are field errors; an unknown registration is not found; nothing is stored", async () => {
    const ben = (await roster("a1")).roster.find((r) => r.email === email(people.ben))!;
    const wrong = await mark("a1", ben.registration, { attended: "maybe" });
    assert.equal(wrong.status, 422);
    assert.equal(((await wrong.json()) as ErrorBody).error.fields?.attended, ATTENDED_MESSAGE);
    assert.equal((await mark("a1", "not-a-uuid", { attended: true })).status, 404);
    assert.equal((await mark("a1", crypto.randomUUID(), { attended: true })).status, 404);
    // Ben's seat in a1 is not a seat in a2.
    assert.equal((await mark("a2", ben.registration, { attended: true })).status, 404);
    assert.equal((await roster("a1")).roster.find((r) => r.email === email(people.ben))!.attended, null);
  });

  test("a CSV stores every good row and answers each bad row by its row number", async () => {
    const csv = [
      "Email,Attended,Note",
      `${email(people.ben).toUpperCase()},yes,came late`,
      `${email(people.cy)},maybe,`,
      `nobody@example.org,yes,`,
      `${email(people.ben)},no,`,
      ``,
      `,yes,`,
    ].join("\r\n");
    const res = await upload("a1", csv);
    assert.equal(res.status, 200);
    const body = AttendanceUploaded.parse(await res.json());
    assert.equal(body.marked, 1);
    assert.deepEqual(body.rows, [
      { row: 3, error: ATTENDANCE_VALUE_MESSAGE },
      { row: 4, error: ATTENDANCE_NOT_REGISTERED_MESSAGE },
      { row: 5, error: ATTENDANCE_TWICE_MESSAGE },
      { row: 7, error: ATTENDANCE_EMAIL_MESSAGE },
    ]);
    const list = await roster("a1");
    assert.equal(list.roster.find((r) => r.email === email(people.ben))!.attended, true);
    assert.equal(list.roster.find((r) => r.email === email(people.cy))!.attended, null);
    // Ana's earlier mark is untouched.
    assert.equal(list.roster.find((r) => r.email === email(people.ana))!.attended, true);
  });

  test("asked in Spanish, each bad row's reason is in Spanish", async () => {
    const res = await upload("a1", `email,attended\n${email(people.cy)},quizás\nnadie@example.org,yes\n`, { "Accept-Language": "es" });
    assert.equal(res.status, 200);
    const body = AttendanceUploaded.parse(await res.json());
    assert.deepEqual(body.rows, [
      { row: 2, error: "Escribe yes o no en la columna attended." },
      { row: 3, error: spanishFor(ATTENDANCE_NOT_REGISTERED_MESSAGE) },
    ]);
    assert.notEqual(spanishFor(ATTENDANCE_NOT_REGISTERED_MESSAGE), undefined);
  });

  test("a file without the email and attended columns, or not text/csv, stores nothing", async () => {
    const res = await upload("a1", "name,present\nAna,yes\n");
    assert.equal(res.status, 422);
    assert.equal(((await res.json()) as ErrorBody).error.fields?.csv, ATTENDANCE_HEADER_MESSAGE);
    assert.equal((await upload("a1", "email,attended\n", {})).status, 422);
    assert.equal((await upload("a1", `email,attended\n${email(people.cy)},yes\n`, { "Content-Type": "application/json" })).status, 415);
    assert.equal((await roster("a1")).roster.find((r) => r.email === email(people.cy))!.attended, null);
  });

  test("a file of 2,000 rows is read whole (every row answered); one more row is refused and stores nothing", async () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `someone.with.a.long.address.${i}@schools.example.org,yes`);
    const full = await upload("a1", ["email,attended", ...rows(1999), `${email(people.cy)},no`].join("\n"));
    assert.equal(full.status, 200);
    const body = AttendanceUploaded.parse(await full.json());
    assert.equal(body.marked, 1);
    assert.equal(body.rows.length, 1999);
    assert.deepEqual(body.rows[1998], { row: 2000, error: ATTENDANCE_NOT_REGISTERED_MESSAGE });
    const over = await upload("a1", ["email,attended", ...rows(2000), `${email(people.cy)},yes`].join("\n"));
    assert.equal(over.status, 422);
    assert.equal(((await over.json()) as ErrorBody).error.fields?.csv, ATTENDANCE_ROWS_MESSAGE);
    assert.equal((await roster("a1")).roster.find((r) => r.email === email(people.cy))!.attended, false);
  });

  test("the same upload sent again with its Idempotency-Key is answered as before", async () => {
    const key = crypto.randomUUID();
    const csv = `email,attended\n${email(people.cy)},no\n`;
    const first = await upload("a1", csv, { "Idempotency-Key": key });
    const again = await upload("a1", csv, { "Idempotency-Key": key });
    assert.deepEqual(await again.json(), await first.json());
  });

  test("reaching the threshold completes the series once: one series.completed event, details by consent", async () => {
    now = new Date(hourInDays(3).getTime() + 60_000);
    assert.equal((await upload("a2", `email,attended\n${email(people.ana)},yes\n${email(people.ben)},yes\n`)).status, 200);
    assert.equal((await completedEvents()).length, 0);
    const res = await upload("a3", `email,attended\n${email(people.ana)},x\n${email(people.ben)},1\n`);
    assert.deepEqual(AttendanceUploaded.parse(await res.json()), { marked: 2, rows: [] });
    const events = (await completedEvents()).map((e) => (typeof e.payload === "string" ? JSON.parse(e.payload) : e.payload) as { data: { series: string; attended: number; needed: number; person: { email: string } | null } });
    assert.equal(events.length, 2);
    assert.ok(events.every((e) => e.data.series === SLUG && e.data.attended === 3 && e.data.needed === 3));
    // Ana agreed to hear from the coalition; Ben did not, so his event carries no details.
    assert.deepEqual(events.map((e) => e.data.person?.email ?? null).sort(), [email(people.ana), null].sort());
    // Correcting a mark and marking again sends nothing more.
    const ana = (await roster("a3")).roster.find((r) => r.email === email(people.ana))!;
    assert.equal((await mark("a3", ana.registration, { attended: false })).status, 200);
    assert.equal((await mark("a3", ana.registration, { attended: true })).status, 200);
    assert.equal((await completedEvents()).length, 2);
  });

  test("the series detail shows each person's progress and per-partner registrations, attendance rate and completions", async () => {
    const d = await detail();
    assert.equal(d.series.completionThreshold, "all");
    const byEmail = new Map(d.attendance.people.map((p) => [p.email, p.progress]));
    assert.deepEqual(byEmail.get(email(people.ana)), { attended: 3, held: 3, total: 3, needed: 3, completed: true });
    assert.deepEqual(byEmail.get(email(people.cy)), { attended: 0, held: 3, total: 3, needed: 3, completed: false });
    const partners = new Map(d.attendance.partners.map((p) => [p.partner, p]));
    assert.deepEqual(partners.get("educators-for-excellence"), { partner: "educators-for-excellence", registrations: 6, attendanceRate: 1, completions: 2 });
    assert.deepEqual(partners.get("conncan"), { partner: "conncan", registrations: 1, attendanceRate: 0, completions: 0 });
  });

  test("the registrations CSV shows each registration's mark and the person's progress and completion", async () => {
    const res = await h.admin.get(`/trainings/${SLUG}/registrations.csv`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/csv/);
    const [header, ...rows] = parseCsv((await res.text()).replace(/^\uFEFF/, ""));
    assert.deepEqual(header, ["session", "session_starts_at", "first_name", "last_name", "email", "partner", "status", "registered_at", "attended", "sessions_attended", "sessions_held", "sessions_total", "completed", "channel", "collected_at"]);
    const of = (who: Record<string, unknown>, session: string) => Object.fromEntries(header!.map((name, i) => [name, rows.find((r) => r[4] === email(who) && r[0] === session)![i]]));
    const ana = of(people.ana, "a2");
    assert.deepEqual([ana.attended, ana.sessions_attended, ana.sessions_held, ana.sessions_total, ana.completed], ["yes", "3", "3", "3", "yes"]);
    const cy = of(people.cy, "a1");
    assert.deepEqual([cy.partner, cy.attended, cy.sessions_attended, cy.completed], ["conncan", "no", "0", "no"]);
    assert.equal(rows.length, 7);
  });

  test("the threshold is set with the series: a number of sessions, or null for no completion; too many is a field error", async () => {
    const saved = (await detail()).series;
    const put = (completionThreshold: unknown) => h.admin.send("PUT", `/trainings/${SLUG}`, { ...saved, completionThreshold });
    const tooMany = await put(4);
    assert.equal(tooMany.status, 422);
    assert.equal(((await tooMany.json()) as ErrorBody).error.fields?.completionThreshold, COMPLETION_THRESHOLD_SESSIONS_MESSAGE);
    const wrong = await put("most");
    assert.equal(((await wrong.json()) as ErrorBody).error.fields?.completionThreshold, COMPLETION_THRESHOLD_MESSAGE);
    assert.equal((await put(1)).status, 200);
    let d = await detail();
    assert.equal(d.series.completionThreshold, 1);
    assert.equal(d.attendance.people.find((p) => p.email === email(people.cy))!.progress.needed, 1);
    assert.equal((await put(null)).status, 200);
    d = await detail();
    assert.equal(d.series.completionThreshold, null);
    assert.ok(d.attendance.people.every((p) => p.progress.completed === false && p.progress.needed === null));
    // Left out, it stays as saved.
    const { completionThreshold: _, ...without } = saved;
    assert.equal((await h.admin.send("PUT", `/trainings/${SLUG}`, without)).status, 200);
    assert.equal((await detail()).series.completionThreshold, null);
  });

  test("a person's data export lists their marks and completion; erasing them deletes both", async () => {
    const res = await h.admin.get(`/people?email=${encodeURIComponent(email(people.ben))}`);
    const exported = PersonExport.parse(await res.json());
    assert.deepEqual(exported.registrations.map((r) => r.attended), [true, true, true]);
    assert.ok(exported.registrations.every((r) => typeof r.series_completed_at === "string"));
    const [ben] = await h.db.query<{ id: string }>("select id from people where email_normalized = $1", [email(people.ben)]);
    const marks = "select count(*)::int as n from training_attendance a join training_registrations r on r.id = a.registration_id where r.person_id = $1";
    const completions = "select count(*)::int as n from training_completions where person_id = $1";
    assert.equal(await h.count(marks, [ben!.id]), 3);
    assert.equal(await h.count(completions, [ben!.id]), 1);
    assert.equal((await h.admin.send("POST", "/people/erase", { email: email(people.ben) })).status, 200);
    assert.equal(await h.count("select count(*)::int as n from training_attendance a left join training_registrations r on r.id = a.registration_id where r.id is null or r.person_id = $1", [ben!.id]), 0);
    assert.equal(await h.count(completions, [ben!.id]), 0);
    // Everyone else's marks stay: Ana's three and Cy's one.
    assert.equal(await h.count("select count(*)::int as n from training_attendance"), 4);
  });

  test("another organization's key cannot read or mark this coalition's attendance", async () => {
    const partner = await adminFor(h, "educators-for-excellence");
    const res = await partner.get(`/trainings/${SLUG}/sessions/a1/attendance`);
    assert.ok(res.status === 403 || res.status === 404, `status ${res.status}`);
  });
});
