// A meeting's rhythm as one line, in English and Spanish, without a database.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { MeetingRow } from "./meeting-schedule.js";
import { scheduleText } from "./meeting-schedule-text.js";

/** Only what the line is made of: the rule, the first date and the time. */
const meeting = (rrule: string, startTime = "16:00", startDate = "2026-10-01") => ({ rrule, start_date: startDate, start_time: startTime }) as MeetingRow;

describe("the schedule line", () => {
  test("weekly and every-other-week rules name their days and the local time", () => {
    assert.match(scheduleText(meeting("FREQ=WEEKLY;BYDAY=TH"), "en"), /^Every Thursday, 4:00\sPM$/);
    assert.match(scheduleText(meeting("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE", "09:30"), "en"), /^Every 2 weeks on Monday and Wednesday, 9:30\sAM$/);
    assert.equal(scheduleText(meeting("FREQ=WEEKLY;BYDAY=TH"), "es"), "Cada jueves, 16:00");
    assert.equal(scheduleText(meeting("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE", "09:30"), "es"), "Cada 2 semanas, los lunes y miércoles, 9:30");
  });

  test("daily rules, and a weekly rule without BYDAY (the first date's weekday)", () => {
    assert.match(scheduleText(meeting("FREQ=DAILY", "18:05"), "en"), /^Every day, 6:05\sPM$/);
    assert.match(scheduleText(meeting("FREQ=DAILY;INTERVAL=3", "18:05"), "en"), /^Every 3 days, 6:05\sPM$/);
    assert.equal(scheduleText(meeting("FREQ=DAILY", "18:05"), "es"), "Todos los días, 18:05");
    assert.match(scheduleText(meeting("FREQ=WEEKLY", "16:00", "2026-10-07"), "en"), /^Every Wednesday, 4:00\sPM$/);
  });

  test("a date from the driver as a Date reads the same as a string", () => {
    const row = { ...meeting("FREQ=WEEKLY"), start_date: new Date("2026-10-07T00:00:00Z") } as MeetingRow;
    assert.match(scheduleText(row, "en"), /^Every Wednesday/);
  });
});
