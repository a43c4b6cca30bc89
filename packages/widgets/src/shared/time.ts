/** Dates and times with Intl: in the viewer's zone, with the event's own zone when it differs. */
import { dateTimeFormat } from "./formatters.js";

export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function formatDay(iso: string, timeZone: string, locale?: string): string {
  return dateTimeFormat(locale, { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone }).format(new Date(iso));
}

/** "6:00 – 7:30 PM EDT" */
export function formatTimeRange(startIso: string, endIso: string, timeZone: string, locale?: string): string {
  const format = dateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" });
  return format.formatRange(new Date(startIso), new Date(endIso));
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
