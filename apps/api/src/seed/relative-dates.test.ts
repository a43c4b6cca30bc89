// Seed dates written relative to the day the demo starts, without a database: each kind of token,
// each in its zone across a DST change, and the break's "meetings resume" day with its real weekday.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { SEEDS_DIR } from "../paths.js";
import { firstMeetingAfter, formatMeetingDay, resolveRelativeDate } from "./relative-dates.js";
import { loadSeedFile } from "./seed.js";
import { weekday } from "../services/time/recurrence.js";

describe("relative seed dates", () => {
  test("today±N days, a weekday ±N weeks, the next month-day, and a local time in the item's zone", () => {
    const today = "2026-12-03"; // a Thursday
    assert.equal(resolveRelativeDate("today", today), "2026-12-03");
    assert.equal(resolveRelativeDate("today-6", today), "2026-11-27");
    assert.equal(resolveRelativeDate("TH+0", today), "2026-12-03", "a Thursday on a Thursday is today");
    assert.equal(resolveRelativeDate("TH-1", today), "2026-11-26");
    assert.equal(resolveRelativeDate("SU+1", today), "2026-12-13", "the first Sunday after today is Dec 6; a week later");
    assert.equal(resolveRelativeDate("next 06-14", today), "2027-06-14");
    assert.equal(resolveRelativeDate("next 09-08", today, "UTC", "2027-06-14"), "2027-09-08", "a break's end follows its start");
    assert.equal(resolveRelativeDate("next 12-03", today), "2027-12-03", "the next one, not today");
    // 6 pm in New York: EDT (UTC-4) on Oct 29, EST (UTC-5) on Nov 5, 2026.
    assert.equal(resolveRelativeDate("TH+0 18:00", "2026-10-29", "America/New_York"), "2026-10-29T22:00:00.000Z");
    assert.equal(resolveRelativeDate("TH+1 18:00", "2026-10-29", "America/New_York"), "2026-11-05T23:00:00.000Z");
    assert.equal(resolveRelativeDate("2026-09-17T18:00:00-04:00", today), "2026-09-17T18:00:00-04:00", "an absolute date is kept");
  });

  test("a break's resume day is the rule's first meeting after it, written with its own weekday", () => {
    assert.equal(firstMeetingAfter("FREQ=WEEKLY;BYDAY=TH", "2026-09-10", "2027-09-08"), "2027-09-09");
    assert.equal(firstMeetingAfter("FREQ=WEEKLY;BYDAY=TH", "2026-06-18", "2026-09-08"), "2026-09-10", "Sept 9, 2026 is a Wednesday: the meeting resumes Thursday the 10th");
    assert.equal(formatMeetingDay("2026-09-10", "en"), "Thursday, September 10");
    assert.equal(formatMeetingDay("2026-09-09", "en"), "Wednesday, September 9");
    assert.equal(formatMeetingDay("2027-09-09", "es"), "jueves, 9 de septiembre");
  });

  test("the seeded SEJ meeting's summer break names the Thursday it resumes on, in English and Spanish, whatever today is", async () => {
    for (const now of ["2026-09-10T16:00:00Z", "2026-12-03T12:00:00Z", "2027-07-01T12:00:00Z", "2028-02-29T12:00:00Z"].map(Date.parse)) {
      const meeting = (await loadSeedFile(`${SEEDS_DIR}sej-students-over-sros.json`, now)).meetings![0]!;
      const summer = meeting.breaks![0]!;
      const resumes = firstMeetingAfter(meeting.rrule, meeting.startDate, summer.to)!;
      assert.equal(weekday(resumes), 4, `${resumes} is a Thursday`);
      assert.deepEqual(summer.reason, {
        en: `Summer break: meetings resume ${formatMeetingDay(resumes, "en")}.`,
        es: `Descanso de verano: las reuniones vuelven el ${formatMeetingDay(resumes, "es")}.`,
      });
      assert.match((summer.reason as { en: string }).en, /^Summer break: meetings resume Thursday, September \d+\.$/);
      assert.ok(summer.from > new Date(now).toISOString().slice(0, 10) && summer.to > summer.from);
      for (const c of meeting.changes!) assert.equal(weekday(c.date), 4, `a changed week ${c.date} is a meeting Thursday`);
    }
  });

  test("the seeded trainings run from about a week ago to several weeks ahead", async () => {
    const now = Date.now();
    const sessions = (await loadSeedFile(`${SEEDS_DIR}heal-together-training.json`, now)).trainings![0]!.sessions;
    const days = sessions.map((s) => (Date.parse(s.startsAt) - now) / 86_400_000);
    assert.deepEqual([...days].sort((a, b) => a - b), days, "in order");
    assert.ok(days[0]! < -7 && days[0]! > -15, "the first one or two are past");
    assert.ok(days.filter((d) => d > 0).length >= 4, "most are still to come");
    assert.ok(days.at(-1)! > 28, "the last is weeks ahead");
  });
});
