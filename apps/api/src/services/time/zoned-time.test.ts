// Wall-clock times in America/New_York, without a database: instants across both DST changes of
// 2026 (daylight time begins 2026-03-08 at 2:00, ends 2026-11-01 at 2:00), and local dates.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { isValidZone, localDate, zoneError, zonedInstant, zoneOffsetMinutes } from "./zoned-time.js";

const NY = "America/New_York";
const HOUR = 3_600_000;

describe("zoned time in America/New_York", () => {
  test("the offset is -4 hours in daylight time and -5 in standard time", () => {
    assert.equal(zoneOffsetMinutes(Date.parse("2026-07-01T12:00:00Z"), NY), -240);
    assert.equal(zoneOffsetMinutes(Date.parse("2026-01-15T12:00:00Z"), NY), -300);
    // The changes happen at 2:00 local time: 07:00 UTC in March, 06:00 UTC in November.
    assert.equal(zoneOffsetMinutes(Date.parse("2026-03-08T06:59:00Z"), NY), -300);
    assert.equal(zoneOffsetMinutes(Date.parse("2026-03-08T07:00:00Z"), NY), -240);
    assert.equal(zoneOffsetMinutes(Date.parse("2026-11-01T05:59:00Z"), NY), -240);
    assert.equal(zoneOffsetMinutes(Date.parse("2026-11-01T06:00:00Z"), NY), -300);
  });

  test("4 pm stays 4 pm across both changes, so the instants move by an hour in UTC", () => {
    assert.equal(zonedInstant("2026-03-07", "16:00", NY).toISOString(), "2026-03-07T21:00:00.000Z");
    assert.equal(zonedInstant("2026-03-08", "16:00", NY).toISOString(), "2026-03-08T20:00:00.000Z");
    assert.equal(zonedInstant("2026-10-29", "16:00", NY).toISOString(), "2026-10-29T20:00:00.000Z");
    assert.equal(zonedInstant("2026-11-05", "16:00", NY).toISOString(), "2026-11-05T21:00:00.000Z");
    const week = zonedInstant("2026-11-05", "16:00", NY).getTime() - zonedInstant("2026-10-29", "16:00", NY).getTime();
    assert.equal(week, 7 * 24 * HOUR + HOUR, "the week with the November change is an hour longer");
  });

  test("times on the change days: before, after, the repeated hour (its first, daylight, instance) and the skipped hour", () => {
    assert.equal(zonedInstant("2026-11-01", "00:30", NY).toISOString(), "2026-11-01T04:30:00.000Z");
    assert.equal(zonedInstant("2026-11-01", "01:30", NY).toISOString(), "2026-11-01T05:30:00.000Z");
    assert.equal(zonedInstant("2026-11-01", "03:00", NY).toISOString(), "2026-11-01T08:00:00.000Z");
    assert.equal(zonedInstant("2026-03-08", "01:30", NY).toISOString(), "2026-03-08T06:30:00.000Z");
    assert.equal(zonedInstant("2026-03-08", "03:30", NY).toISOString(), "2026-03-08T07:30:00.000Z");
    // 2:30 does not exist on 2026-03-08: it still lands on that day, within the change.
    const skipped = zonedInstant("2026-03-08", "02:30", NY);
    assert.equal(localDate(skipped.getTime(), NY), "2026-03-08");
    assert.ok(skipped.getTime() >= Date.parse("2026-03-08T06:00:00Z") && skipped.getTime() <= Date.parse("2026-03-08T07:30:00Z"), skipped.toISOString());
  });

  test("the local date is the zone's, not UTC's", () => {
    assert.equal(localDate(Date.parse("2026-11-06T03:30:00Z"), NY), "2026-11-05", "10:30 pm on the 5th in New York");
    assert.equal(localDate(Date.parse("2026-11-06T05:00:00Z"), NY), "2026-11-06");
    assert.equal(localDate(Date.parse("2026-07-01T03:59:00Z"), NY), "2026-06-30");
    assert.equal(localDate(Date.parse("2026-07-01T04:00:00Z"), NY), "2026-07-01");
  });

  test("only zones Intl knows are valid; the field error names an example", () => {
    assert.equal(isValidZone(NY), true);
    assert.equal(isValidZone("UTC"), true);
    assert.equal(isValidZone("Mars/Olympus"), false);
    assert.equal(zoneError(NY), undefined);
    assert.equal(zoneError("America/Nowhere"), "Enter a time zone like America/New_York.");
  });
});
