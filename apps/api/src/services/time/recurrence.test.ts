// The recurrence subset member meetings use, without a database: rules parsed or refused, and the
// local dates they produce (COUNT, UNTIL, INTERVAL, weeks starting on Monday).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { addDays, expandDates, parseRule, weekday } from "./recurrence.js";

describe("recurrence rules", () => {
  test("a weekly rule names its days; without BYDAY it repeats on the start's weekday", () => {
    assert.deepEqual(parseRule("FREQ=WEEKLY;BYDAY=TH", "2026-10-01"), { freq: "WEEKLY", interval: 1, byDay: [4], until: undefined, count: undefined });
    assert.deepEqual(parseRule("RRULE:FREQ=WEEKLY", "2026-10-07").byDay, [3], "2026-10-07 is a Wednesday");
    assert.deepEqual(parseRule("FREQ=WEEKLY;BYDAY=WE,MO,WE;WKST=MO", "2026-10-05").byDay, [1, 3], "days once each, in order");
  });

  test("INTERVAL, COUNT and UNTIL (a date, or a date and time) are read", () => {
    const rule = parseRule("FREQ=DAILY;INTERVAL=3;COUNT=4", "2026-10-01");
    assert.equal(rule.freq, "DAILY");
    assert.equal(rule.interval, 3);
    assert.equal(rule.count, 4);
    assert.equal(parseRule("FREQ=WEEKLY;UNTIL=20261231", "2026-10-01").until, "2026-12-31");
    assert.equal(parseRule("FREQ=WEEKLY;UNTIL=20261231T235959Z", "2026-10-01").until, "2026-12-31");
  });

  test("rules outside the subset, or with impossible values, throw", () => {
    for (const rule of [
      "FREQ=MONTHLY",
      "BYDAY=TH",
      "",
      "FREQ=WEEKLY;BYMONTH=1",
      "FREQ=WEEKLY;INTERVAL=0",
      "FREQ=WEEKLY;INTERVAL=1.5",
      "FREQ=WEEKLY;INTERVAL=-2",
      "FREQ=WEEKLY;BYDAY=XX",
      "FREQ=WEEKLY;BYDAY=TH,",
      "FREQ=WEEKLY;UNTIL=2026-12-31",
      "FREQ=WEEKLY;UNTIL=20260230",
      "FREQ=WEEKLY;UNTIL=20261301",
      "FREQ=WEEKLY;COUNT=0",
      "FREQ=WEEKLY;COUNT=10000",
      "FREQ=WEEKLY;COUNT=three",
    ]) {
      assert.throws(() => parseRule(rule, "2026-10-01"), Error, rule);
    }
  });

  test("a weekly rule gives each week's day up to and including `through`", () => {
    const rule = parseRule("FREQ=WEEKLY;BYDAY=TH", "2026-10-01");
    assert.deepEqual(expandDates(rule, "2026-10-01", "2026-10-29"), ["2026-10-01", "2026-10-08", "2026-10-15", "2026-10-22", "2026-10-29"]);
    assert.deepEqual(expandDates(rule, "2026-10-01", "2026-09-30"), [], "nothing before the start");
  });

  test("COUNT stops after that many occurrences and UNTIL after that day, whichever comes first", () => {
    assert.deepEqual(expandDates(parseRule("FREQ=WEEKLY;BYDAY=TH;COUNT=3", "2026-10-01"), "2026-10-01", "2027-12-31"), ["2026-10-01", "2026-10-08", "2026-10-15"]);
    assert.deepEqual(expandDates(parseRule("FREQ=WEEKLY;BYDAY=TH;UNTIL=20261015", "2026-10-01"), "2026-10-01", "2027-12-31"), ["2026-10-01", "2026-10-08", "2026-10-15"]);
    assert.deepEqual(expandDates(parseRule("FREQ=WEEKLY;BYDAY=TH;COUNT=9;UNTIL=20261008", "2026-10-01"), "2026-10-01", "2027-12-31"), ["2026-10-01", "2026-10-08"]);
    assert.deepEqual(expandDates(parseRule("FREQ=DAILY;COUNT=2", "2026-10-01"), "2026-10-01", "2027-12-31"), ["2026-10-01", "2026-10-02"]);
  });

  test("INTERVAL counts weeks from the start's week (weeks start on Monday); days before the start are skipped", () => {
    // 2026-10-07 is a Wednesday: that week's Monday is before the start.
    const rule = parseRule("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE", "2026-10-07");
    assert.deepEqual(expandDates(rule, "2026-10-07", "2026-11-04"), ["2026-10-07", "2026-10-19", "2026-10-21", "2026-11-02", "2026-11-04"]);
    // A Sunday belongs to the week that began the Monday before it.
    const sundays = parseRule("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU", "2026-10-05");
    assert.deepEqual(expandDates(sundays, "2026-10-05", "2026-10-25"), ["2026-10-05", "2026-10-11", "2026-10-19", "2026-10-25"]);
    assert.deepEqual(expandDates(parseRule("FREQ=DAILY;INTERVAL=3", "2026-10-30"), "2026-10-30", "2026-11-08"), ["2026-10-30", "2026-11-02", "2026-11-05", "2026-11-08"]);
  });

  test("dates are calendar dates: DST changes neither the days nor their count", () => {
    // New York leaves daylight time on 2026-11-01: the Thursdays around it are a week apart as dates.
    const rule = parseRule("FREQ=WEEKLY;BYDAY=TH", "2026-10-22");
    assert.deepEqual(expandDates(rule, "2026-10-22", "2026-11-12"), ["2026-10-22", "2026-10-29", "2026-11-05", "2026-11-12"]);
    assert.deepEqual(expandDates(parseRule("FREQ=DAILY", "2026-03-07"), "2026-03-07", "2026-03-09"), ["2026-03-07", "2026-03-08", "2026-03-09"]);
  });

  test("addDays and weekday work on calendar dates across months, years and leap days", () => {
    assert.equal(addDays("2026-12-31", 1), "2027-01-01");
    assert.equal(addDays("2028-02-28", 1), "2028-02-29");
    assert.equal(addDays("2027-02-28", 1), "2027-03-01");
    assert.equal(addDays("2026-03-01", -1), "2026-02-28");
    assert.equal(addDays("2026-11-01", 0), "2026-11-01");
    assert.equal(weekday("2026-11-05"), 4, "a Thursday");
    assert.equal(weekday("2026-11-01"), 0, "a Sunday");
    assert.equal(weekday("2028-02-29"), 2, "a Tuesday");
  });
});
