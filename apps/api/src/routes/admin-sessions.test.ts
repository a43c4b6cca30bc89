// PATCH /v1/admin/trainings/:slug/sessions/:key against the real API, database and an in-process
// SMTP server: moving or cancelling one session emails everyone it affects (with an updated
// calendar file), reminders follow, and mistakes are field errors that change nothing.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { AdminTrainingList, DATE_TIME_MESSAGE, SESSION_CANCELLED_MESSAGE, SESSION_ENDS_MESSAGE, SESSION_FIELDS_MESSAGE, SESSION_PAST_MESSAGE, SESSION_PLACE_MESSAGE, SESSION_STARTS_MESSAGE, SESSION_STATUS_MESSAGE, TrainingSessionChanged } from "@coalition-kit/schema";
import { adminFor } from "../testing/admin.js";
import { DB_LABEL, signer } from "../testing/harness.js";
import { icsDate, parseIcs } from "../testing/ics-parse.js";
import type { ReceivedMail } from "../testing/smtp-sink.js";
import { mailSuite } from "../testing/suites.js";
import { hourInDays, seriesOf, sessionIds, sessionInDays } from "../testing/trainings.js";

const HOUR = 3_600_000;
const session = (key: string, days: number) => sessionInDays(key, days, { capacity: 2 });
const SERIES = seriesOf("patch-series", "Patch series", "For session changes.", [session("moving", 8), session("cancelling", 9), session("steady", 10), session("replayed", 12)]);
type ErrorBody = { error: { code: string; fields?: Record<string, string> } };
const calendarOf = (mail: ReceivedMail) => parseIcs(mail.attachments.find((a) => a.contentType.startsWith("text/calendar"))!.content).events[0]!;

