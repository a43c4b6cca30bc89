import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { MeetingResponse, RsvpResponse } from "@coalition-kit/schema";
import { SEEDS_DIR } from "../paths.js";
import { loadSeedFile, seed } from "../seed/seed.js";
import { meetingCalendar } from "../services/meetings/meeting-calendar.js";
import { findMeeting } from "../services/meetings/meeting-schedule.js";
import { addDays } from "../services/time/recurrence.js";
import { localDate } from "../services/time/zoned-time.js";
import { icsDate, parseIcs, unescapeText } from "../testing/ics-parse.js";
import { DB_LABEL, ORIGIN, signer, startHarness, type Harness } from "../testing/harness.js";

const KEY = "pk_demo_sej_site";
const GUEST_KEY = "pk_test_nh_youth_voice";

describe(`recurring meetings and RSVPs (${DB_LABEL})`, () => {
  let h: Harness;
  let dates: string[];
  before(async () => {
    h = await startHarness();
    const data = await loadSeedFile(`${SEEDS_DIR}sej-students-over-sros.json`);
    // A meeting relative to today, so RSVP tests never depend on the calendar date.
    const start = addDays(localDate(Date.now(), "America/New_York"), 1);
    dates = [0, 7, 14, 21, 28, 35].map((d) => addDays(start, d));
    const base = data.meetings![0]!;
    data.meetings!.push({
      ...base,
      slug: "test-weekly",
      startDate: start,
      rrule: `FREQ=WEEKLY;BYDAY=${["SU", "MO", "TU", "WE", "TH", "FR", "SA"][new Date(`${start}T12:00:00Z`).getUTCDay()]}`,
      breaks: [{ from: dates[2]!, to: dates[2]!, reason: "Skipped" }],
      changes: [{ date: dates[1]!, cancelled: true, note: "Cancelled this week" }, { date: dates[3]!, format: "in_person", location: "Library", note: "In person, with food!" }],
    });
    // A second host: a partner that is not the coalition itself.
    data.partners.push({ slug: "new-haven-youth-voice", name: "New Haven Youth Voice", website: null, publishableKey: GUEST_KEY, allowedOrigins: [ORIGIN] });
    await seed(h.db, data, { extraOrigins: [ORIGIN] });
  });
  after(() => h.stop());

  const read = async () => MeetingResponse.parse(await (await fetch(`${h.url}/v1/meetings/test-weekly?count=5`)).json());
  const send = async (body: Record<string, unknown>) => h.post("/v1/meetings/test-weekly/rsvps", body, { "X-Partner-Key": KEY });

  test("lists the next occurrences: a skipped week is absent, a cancelled one is marked, a changed one carries its note", async () => {
    const { meeting, occurrences, feedUrl } = await read();
    assert.equal(meeting.timeZone, "America/New_York");
    assert.match(meeting.schedule, /^Every \w+day, 4:00 PM$/);
    assert.deepEqual(occurrences.map((o) => o.date), [dates[0], dates[1], dates[3], dates[4], dates[5]]);
    assert.equal(occurrences[1]!.status, "cancelled");
    assert.deepEqual([occurrences[2]!.format, occurrences[2]!.location, occurrences[2]!.note], ["in_person", "Library", "In person, with food!"]);
    assert.match(feedUrl, /\/v1\/meetings\/test-weekly\/calendar\.ics$/);
  });

  test("the schedule line comes in the asker's language", async () => {
    const res = await fetch(`${h.url}/v1/meetings/test-weekly?count=1`, { headers: { "Accept-Language": "es-US,es;q=0.9" } });
    assert.match(res.headers.get("vary") ?? "", /Accept-Language/);
    const { meeting } = MeetingResponse.parse(await res.json());
    assert.match(meeting.schedule, /^Cada (lunes|martes|miércoles|jueves|viernes|sábado|domingo), 16:00$/);
  });

  test("RSVPs count per occurrence; 'every week' covers future occurrences and a single answer wins for its date", async () => {
    const one = RsvpResponse.parse(await (await send({ ...signer(), response: "yes", occurrence: dates[0] })).json());
    assert.equal(one.scope, "one");
    assert.deepEqual(one.occurrences.find((o) => o.date === dates[0])!.counts, { yes: 1, maybe: 0, no: 0 });

    const regular = signer();
    const weekly = RsvpResponse.parse(await (await send({ ...regular, response: "yes", occurrence: "every_week" })).json());
    assert.equal(weekly.scope, "every_week");
    assert.equal(weekly.virtualLink, "https://meet.example.org/sej-members");
    const after = await read();
    assert.deepEqual(after.occurrences.map((o) => o.counts.yes), [2, 1, 1, 1, 1]);

    await send({ ...regular, response: "no", occurrence: dates[3] });
    const final = await read();
    const on = (d: string) => final.occurrences.find((o) => o.date === d)!.counts;
    assert.deepEqual(on(dates[3]!), { yes: 0, maybe: 0, no: 1 });
    assert.deepEqual(on(dates[4]!), { yes: 1, maybe: 0, no: 0 });
  });

  test("RSVPs for a cancelled, skipped or unknown date are field errors", async () => {
    for (const [date, message] of [
      [dates[1], "That meeting is cancelled."],
      [dates[2], "That meeting isn't on the upcoming schedule."],
      ["2020-01-02", "That meeting isn't on the upcoming schedule."],
    ] as const) {
      const res = await send({ ...signer(), response: "yes", occurrence: date });
      assert.equal(res.status, 422);
      assert.equal(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields.occurrence, message);
    }
    const bad = await send({ firstName: "", email: "x", response: "sure", occurrence: "someday" });
    assert.deepEqual(Object.keys(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields).sort(), ["email", "firstName", "occurrence", "response"]);
  });

  test("the signed manage link changes one answer and stops 'every week'", async () => {
    const who = signer();
    const saved = RsvpResponse.parse(await (await send({ ...who, response: "maybe", occurrence: "every_week" })).json());
    const page = await (await fetch(saved.manageUrl)).text();
    assert.match(page, /You answered <strong>Maybe<\/strong> for every week/);
    const token = new URL(saved.manageUrl).searchParams.get("token")!;
    const form = (body: string) => fetch(`${h.url}/v1/meeting-rsvps/manage`, { method: "POST", redirect: "manual", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
    const changed = await form(`token=${encodeURIComponent(token)}&occurrence=${dates[0]}&response=yes`);
    assert.equal(changed.status, 303);
    const stopped = await form(`token=${encodeURIComponent(token)}&action=stop_every_week`);
    assert.equal(stopped.status, 303);
    const after = await (await fetch(saved.manageUrl)).text();
    assert.doesNotMatch(after, /for every week/);
    const forged = await form(`token=${encodeURIComponent(token.slice(0, -3) + "AAA")}&action=stop_every_week`);
    assert.equal(forged.status, 422);
  });

  test("the seeded SEJ feed expands Thursdays at 4 pm New York time across the DST change, skips the summer and the holiday", async () => {
    // The seed's dates are relative to today; read as of Thursday Sept 10, 2026, seeded under a slug of its own.
    const asOf = await loadSeedFile(`${SEEDS_DIR}sej-students-over-sros.json`, Date.parse("2026-09-10T16:00:00Z"));
    await seed(h.db, { ...asOf, meetings: [{ ...asOf.meetings![0]!, slug: "sej-as-of-sept" }] }, { extraOrigins: [ORIGIN] });
    const meeting = (await findMeeting(h.db, "sej-as-of-sept"))!;
    const ics = await meetingCalendar(h.db, meeting, "test", Date.parse("2026-09-10T12:00:00Z"));
    const { events } = parseIcs(ics);
    const byDate = new Map(events.map((e) => [e.UID!.split("@")[0]!.slice(-10), e]));
    // 4 pm EDT = 20:00 UTC before Sunday Nov 1, 2026; 4 pm EST = 21:00 UTC after.
    assert.equal(icsDate(byDate.get("2026-10-29")!.DTSTART!).toISOString(), "2026-10-29T20:00:00.000Z");
    assert.equal(icsDate(byDate.get("2026-11-05")!.DTSTART!).toISOString(), "2026-11-05T21:00:00.000Z");
    assert.equal(icsDate(byDate.get("2026-11-05")!.DTEND!).toISOString(), "2026-11-05T22:30:00.000Z");
    assert.equal(byDate.get("2026-09-24")!.STATUS, "CANCELLED");
    assert.match(unescapeText(byDate.get("2026-09-17")!.LOCATION!), /Wilson Branch Library/);
    assert.equal(icsDate(byDate.get("2026-10-08")!.DTSTART!).toISOString(), "2026-10-07T20:30:00.000Z", "moved to Wednesday 4:30 pm, same event");
    // March 2027 DST: Thursday March 11 is EST, March 18 is EDT.
    assert.equal(icsDate(byDate.get("2027-03-11")!.DTSTART!).toISOString(), "2027-03-11T21:00:00.000Z");
    assert.equal(icsDate(byDate.get("2027-03-18")!.DTSTART!).toISOString(), "2027-03-18T20:00:00.000Z");
    const summer = [...byDate.keys()].filter((d) => d >= "2027-06-14" && d <= "2027-09-08");
    assert.deepEqual(summer, [], "no meetings over the summer break");
    assert.ok(byDate.has("2027-06-10") && byDate.has("2027-09-09"), "meetings right before and after the break");
    assert.deepEqual(asOf.meetings![0]!.breaks![0]!.reason, { en: "Summer break: meetings resume Thursday, September 9.", es: "Descanso de verano: las reuniones vuelven el jueves, 9 de septiembre." });
  });

  test("on the coalition's own page there is one consent checkbox and one consent is recorded; a partner's page asks for both", async () => {
    const readAs = async (key: string) =>
      MeetingResponse.parse(await (await fetch(`${h.url}/v1/meetings/test-weekly?count=1&key=${key}`, { headers: { Origin: ORIGIN } })).json()).meeting;
    assert.equal((await readAs(KEY)).consent.partner, null, "SEJ hosts its own meeting: no second line for the same organization");
    assert.match((await readAs(GUEST_KEY)).consent.partner?.text ?? "", /^Yes, New Haven Youth Voice may email me/);
    const ledger = (email: string) =>
      h.db.query<{ slug: string; scope: string }>(
        "select o.slug, k.scope from consents k join people p on p.id = k.person_id join organizations o on o.id = k.organization_id where p.email_normalized = $1 order by k.scope",
        [email.toLowerCase()],
      );
    const own = signer();
    assert.equal((await send({ ...own, response: "yes", occurrence: dates[0], consentCoalition: true })).status, 201);
    assert.deepEqual(await ledger(own.email as string), [{ slug: "students-for-educational-justice", scope: "coalition" }]);
    const olderClient = signer();
    assert.equal((await send({ ...olderClient, response: "yes", occurrence: dates[0], consentCoalition: true, consentPartner: true })).status, 201);
    assert.deepEqual(await ledger(olderClient.email as string), [{ slug: "students-for-educational-justice", scope: "coalition" }], "both boxes from an older client: still one consent");
    const guest = signer();
    const res = await h.post("/v1/meetings/test-weekly/rsvps", { ...guest, response: "yes", occurrence: dates[0], consentCoalition: true, consentPartner: true }, { "X-Partner-Key": GUEST_KEY });
    assert.equal(res.status, 201);
    assert.deepEqual(await ledger(guest.email as string), [
      { slug: "students-for-educational-justice", scope: "coalition" },
      { slug: "new-haven-youth-voice", scope: "partner" },
    ]);
  });

  test("the feed endpoint serves the expanded calendar", async () => {
    const res = await fetch(`${h.url}/v1/meetings/test-weekly/calendar.ics`);
    assert.match(res.headers.get("content-type") ?? "", /text\/calendar/);
    const { events } = parseIcs(await res.text());
    const keys = events.map((e) => e.UID!.split("@")[0]!.slice(-10));
    assert.ok(keys.includes(dates[0]!) && keys.includes(dates[1]!) && !keys.includes(dates[2]!));
  });
});
