/** Dates and times with Intl: in the viewer's zone, with the event's own zone when it differs. */
import { dateTimeFormat } from "./formatters.js";

export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "Mon, Nov 30" (the year only when it is not this year's), in a zone. */
export function formatDay(iso: string, timeZone: string, locale?: string): string {
  const date = new Date(iso);
  const thisYear = dateTimeFormat("en-US", { year: "numeric", timeZone }).format(date) === dateTimeFormat("en-US", { year: "numeric", timeZone }).format(new Date());
  return dateTimeFormat(locale, { weekday: "short", month: "short", day: "numeric", ...(thisYear ? {} : { year: "numeric" }), timeZone }).format(date);
}

const timeOptions = (timeZone: string, zoneName: boolean): Intl.DateTimeFormatOptions => ({ hour: "numeric", minute: "2-digit", timeZone, ...(zoneName ? { timeZoneName: "short" } : {}) });
/** A range as people write it, "6:00–7:30 PM": no spaces around the dash. */
const tight = (text: string) => text.replace(/\s*[–-]\s*(?=\d)/, "–");

/**
 * "6:00–7:30 PM EST" (es: "18:00–19:30 GMT-5"). A range past midnight names the second day:
 * "11:00 PM – Tue, Dec 1 · 12:30 AM EST", never two numeric dates.
 */
export function formatTimeRange(startIso: string, endIso: string, timeZone: string, locale?: string): string {
  if (dayKey(startIso, timeZone) === dayKey(endIso, timeZone)) {
    return tight(dateTimeFormat(locale, timeOptions(timeZone, true)).formatRange(new Date(startIso), new Date(endIso)));
  }
  const start = dateTimeFormat(locale, timeOptions(timeZone, false)).format(new Date(startIso));
  const end = dateTimeFormat(locale, timeOptions(timeZone, true)).format(new Date(endIso));
  return `${start} – ${formatDay(endIso, timeZone, locale)} · ${end}`;
}

/** "Mon, Nov 30 · 6:00–7:30 PM EST": a session's day and times on one line, in a zone. */
export function formatWhen(startIso: string, endIso: string, timeZone: string, locale?: string): string {
  return `${formatDay(startIso, timeZone, locale)} · ${formatTimeRange(startIso, endIso, timeZone, locale)}`;
}

/** Whether two zones show the same wall-clock time at this instant. */
export function sameWallClock(iso: string, a: string, b: string): boolean {
  const f = (timeZone: string) => dateTimeFormat("en-US", { timeZone, hour: "numeric", minute: "numeric", day: "numeric" }).format(new Date(iso));
  return f(a) === f(b);
}

/** "2026-09-17" for the instant, in a zone: used to place sessions on a month grid. */
export function dayKey(iso: string, timeZone: string): string {
  const parts = dateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

export function monthTitle(year: number, month: number, locale?: string): string {
  return dateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year, month, 1)));
}

export function weekdayNames(locale?: string): string[] {
  // 2023-01-01 was a Sunday.
  return Array.from({ length: 7 }, (_, i) => dateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2023, 0, 1 + i))));
}
