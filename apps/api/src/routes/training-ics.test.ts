import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { SEEDS_DIR } from "../paths.js";
import { loadSeedFile, seed } from "../seed/seed.js";
import { icsDate, parseIcs, unescapeText } from "../testing/ics-parse.js";
import { DB_LABEL, startHarness, type Harness } from "../testing/harness.js";

describe(`ICS calendars for the HEAL Together series (${DB_LABEL})`, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    // The seed's dates are relative to today; read as of Thursday Oct 15, 2026, two weeks before the DST change.
    await seed(h.db, await loadSeedFile(`${SEEDS_DIR}heal-together-training.json`, Date.parse("2026-10-15T12:00:00Z")));
  });
  after(() => h.stop());

  test("the series feed holds all seven sessions at the right instants across the DST change", async () => {
    const res = await fetch(`${h.url}/v1/trainings/heal-together-2/calendar.ics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/calendar/);
    const text = await res.text();
    const { calendar, events, rawLines } = parseIcs(text);
    assert.equal(calendar.VERSION, "2.0");
    assert.equal(calendar["X-WR-TIMEZONE"], "America/New_York");
    assert.ok(text.endsWith("\r\n") && !/[^\r]\n/.test(text), "lines end with CRLF");
    assert.ok(rawLines.every((l) => Buffer.byteLength(l) <= 75), "lines are folded at 75 octets");
    assert.equal(events.length, 7);

    const starts = events.map((e) => icsDate(e.DTSTART!).toISOString());
    // 2 pm in New York is 18:00 UTC before Nov 1, 2026 (EDT) and 19:00 UTC from Nov 1 (EST).
    assert.deepEqual(starts, [
      "2026-10-01T22:00:00.000Z",
      "2026-10-11T18:00:00.000Z",
      "2026-10-20T22:00:00.000Z",
      "2026-10-25T18:00:00.000Z",
      "2026-11-01T19:00:00.000Z",
      "2026-11-15T19:00:00.000Z",
      "2026-11-23T23:00:00.000Z",
    ]);
    const local = (d: Date) => new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", hour: "numeric", minute: "2-digit" }).format(d);
    assert.equal(local(icsDate(events[3]!.DTSTART!)), "2:00 PM");
    assert.equal(local(icsDate(events[4]!.DTSTART!)), "2:00 PM");
    assert.equal(new Set(events.map((e) => e.UID)).size, 7);
    assert.equal(unescapeText(events[0]!.SUMMARY!), "The Power of Student Organizing · HEAL Together Training Series 2.0");
    assert.doesNotMatch(text, /meet\.example\.org/, "the public feed never carries the virtual link");
  });

  test("a single session's file names its leaders and the zone it was planned in", async () => {
    const rows = await h.db.query<{ id: string }>("select id from training_sessions where key = '2026-11-30'");
    const res = await fetch(`${h.url}/v1/trainings/heal-together-2/sessions/${rows[0]!.id}.ics`);
    const { events } = parseIcs(await res.text());
    assert.equal(events.length, 1);
    const description = unescapeText(events[0]!.DESCRIPTION!);
    assert.match(description, /Led by HEAL Together Youth Fellows \(Student facilitators\)/);
    assert.match(description, /America\/New_York/);
    assert.equal(icsDate(events[0]!.DTEND!).toISOString(), "2026-11-24T00:30:00.000Z");
  });
});
