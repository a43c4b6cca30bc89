// PUT and DELETE /v1/admin/meetings/:slug/weeks/:date against the real API, database and an
// in-process SMTP server: cancelling or moving one week emails everyone who said yes to it,
// reminders follow (also after an undo), and mistakes are field errors that change nothing.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { AdminMeetingList, DATE_MESSAGE, MeetingWeekChanged, SESSION_PAST_MESSAGE, SESSION_PLACE_MESSAGE, TIME_MESSAGE, WEEK_CANCEL_ALONE_MESSAGE, WEEK_CANCELLED_MESSAGE, WEEK_EMPTY_MESSAGE, WEEK_FIELDS_MESSAGE } from "@coalition-kit/schema";
import { addDays } from "../services/time/recurrence.js";
import { localDate, zonedInstant } from "../services/time/zoned-time.js";
import { adminFor } from "../testing/admin.js";
import { DB_LABEL, signer } from "../testing/harness.js";
import { SEJ_KEY, SEJ_ORGANIZATION, SEJ_ZONE, seedWeeklyMeeting } from "../testing/meetings.js";
import { mailSuite } from "../testing/suites.js";

const HOUR = 3_600_000;
type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

describe(`admin: change, cancel or restore one meeting week (${DB_LABEL})`, () => {
  let dates: string[];
  const h = mailSuite({ webhooks: false }, {
    organization: SEJ_ORGANIZATION,
    setup: async (h) => {
      ({ dates } = await seedWeeklyMeeting(h, "weekly"));
    },
  });
  const at = (date: string, time = "16:00") => zonedInstant(date, time, SEJ_ZONE).getTime();

  const rsvp = async (who: Record<string, unknown>, response: string, occurrence: string) => assert.equal((await h.post("/v1/meetings/weekly/rsvps", { ...who, response, occurrence }, { "X-Partner-Key": SEJ_KEY })).status, 201);
  const mails = (who: Record<string, unknown>, prefix: string) => h.sink.to(who.email as string).filter((m) => m.subject.startsWith(prefix));
  const week = (date: string, body?: unknown, headers: Record<string, string> = {}) => h.admin.send(body === undefined ? "DELETE" : "PUT", `/meetings/weekly/weeks/${date}`, body, headers);

  test("cancelling a week emails everyone who said yes to it (not those who said no) and stops its reminder; it stays cancelled", async () => {
    const one = signer({ firstName: "Ama" });
    const every = signer({ firstName: "Bea" });
    const no = signer({ firstName: "Cal" });
    await rsvp(one, "yes", dates[1]!);
    await rsvp(every, "yes", "every_week");
    await rsvp(no, "no", dates[1]!);
    await h.deliver();
    for (const who of [one, every]) await h.sink.waitFor((m) => m.to.includes(who.email as string) && m.subject.startsWith("You're coming"));

    const res = await week(dates[1]!, { cancelled: true, note: "No meeting: school holiday." });
    assert.equal(res.status, 200);
    const body = MeetingWeekChanged.parse(await res.json());
    assert.deepEqual([body.week.status, body.week.changed, body.week.note, body.notified], ["cancelled", true, "No meeting: school holiday.", 2]);
    await h.deliver();
    for (const who of [one, every]) {
      const notice = await h.sink.waitFor((m) => m.to.includes(who.email as string) && m.subject === "Cancelled this week: SEJ Member Meeting");
      assert.match(notice.text, /No meeting: school holiday\./);
    }
    assert.equal(h.sink.to(no.email as string).length, 0, "a 'no' hears nothing");
    await h.deliver(new Date(at(dates[1]!) - 3 * HOUR + 60_000));
    assert.equal(mails(one, "Today").length, 0, "no reminder for the cancelled week");

    const reopen = await week(dates[1]!, { note: "Back on after all." });
    assert.equal(((await reopen.json()) as ErrorBody).error.fields?.cancelled, WEEK_CANCELLED_MESSAGE);
    const undo = await week(dates[1]!);
    assert.equal(undo.status, 422);
    assert.equal(((await undo.json()) as ErrorBody).error.fields?.cancelled, WEEK_CANCELLED_MESSAGE);
    const { meetings } = AdminMeetingList.parse(await (await h.admin.get("/meetings")).json());
    assert.equal(meetings.find((m) => m.slug === "weekly")!.upcoming.find((o) => o.date === dates[1])!.status, "cancelled");
  });

  test("moving a week tells people and its reminder follows; undoing it (DELETE) tells them again and the reminder returns; moving it again tells them a third time", async () => {
    const who = signer({ firstName: "Dev" });
    await rsvp(who, "yes", dates[2]!);
    await h.deliver();
    await h.sink.waitFor((m) => m.to.includes(who.email as string) && m.subject.startsWith("You're coming"));

    const moved = MeetingWeekChanged.parse(await (await week(dates[2]!, { newTime: "17:30", note: "Later this week." })).json());
    // Everyone who said yes to that week is told (here also the "every week" answer of the first test).
    assert.deepEqual([moved.week.moved, moved.week.startsAt, moved.notified], [true, new Date(at(dates[2]!, "17:30")).toISOString(), moved.week.counts.yes]);
    assert.ok(moved.notified >= 1);
    await h.deliver();
    assert.match((await h.sink.waitFor((m) => m.to.includes(who.email as string) && m.subject.startsWith("Moved"))).text, /5:30/);
    await h.deliver(new Date(at(dates[2]!) - 3 * HOUR + 60_000));
    assert.equal(mails(who, "Today").length, 0, "not at the old time");

    const restored = MeetingWeekChanged.parse(await (await week(dates[2]!)).json());
    assert.deepEqual([restored.week.moved, restored.week.changed, restored.week.startsAt, restored.notified], [false, false, new Date(at(dates[2]!)).toISOString(), moved.notified]);
    await h.deliver();
    await h.sink.waitFor(() => mails(who, "Moved").length === 2);
    await h.deliver(new Date(at(dates[2]!) - 3 * HOUR + 60_000));
    await h.sink.waitFor((m) => m.to.includes(who.email as string) && m.subject.startsWith("Today"));

    const again = MeetingWeekChanged.parse(await (await week(dates[2]!, { newTime: "17:30" })).json());
    assert.equal(again.notified, moved.notified, "moved again: told again");
    const nothing = MeetingWeekChanged.parse(await (await week(dates[3]!)).json());
    assert.deepEqual([nothing.notified, nothing.week.changed], [0, false], "undoing a week without an exception changes nothing");
  });

  test("mistakes are field errors (in Spanish when asked), unknown meetings or weeks are not_found, and nothing changes", async () => {
    const who = signer({ firstName: "Eve" });
    await rsvp(who, "yes", dates[4]!);
    const snapshot = async () => ({
      changes: await h.count("select count(*)::int as n from meeting_changes"),
      messages: await h.count("select count(*)::int as n from messages"),
    });
    const before = await snapshot();
    const cases: Array<[unknown, Record<string, string>]> = [
      [{}, { _form: WEEK_EMPTY_MESSAGE }],
      [{ newDate: "2026-02-30" }, { newDate: DATE_MESSAGE }],
      [{ newTime: "25:00" }, { newTime: TIME_MESSAGE }],
      [{ cancelled: true, newTime: "17:00" }, { cancelled: WEEK_CANCEL_ALONE_MESSAGE }],
      [{ format: "in_person" }, { location: SESSION_PLACE_MESSAGE }],
      [{ newDate: addDays(localDate(Date.now(), SEJ_ZONE), -1) }, { newDate: SESSION_PAST_MESSAGE }],
      [{ title: "Renamed" }, { _form: WEEK_FIELDS_MESSAGE }],
    ];
    for (const [body, fields] of cases) {
      const res = await week(dates[4]!, body);
      assert.equal(res.status, 422, JSON.stringify(body));
      assert.deepEqual(((await res.json()) as ErrorBody).error.fields, fields, JSON.stringify(body));
    }
    const spanish = await week(dates[4]!, { newTime: "25:00" }, { "Accept-Language": "es" });
    assert.equal(((await spanish.json()) as ErrorBody).error.fields?.newTime, "Escribe una hora como HH:MM (24 horas).");

    for (const path of [`/meetings/weekly/weeks/${addDays(dates[4]!, 1)}`, "/meetings/weekly/weeks/2026-02-30", `/meetings/no-such-meeting/weeks/${dates[4]}`]) {
      const res = await h.admin.send("PUT", path, { cancelled: true });
      assert.deepEqual([res.status, ((await res.json()) as ErrorBody).error.code], [404, "not_found"], path);
    }
    const otherCoalition = await adminFor(h);
    assert.equal((await otherCoalition.send("PUT", `/meetings/weekly/weeks/${dates[4]}`, { cancelled: true })).status, 404, "another coalition's meeting");
    const noKey = await week(dates[4]!, { cancelled: true }, { "Idempotency-Key": "" });
    assert.ok(((await noKey.json()) as ErrorBody).error.fields?.idempotencyKey);
    assert.deepEqual(await snapshot(), before);
  });

  test("replaying an Idempotency-Key returns the same answer and notifies nobody twice", async () => {
    const who = signer({ firstName: "Fin" });
    await rsvp(who, "yes", dates[3]!);
    const headers = { "Idempotency-Key": "week-replayed-0001" };
    const first = await week(dates[3]!, { newTime: "18:00" }, headers);
    const replay = await week(dates[3]!, { newTime: "18:00" }, headers);
    assert.equal(replay.headers.get("idempotent-replayed"), "true");
    assert.deepEqual(await replay.json(), await first.json());
    const count = await h.count("select count(*)::int as n from messages m join meeting_attendees a on a.id = m.attendee_id join people p on p.id = a.person_id where p.email_normalized = $1 and m.kind = 'meeting.changed'", [who.email]);
    assert.equal(count, 1);
  });
});
