/**
 * The subset of RFC 5545 recurrence rules that member meetings use:
 * FREQ=WEEKLY|DAILY, INTERVAL, BYDAY (weekly), UNTIL (a date), COUNT. Dates are local calendar
 * dates ("YYYY-MM-DD"); turning them into instants is zonedInstant's job.
 */
export interface Rule {
  freq: "WEEKLY" | "DAILY";
  interval: number;
  byDay: number[]; // 0 = Sunday … 6 = Saturday
  until: string | undefined;
  count: number | undefined;
}

const DAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

/** Read a rule of the supported subset, or throw saying what is wrong with it. */
export function parseRule(text: string, startDate: string): Rule {
  const fields = new Map(text.replace(/^RRULE:/i, "").split(";").filter(Boolean).map((kv) => kv.split("=") as [string, string]));
  const freq = fields.get("FREQ");
  if (freq !== "WEEKLY" && freq !== "DAILY") throw new Error(`unsupported FREQ in "${text}" (WEEKLY or DAILY)`);
  for (const key of fields.keys()) if (!["FREQ", "INTERVAL", "BYDAY", "UNTIL", "COUNT", "WKST"].includes(key)) throw new Error(`unsupported ${key} in "${text}"`);
  const interval = Number(fields.get("INTERVAL") ?? 1);
  if (!Number.isInteger(interval) || interval < 1) throw new Error(`bad INTERVAL in "${text}"`);
  const byDay = (fields.get("BYDAY") ?? DAYS[weekday(startDate)]!).split(",").map((d) => DAYS.indexOf(d));
  if (byDay.some((d) => d < 0)) throw new Error(`bad BYDAY in "${text}"`);
  const untilRaw = fields.get("UNTIL");
  if (untilRaw !== undefined && !/^\d{8}(T\d{6}Z?)?$/.test(untilRaw)) throw new Error(`bad UNTIL in "${text}" (YYYYMMDD)`);
  const until = untilRaw ? `${untilRaw.slice(0, 4)}-${untilRaw.slice(4, 6)}-${untilRaw.slice(6, 8)}` : undefined;
  if (until !== undefined && fromDay(toDay(until)) !== until) throw new Error(`UNTIL in "${text}" is not a date`);
  const countRaw = fields.get("COUNT");
  if (countRaw !== undefined && !/^[1-9]\d{0,3}$/.test(countRaw)) throw new Error(`bad COUNT in "${text}" (a whole number from 1 to 9999)`);
  const count = countRaw === undefined ? undefined : Number(countRaw);
  return { freq, interval, byDay: [...new Set(byDay)].sort(), until, count };
}

const toDay = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
const fromDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
/** The weekday of a local date, 0 = Sunday. */
export const weekday = (date: string) => new Date(toDay(date) * 86_400_000).getUTCDay();
/** The local date `days` after (or before) `date`. */
export const addDays = (date: string, days: number) => fromDay(toDay(date) + days);

/** Local dates the rule produces from startDate, up to and including `through`. */
export function expandDates(rule: Rule, startDate: string, through: string): string[] {
  const out: string[] = [];
  const start = toDay(startDate);
  const last = Math.min(toDay(through), rule.until ? toDay(rule.until) : Infinity);
  const limit = rule.count ?? Infinity;
  if (rule.freq === "DAILY") {
    for (let day = start; day <= last && out.length < limit; day += rule.interval) out.push(fromDay(day));
    return out;
  }
  // Weeks start on Monday (WKST=MO); every `interval`-th week from the start's week.
  const weekStart = start - ((weekday(startDate) + 6) % 7);
  for (let week = weekStart; week <= last && out.length < limit; week += 7 * rule.interval) {
    for (const dow of rule.byDay.map((d) => (d + 6) % 7).sort((a, b) => a - b)) {
      const day = week + dow;
      if (day < start || day > last || out.length >= limit) continue;
      out.push(fromDay(day));
    }
  }
  return out;
}
