import { before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import ICAL from "ical.js";
import { deliverDueMessages } from "../services/messages/delivery.js";
import { smtpTransport } from "../services/messages/transport.js";
import { adminFor } from "../testing/admin.js";
import { linkIn } from "../testing/email-links.js";
import { DB_LABEL, signer } from "../testing/harness.js";
import { icsDate, parseIcs } from "../testing/ics-parse.js";
import type { ReceivedMail } from "../testing/smtp-sink.js";
import { mailSuite } from "../testing/suites.js";
import { hourInDays, seriesOf, sessionIds, sessionInDays } from "../testing/trainings.js";

const HOUR = 3_600_000;
const SERIES = seriesOf("mail-series", "Mail series", "For email tests.", [
  sessionInDays("open", 5),
  sessionInDays("one-seat", 6, { capacity: 1 }),
  sessionInDays("moving", 8),
  sessionInDays("spanish", 9),
  sessionInDays("kids", 10),
]);
/** A header as sent (mailparser restructures List-* headers, so read the raw line). */
const header = (mail: ReceivedMail, name: string) => mail.raw.headerLines.find((l) => l.key === name)?.line.replace(/^[^:]+:\s*/, "").replace(/\r?\n\s+/g, " ");

describe(`email for trainings (${DB_LABEL})`, () => {
  const h = mailSuite({ extraTrainings: [SERIES], webhooks: false });
  let ids: Record<string, string>;
  before(async () => {
    ids = await sessionIds(h.db);
  });
  beforeEach(() => {
    h.sink.refuseWith = undefined;
  });

  const register = (key: string, body: Record<string, unknown>, headers: Record<string, string> = {}) => h.post(`/v1/trainings/mail-series/sessions/${ids[key]}/registrations`, body, headers);
  const statusOf = async (email: string, kind: string) =>
    (await h.db.query<{ status: string; attempts: number; last_error: string | null }>(
      "select m.status, m.attempts, m.last_error from messages m join people p on p.id = m.person_id where p.email_normalized = $1 and m.kind = $2 order by m.created_at",
      [email, kind],
    ));

  test("registering sends a confirmation with the join link, a calendar file that parses and a cancel link that works", async () => {
    const who = signer({ firstName: "Maya" });
    assert.equal((await register("open", who)).status, 201);
    await h.deliver();
    const mail = await h.sink.waitFor((m) => m.to.includes(who.email as string));
    assert.equal(mail.subject, "You're registered: Session open");
    assert.match(mail.text, /Hi Maya,/);
    assert.match(mail.text, /https:\/\/meet\.example\.org\/open/, "the join link is in the email");
    assert.match(mail.html, /href="https:\/\/meet\.example\.org\/open"/);
    assert.match(mail.text, /\(America\/New York\)/, "the time names the event's own zone");
    assert.ok(header(mail, "from")?.includes("CT Fund Our Schools Coalition"));
    const ics = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"));
    assert.ok(ics, "a calendar file is attached");
    const parsed = parseIcs(ics.content);
    assert.equal(parsed.events.length, 1);
    assert.equal(icsDate(parsed.events[0]!.DTSTART!).toISOString(), SERIES.sessions[0]!.startsAt);
    assert.equal(parsed.events[0]!.URL, "https://meet.example.org/open");
    assert.equal(parsed.events[0]!.SEQUENCE, "0");
    // The parser calendar apps use (ical.js, from Thunderbird/Lightning) reads the same event.
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics.content)).getFirstSubcomponent("vevent")!);
    assert.equal(event.startDate.toJSDate().toISOString(), SERIES.sessions[0]!.startsAt);
    assert.equal(event.summary, "Session open · Mail series");
    assert.match(event.description, /Join online: https:\/\/meet\.example\.org\/open/);
    const row = (await statusOf(who.email as string, "training.confirmation"))[0]!;
    assert.equal(row.status, "sent");

    const cancel = linkIn(mail, "/v1/registrations/cancel?token=");
    assert.ok(cancel);
    const token = new URL(cancel).searchParams.get("token")!;
    const res = await fetch(`${h.url}/v1/registrations/cancel`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token }) });
    assert.equal(((await res.json()) as { status: string }).status, "cancelled");
    assert.ok((await statusOf(who.email as string, "training.reminder")).every((r) => r.status === "cancelled"), "a cancelled registration gets no reminders");
  });

  test("the first person on a full session's waitlist is told their place, then 'you have a seat' when one frees up", async () => {
    const first = signer({ firstName: "Ari" });
    const second = signer({ firstName: "Bo" });
    await register("one-seat", first);
    await register("one-seat", second);
    await h.deliver();
    const waitlisted = await h.sink.waitFor((m) => m.to.includes(second.email as string));
    assert.equal(waitlisted.subject, "You're on the waitlist: Session one-seat");
    assert.match(waitlisted.text, /Number 1 on the waitlist/);
    assert.doesNotMatch(waitlisted.text, /meet\.example\.org/, "no join link without a seat");

    const confirmation = await h.sink.waitFor((m) => m.to.includes(first.email as string));
    const token = new URL(linkIn(confirmation, "/v1/registrations/cancel?token=")!).searchParams.get("token")!;
    const res = await fetch(`${h.url}/v1/registrations/cancel`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token }) });
    assert.equal(((await res.json()) as { promoted: boolean }).promoted, true);
    await h.deliver();
    const seat = await h.sink.waitFor((m) => m.to.includes(second.email as string) && m.subject.startsWith("You have a seat"));
    assert.equal(seat.subject, "You have a seat: Session one-seat");
    assert.match(seat.text, /https:\/\/meet\.example\.org\/one-seat/);
    assert.ok(seat.attachments.some((a) => a.contentType.startsWith("text/calendar")));
    assert.ok(linkIn(seat, "/v1/registrations/cancel?token="));
  });

  test("reminders arrive 24 hours and 1 hour before, not earlier, and one-click unsubscribe stops the rest", async () => {
    const who = signer({ firstName: "Cy" });
    await register("open", who);
    const sessionStart = hourInDays(5).getTime();
    await h.deliver();
    assert.equal(h.sink.to(who.email as string).filter((m) => m.subject.startsWith("Reminder")).length, 0);
    await h.deliver(new Date(sessionStart - 25 * HOUR));
    assert.equal(h.sink.to(who.email as string).filter((m) => m.subject.startsWith("Reminder")).length, 0, "nothing a day and an hour early");
    await h.deliver(new Date(sessionStart - 24 * HOUR + 60_000));
    const reminder = await h.sink.waitFor((m) => m.to.includes(who.email as string) && m.subject.startsWith("Reminder"));
    assert.equal(reminder.subject, "Reminder: Session open starts in 24 hours");
    assert.equal(header(reminder, "list-unsubscribe-post"), "List-Unsubscribe=One-Click");
    const unsubscribe = /<([^>]+)>/.exec(header(reminder, "list-unsubscribe") ?? "")?.[1];
    assert.ok(unsubscribe?.startsWith(`${h.url}/v1/messages/unsubscribe?token=`));
    if (!unsubscribe) return;

    // A GET (a link scanner) changes nothing; the mail app's one-click POST does.
    assert.match(await (await fetch(unsubscribe)).text(), /Stop reminders/);
    const res = await fetch(unsubscribe, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /no more reminders for Mail series/);
    await h.deliver(new Date(sessionStart - HOUR + 60_000));
    assert.equal(h.sink.to(who.email as string).filter((m) => m.subject.startsWith("Reminder")).length, 1, "the 1-hour reminder was not sent");
    assert.deepEqual((await statusOf(who.email as string, "training.reminder")).map((r) => r.status), ["sent", "cancelled"]);
    const recorded = await h.count("select count(*)::int as n from message_unsubscribes u join people p on p.id = u.person_id where p.email_normalized = $1", [who.email]);
    assert.equal(recorded, 1);
  });

  test("an organizer moving a session notifies every registrant with an updated calendar, and reminders follow the new time", async () => {
    const people = [signer({ firstName: "Dee" }), signer({ firstName: "Eli" })];
    for (const who of people) await register("moving", who);
    await h.deliver();
    const admin = await adminFor(h);
    const moved = { ...sessionInDays("moving", 8), startsAt: hourInDays(11).toISOString(), endsAt: new Date(hourInDays(11).getTime() + 2 * HOUR).toISOString() };
    const series = { ...SERIES, sessions: SERIES.sessions.map((s) => (s.key === "moving" ? moved : s)) };
    const { slug: _slug, ...body } = series;
    assert.equal((await admin.send("PUT", "/trainings/mail-series", body)).status, 200);
    await h.deliver();
    for (const who of people) {
      const notice = await h.sink.waitFor((m) => m.to.includes(who.email as string) && m.subject.startsWith("Changed"));
      assert.equal(notice.subject, "Changed: Session moving");
      const event = parseIcs(notice.attachments.find((a) => a.contentType.startsWith("text/calendar"))!.content).events[0]!;
      assert.equal(event.SEQUENCE, "1");
      assert.equal(icsDate(event.DTSTART!).toISOString(), moved.startsAt);
    }
    // The old reminder time passes in silence; the new one brings the reminder.
    await h.deliver(new Date(hourInDays(8).getTime() - 24 * HOUR + 60_000));
    assert.equal(h.sink.received.filter((m) => m.subject.startsWith("Reminder: Session moving")).length, 0);
    await h.deliver(new Date(hourInDays(11).getTime() - 24 * HOUR + 60_000));
    for (const who of people) await h.sink.waitFor((m) => m.to.includes(who.email as string) && m.subject.startsWith("Reminder: Session moving"));

    const cancelled = { ...series, sessions: series.sessions.map((s) => (s.key === "moving" ? { ...moved, status: "cancelled" as const } : s)) };
    const { slug: _s, ...cancelBody } = cancelled;
    assert.equal((await admin.send("PUT", "/trainings/mail-series", cancelBody)).status, 200);
    await h.deliver();
    const notice = await h.sink.waitFor((m) => m.to.includes(people[0]!.email as string) && m.subject.startsWith("Cancelled"));
    const event = parseIcs(notice.attachments[0]!.content).events[0]!;
    assert.equal(event.STATUS, "CANCELLED");
    assert.equal(event.SEQUENCE, "2");
  });

  test("a Spanish registration gets Spanish email", async () => {
    const who = signer({ firstName: "Lucía" });
    await register("spanish", who, { "Accept-Language": "es-MX,es;q=0.9" });
    await h.deliver();
    const mail = await h.sink.waitFor((m) => m.to.includes(who.email as string));
    assert.equal(mail.subject, "Tu inscripción está confirmada: Session spanish");
    assert.match(mail.text, /Hola, Lucía:/);
    assert.match(mail.text, /Cancela tu inscripción/);
    assert.match(mail.html, /<html[^>]*lang="es"/);
  });

  test("a refused address is marked failed and not retried; a server that is down loses nothing", async () => {
    const refused = signer();
    h.sink.refuseWith = 550;
    assert.equal((await register("open", refused)).status, 201);
    await h.deliver();
    let [row] = await statusOf(refused.email as string, "training.confirmation");
    assert.equal(row!.status, "failed");
    assert.match(row!.last_error ?? "", /SMTP 550/);
    h.sink.refuseWith = undefined;
    await h.deliver(new Date(Date.now() + 48 * HOUR));
    [row] = await statusOf(refused.email as string, "training.confirmation");
    assert.equal(row!.status, "failed");
    assert.equal(row!.attempts, 1, "a permanent failure is not retried");

    // Temporary trouble (4xx): the registration succeeds, the email waits and goes out later.
    const later = signer();
    h.sink.refuseWith = 451;
    assert.equal((await register("open", later)).status, 201);
    await h.deliver();
    [row] = await statusOf(later.email as string, "training.confirmation");
    assert.equal(row!.status, "queued");
    assert.match(row!.last_error ?? "", /451/);
    h.sink.refuseWith = undefined;
    await h.deliver(new Date(Date.now() + 10 * 60_000));
    await h.sink.waitFor((m) => m.to.includes(later.email as string));
    [row] = await statusOf(later.email as string, "training.confirmation");
    assert.equal(row!.status, "sent");

    // No server at all: still registered, still queued.
    const offline = signer();
    const closed = smtpTransport("smtp://127.0.0.1:9");
    assert.equal((await register("open", offline)).status, 201);
    await deliverDueMessages(h.db, closed, { publicUrl: h.url });
    closed.close();
    [row] = await statusOf(offline.email as string, "training.confirmation");
    assert.equal(row!.status, "queued");
    assert.ok(row!.last_error);
  });

  test("nothing is sent to a person recorded as under 13", async () => {
    const kid = signer({ firstName: "Kid", ageBand: "under_13", guardianEmail: "parent@example.org", guardianConsent: true });
    assert.equal((await h.post("/v1/petitions/ct-funding-gap/signatures", kid)).status, 201);
    assert.equal((await register("kids", { firstName: "Kid", email: kid.email })).status, 201);
    // (Their guardian is asked about the petition signature; the child gets nothing.)
    assert.equal(await h.count("select count(*)::int as n from messages m join people p on p.id = m.person_id where p.email_normalized = $1 and m.to_address = p.email_normalized", [kid.email]), 0);
  });

  test("organizers see the log per campaign and person, can resend, and erasure keeps the log line without content", async () => {
    const who = signer();
    await register("spanish", who);
    await h.deliver();
    await h.sink.waitFor((m) => m.to.includes(who.email as string));
    const admin = await adminFor(h);
    const log = (await (await admin.get(`/messages?campaign=mail-series&email=${encodeURIComponent(who.email as string)}`)).json()) as { messages: Array<{ id: string; kind: string; status: string; to: string; subject: string }> };
    const confirmation = log.messages.find((m) => m.kind === "training.confirmation")!;
    assert.equal(confirmation.status, "sent");
    assert.equal(confirmation.subject, "You're registered: Session spanish");
    assert.match(confirmation.to, /^s\*\*\*@example\.org$/, "addresses are masked");
    assert.equal((await admin.send("POST", `/messages/${confirmation.id}/resend`)).status, 201);
    await h.deliver();
    assert.equal(h.sink.to(who.email as string).filter((m) => m.subject === "You're registered: Session spanish").length, 2);

    assert.equal((await admin.send("POST", "/people/erase", { email: who.email })).status, 200);
    const rows = await h.db.query<{ to_address: string | null; subject: string | null; person_id: string | null; status: string }>(
      "select m.to_address, m.subject, m.person_id, m.status from messages m where m.id = $1",
      [confirmation.id],
    );
    assert.deepEqual(rows[0], { to_address: null, subject: null, person_id: null, status: "sent" });
  });

  test("a suppressed address gets nothing further: after a permanent refusal, or after stopping all email", async () => {
    const bounced = signer();
    h.sink.refuseWith = 550;
    await register("open", bounced);
    await h.deliver();
    h.sink.refuseWith = undefined;
    await register("spanish", bounced);
    assert.deepEqual((await statusOf(bounced.email as string, "training.confirmation")).map((r) => r.status), ["failed"], "nothing more is queued for a refused address");

    const quits = signer();
    await register("open", quits);
    await h.deliver(new Date(hourInDays(5).getTime() - 24 * HOUR + 60_000));
    const reminder = await h.sink.waitFor((m) => m.to.includes(quits.email as string) && m.subject.startsWith("Reminder"));
    const page = /<([^>]+)>/.exec(header(reminder, "list-unsubscribe") ?? "")![1]!;
    assert.match(await (await fetch(page)).text(), /Stop all email from these organizers/);
    const res = await fetch(page.split("?")[0]!, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ token: new URL(page).searchParams.get("token")!, decision: "all" }) });
    assert.match(await res.text(), /no more email from CT Fund Our Schools Coalition/);
    await register("spanish", quits);
    assert.equal((await statusOf(quits.email as string, "training.confirmation")).length, 1, "no confirmation is queued after stopping all email");

    const admin = await adminFor(h);
    const list = (await (await admin.get("/messages/suppressions")).json()) as { suppressions: Array<{ email: string; reason: string }> };
    assert.deepEqual(
      list.suppressions.filter((x) => [bounced.email, quits.email].includes(x.email)).map((x) => [x.email, x.reason]).sort(),
      [[bounced.email, "bounced"], [quits.email, "unsubscribed"]].sort(),
    );
    const bytes = Buffer.from(await (await admin.get("/messages/suppressions.csv")).arrayBuffer());
    const csv = bytes.toString("utf8");
    assert.ok(csv.startsWith("\ufeffemail,reason,since"), "a UTF-8 BOM, so spreadsheets read it right");
    assert.ok(csv.includes(`${quits.email},unsubscribed,`));
  });
});
