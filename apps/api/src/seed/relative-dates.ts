/**
 * Dates in seeds/ written relative to the day the demo starts, so trainings and meetings look alive
 * whenever it runs. A seed date (or date-time) may be written as:
 *   "today+3"            a local date, 3 days from today (also "today", "today-6")
 *   "TH+2"               the first Thursday on or after today, 2 weeks later (MO … SU, "TH-1" a week before)
 *   "next 06-14"         the next June 14 after today (in a break's `to`: the next one after its `from`)
 *   "<any of those> 18:00"  that local time on that date, in the item's `timeZone` (an ISO instant)
 * A moved meeting week's `newDate` may be "-1" (days from its usual day). Anything else is kept as written. In a meeting break's reason, "{resumes}" becomes the first
 * meeting day after the break, written out in the text's language ("Thursday, September 9").
 */
import { addDays, expandDates, parseRule, weekday } from "../services/time/recurrence.js";
import { localDate, zonedInstant } from "../services/time/zoned-time.js";
import type { SeedData } from "./types.js";

const DAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];
const TOKEN = /^(today|SU|MO|TU|WE|TH|FR|SA|next (\d\d)-(\d\d))([+-]\d+)?(?: (\d\d:\d\d))?$/;

/** Whether a seed string is a relative date. */
export const isRelativeDate = (value: unknown): value is string => typeof value === "string" && TOKEN.test(value);

/**
 * A relative seed date as a local date ("YYYY-MM-DD") from `today` (a local date), or, with a time,
 * as the ISO instant of that wall-clock time in `zone`. `after` is the day a "next MM-DD" must follow.
 */
export function resolveRelativeDate(value: string, today: string, zone = "UTC", after = today): string {
  const m = TOKEN.exec(value);
  if (!m) return value;
  const [, base, month, day, offsetRaw, time] = m;
  const offset = Number(offsetRaw ?? 0);
  let date: string;
  if (base === "today") date = addDays(today, offset);
  else if (month) {
    const year = Number(after.slice(0, 4));
    date = `${year}-${month}-${day}`;
    if (date <= after) date = `${year + 1}-${month}-${day}`;
    date = addDays(date, offset);
  } else {
    const first = addDays(today, (DAYS.indexOf(base!) - weekday(today) + 7) % 7);
    date = addDays(first, offset * 7);
  }
  return time ? zonedInstant(date, time, zone).toISOString() : date;
}

/**
 * A local date written out with its weekday, as a person reads it: "Thursday, September 9" (en),
 * "jueves 9 de septiembre" (es). The date is a calendar day, so it is formatted in UTC: read in a
 * zone west of Greenwich, midnight UTC would be the evening before (Wednesday, September 8).
 */
export function formatMeetingDay(date: string, locale: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { weekday: "long", month: "long", day: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The first day the rule meets after `to` (a break's last day), or undefined when it has ended. */
export function firstMeetingAfter(rrule: string, startDate: string, to: string): string | undefined {
  const dates = expandDates(parseRule(rrule, startDate), startDate, addDays(to, 400));
  return dates.find((date) => date > to);
}

const fillText = <T>(text: T, fill: (text: string, language: string) => string, language: string): T => {
  if (typeof text === "string") return fill(text, language) as T;
  if (text && typeof text === "object") return Object.fromEntries(Object.entries(text).map(([lang, t]) => [lang, typeof t === "string" ? fill(t, lang) : t])) as T;
  return text;
};

/** A seed file with its relative dates resolved against `now` (each item in its own zone). */
export function resolveSeedDates(data: SeedData, now = Date.now()): SeedData {
  for (const series of data.trainings ?? []) {
    for (const s of series.sessions) {
      const today = localDate(now, s.timeZone);
      for (const key of ["startsAt", "endsAt"] as const) if (isRelativeDate(s[key])) s[key] = resolveRelativeDate(s[key], today, s.timeZone);
    }
  }
  for (const meeting of data.meetings ?? []) {
    const today = localDate(now, meeting.timeZone);
    const date = (value: string, after?: string) => resolveRelativeDate(value, today, meeting.timeZone, after);
    meeting.startDate = date(meeting.startDate);
    for (const b of meeting.breaks ?? []) {
      b.from = date(b.from);
      b.to = date(b.to, b.from);
      const resumes = firstMeetingAfter(meeting.rrule, meeting.startDate, b.to);
      if (resumes) b.reason = fillText(b.reason, (t, lang) => t.replaceAll("{resumes}", formatMeetingDay(resumes, lang === "es" ? "es" : lang)), meeting.language ?? "en");
    }
    for (const c of meeting.changes ?? []) {
      c.date = date(c.date);
      // A moved week's new day may be written as days from its usual one ("-1": the day before).
      if (c.newDate) c.newDate = /^[+-]\d+$/.test(c.newDate) ? addDays(c.date, Number(c.newDate)) : date(c.newDate);
    }
  }
  return data;
}
