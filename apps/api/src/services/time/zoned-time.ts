/** Wall-clock times in IANA zones, without a time-zone library: Intl does the rules (DST included). */

const formatters = new Map<string, Intl.DateTimeFormat>();

function parts(instant: number, zone: string): Record<string, number> {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formatters.set(zone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(instant))) if (p.type !== "literal") out[p.type] = Number(p.value);
  return out;
}

/** Minutes the zone is ahead of UTC at this instant (e.g. -240 for New York in summer). */
export function zoneOffsetMinutes(instant: number, zone: string): number {
  const p = parts(instant, zone);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant of a local date ("2026-11-05") and time ("16:00") in a zone. */
export function zonedInstant(date: string, time: string, zone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, h, mi);
  const first = wall - zoneOffsetMinutes(wall, zone) * 60_000;
  const second = wall - zoneOffsetMinutes(first, zone) * 60_000;
  return new Date(second);
}

/** Today's local date in a zone, "YYYY-MM-DD". */
export function localDate(instant: number, zone: string): string {
  const p = parts(instant, zone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** Whether Intl knows this IANA time zone. */
export function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The field error for a time zone Intl does not know, or undefined. */
export const zoneError = (zone: string): string | undefined => (isValidZone(zone) ? undefined : "Enter a time zone like America/New_York.");