describe(`admin: change or cancel one training session (${DB_LABEL})`, () => {
  const h = mailSuite({ extraTrainings: [SERIES], webhooks: false });
  let ids: Record<string, string>;
  before(async () => {
    ids = await sessionIds(h.db);
  });

  const register = (key: string, who: Record<string, unknown>) => h.post(`/v1/trainings/patch-series/sessions/${ids[key]}/registrations`, who);
  const patch = (key: string, body: unknown, headers: Record<string, string> = {}) => h.admin.send("PATCH", `/trainings/patch-series/sessions/${key}`, body, headers);
  /** Two seated, one waitlisted; their confirmations delivered. */
  async function threePeople(key: string) {
    const people = [signer({ firstName: "Dee" }), signer({ firstName: "Eli" }), signer({ firstName: "Fay" })];
    for (const who of people) assert.equal((await register(key, who)).status, 201);
    await h.deliver();
    for (const who of people) await h.sink.waitFor((m) => m.to.includes(who.email as string));
    return people.map((p) => p.email as string);
  }
  const kinds = async (key: string, kind: string) =>
    (await h.db.query<{ status: string; send_at: Date | string }>(
      "select m.status, m.send_at from messages m join training_registrations r on r.id = m.registration_id join training_sessions s on s.id = r.session_id where s.key = $1 and m.kind = $2 order by m.send_at",
      [key, kind],
    ));

  test("moving a session emails each registrant and waitlisted person a change with a higher SEQUENCE; reminders follow the new time", async () => {
    const people = await threePeople("moving");
    const confirmation = calendarOf(h.sink.to(people[0]!).find((m) => m.subject.startsWith("You're registered"))!);
    const startsAt = new Date(hourInDays(11).getTime()).toISOString().replace(".000Z", "Z");
    const endsAt = new Date(hourInDays(11).getTime() + 2 * HOUR).toISOString();
    const res = await patch("moving", { startsAt, endsAt, format: "hybrid", location: "Wilson Branch Library, New Haven" });
    assert.equal(res.status, 200);
    const body = TrainingSessionChanged.parse(await res.json());
    assert.equal(body.notified, 3, "two seated and one waitlisted were told");
    assert.deepEqual([body.session.startsAt, body.session.endsAt, body.session.format, body.session.location], [new Date(startsAt).toISOString(), endsAt, "hybrid", "Wilson Branch Library, New Haven"]);

    await h.deliver();
    for (const email of people) {
      const notice = await h.sink.waitFor((m) => m.to.includes(email) && m.subject === "Changed: Session moving");
      const event = calendarOf(notice);
      assert.ok(Number(event.SEQUENCE) > Number(confirmation.SEQUENCE), `SEQUENCE ${event.SEQUENCE} is higher than ${confirmation.SEQUENCE}`);
      assert.equal(icsDate(event.DTSTART!).toISOString(), new Date(startsAt).toISOString());
      assert.match(notice.text, /Wilson Branch Library/);
    }
    // The old reminder time passes in silence; the new one brings reminders to the two with seats.
    await h.deliver(new Date(hourInDays(8).getTime() - 24 * HOUR + 60_000));
    assert.equal(h.sink.received.filter((m) => m.subject.startsWith("Reminder: Session moving")).length, 0);
    await h.deliver(new Date(hourInDays(11).getTime() - 24 * HOUR + 60_000));
    for (const email of people.slice(0, 2)) await h.sink.waitFor((m) => m.to.includes(email) && m.subject.startsWith("Reminder: Session moving"));
    assert.equal(h.sink.to(people[2]!).filter((m) => m.subject.startsWith("Reminder")).length, 0, "no reminder without a seat");

    const { series } = AdminTrainingList.parse(await (await h.admin.get("/trainings")).json());
    const listed = series.find((s) => s.slug === "patch-series")!.sessions.find((s) => s.key === "moving")!;
    assert.equal(listed.startsAt, new Date(startsAt).toISOString(), "the organizer's list shows the new time");
  });

  test("cancelling sends a cancellation and stops reminders; a cancelled session is not reopened or changed", async () => {
    const people = await threePeople("cancelling");
    const res = await patch("cancelling", { status: "cancelled" });
    assert.equal(res.status, 200);
    const body = TrainingSessionChanged.parse(await res.json());
    assert.deepEqual([body.session.status, body.notified], ["cancelled", 3]);
    await h.deliver();
    for (const email of people) {
      const event = calendarOf(await h.sink.waitFor((m) => m.to.includes(email) && m.subject === "Cancelled: Session cancelling"));
      assert.equal(event.STATUS, "CANCELLED");
      assert.equal(event.SEQUENCE, "1");
    }
    assert.ok((await kinds("cancelling", "training.reminder")).every((r) => r.status === "cancelled"), "every queued reminder was withdrawn");
    await h.deliver(new Date(hourInDays(9).getTime() - HOUR + 60_000));
    assert.equal(h.sink.received.filter((m) => m.subject.startsWith("Reminder: Session cancelling")).length, 0);

    const reopen = await patch("cancelling", { status: "scheduled" });
    assert.equal(reopen.status, 422);
    assert.equal(((await reopen.json()) as ErrorBody).error.fields?.status, SESSION_STATUS_MESSAGE);
    const move = await patch("cancelling", { startsAt: hourInDays(20).toISOString() });
    assert.equal(((await move.json()) as ErrorBody).error.fields?.startsAt, SESSION_CANCELLED_MESSAGE);
    const again = await patch("cancelling", { status: "cancelled" });
    assert.equal(again.status, 200);
    assert.equal(TrainingSessionChanged.parse(await again.json()).notified, 0, "cancelling twice tells nobody twice");
    assert.equal((await kinds("cancelling", "training.cancelled")).length, 3);
  });

  test("mistakes are field errors (in Spanish when asked), unknown sessions are not_found, and nothing changes", async () => {
    await threePeople("steady");
    const snapshot = async () => ({
      session: await h.db.query("select starts_at, ends_at, format, location, virtual_link, status, sequence from training_sessions where id = $1", [ids.steady]),
      messages: await h.count("select count(*)::int as n from messages"),
    });
    const before = await snapshot();
    const at = (days: number, hours = 0) => new Date(hourInDays(days).getTime() + hours * HOUR).toISOString();
    const cases: Array<[unknown, Record<string, string>]> = [
      [{ startsAt: at(15), endsAt: at(15, -1) }, { endsAt: SESSION_ENDS_MESSAGE }],
      [{ startsAt: "2026-02-30T18:00:00-05:00", endsAt: "2026-02-30T19:30:00-05:00" }, { startsAt: DATE_TIME_MESSAGE, endsAt: DATE_TIME_MESSAGE }],
      [{ startsAt: "next tuesday" }, { startsAt: DATE_TIME_MESSAGE }],
      [{ startsAt: at(15) }, { startsAt: SESSION_STARTS_MESSAGE }],
      [{ startsAt: at(-1), endsAt: at(-1, 1) }, { startsAt: SESSION_PAST_MESSAGE }],
      [{ format: "in_person" }, { location: SESSION_PLACE_MESSAGE }],
      [{ status: "scheduled" }, { status: SESSION_STATUS_MESSAGE }],
      [{ title: "Renamed" }, { _form: SESSION_FIELDS_MESSAGE }],
    ];
    for (const [body, fields] of cases) {
      const res = await patch("steady", body);
      assert.equal(res.status, 422, JSON.stringify(body));
      const error = ((await res.json()) as ErrorBody).error;
      assert.equal(error.code, "validation_failed");
      assert.deepEqual(error.fields, fields, JSON.stringify(body));
    }
    const spanish = await patch("steady", { startsAt: at(15), endsAt: at(15, -1) }, { "Accept-Language": "es" });
    assert.equal(((await spanish.json()) as ErrorBody).error.fields?.endsAt, "Una sesión termina después de empezar.");

    const unknown = await patch("no-such-session", { status: "cancelled" });
    assert.deepEqual([unknown.status, ((await unknown.json()) as ErrorBody).error.code], [404, "not_found"]);
    const otherSeries = await h.admin.send("PATCH", "/trainings/no-such-series/sessions/steady", { status: "cancelled" });
    assert.equal(otherSeries.status, 404);
    const partner = await adminFor(h, "educators-for-excellence");
    assert.equal((await partner.send("PATCH", "/trainings/patch-series/sessions/steady", { status: "cancelled" })).status, 404, "coalitions only");
    const noKey = await patch("steady", { status: "cancelled" }, { "Idempotency-Key": "" });
    assert.equal(noKey.status, 422);
    assert.ok(((await noKey.json()) as ErrorBody).error.fields?.idempotencyKey, "a write that emails people needs an Idempotency-Key");

    assert.deepEqual(await snapshot(), before, "the session and the message queue are as they were");
  });

  test("replaying an Idempotency-Key returns the same answer and notifies nobody twice", async () => {
    const people = await threePeople("replayed");
    const change = { startsAt: hourInDays(13).toISOString(), endsAt: new Date(hourInDays(13).getTime() + HOUR).toISOString() };
    const headers = { "Idempotency-Key": "patch-replayed-0001" };
    const first = await patch("replayed", change, headers);
    const firstBody = await first.json();
    const replay = await patch("replayed", change, headers);
    assert.equal(replay.status, 200);
    assert.equal(replay.headers.get("idempotent-replayed"), "true");
    assert.deepEqual(await replay.json(), firstBody);
    const conflict = await patch("replayed", { ...change, location: "Elsewhere" }, headers);
    assert.equal(conflict.status, 409, "the same key with different details is refused");
    // The same change sent again under a new key changes nothing, so it tells nobody.
    assert.equal(TrainingSessionChanged.parse(await (await patch("replayed", change)).json()).notified, 0);

    assert.equal((await kinds("replayed", "training.changed")).length, 3);
    await h.deliver();
    for (const email of people) await h.sink.waitFor((m) => m.to.includes(email) && m.subject === "Changed: Session replayed");
    assert.deepEqual(people.map((email) => h.sink.to(email).filter((m) => m.subject.startsWith("Changed")).length), [1, 1, 1]);
  });
});
