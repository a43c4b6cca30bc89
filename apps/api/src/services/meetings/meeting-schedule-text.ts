import type { Locale } from "@coalition-kit/schema";
import { day, type MeetingRow } from "./meeting-schedule.js";
import { parseRule } from "../time/recurrence.js";

/** Weekday names (0 = Sunday) in a language, from Intl: 2023-01-01 was a Sunday. */
const weekdays = (locale: Locale) => Array.from({ length: 7 }, (_, d) => new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2023, 0, 1 + d))));

const WORDS = {
  en: { and: " and ", everyDay: "Every day", everyDays: (n: number) => `Every ${n} days`, every: (days: string) => `Every ${days}`, everyWeeks: (n: number, days: string) => `Every ${n} weeks on ${days}`, clock: "en-US" },
  es: { and: " y ", everyDay: "Todos los días", everyDays: (n: number) => `Cada ${n} días`, every: (days: string) => `Cada ${days}`, everyWeeks: (n: number, days: string) => `Cada ${n} semanas, los ${days}`, clock: "es" },
} as const;

/** "Every Thursday, 4:00 PM" / "Cada jueves, 16:00": a meeting's rhythm in the asker's language. */
export function scheduleText(m: MeetingRow, locale: Locale): string {
  const w = WORDS[locale];
  const rule = parseRule(m.rrule, day(m.start_date));
  const [h, mi] = m.start_time.split(":").map(Number) as [number, number];
  const time = new Intl.DateTimeFormat(w.clock, { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(new Date(Date.UTC(2000, 0, 1, h, mi)));
  const names = weekdays(locale);
  const days = rule.byDay.map((d) => names[d]).join(w.and);
  const every = rule.freq === "DAILY" ? (rule.interval === 1 ? w.everyDay : w.everyDays(rule.interval)) : rule.interval === 1 ? w.every(days) : w.everyWeeks(rule.interval, days);
  return `${every}, ${time}`;
}
