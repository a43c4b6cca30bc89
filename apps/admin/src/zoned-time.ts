/**
 * Times in an event's own IANA zone, whatever zone the organizer's browser is in: shown in tables,
 * and read from or written to date-time inputs. Intl does the zone rules (DST included); no library.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function wall(instant: number, zone: string): { date: string; time: string; utc: number } {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formatters.set(zone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(instant))) p[part.type] = part.value;
  const date = `${p.year}-${p.month}-${p.day}`;
  const time = `${p.hour}:${p.minute}`;
  return { date, time, utc: Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) };
}

/** Minutes the zone is ahead of UTC at this instant. */
const offsetMinutes = (instant: number, zone: string) => Math.round((wall(instant, zone).utc - Math.floor(instant / 1000) * 1000) / 60_000);

/** An instant as the value of a datetime-local input, in `zone` ("2026-12-10T18:00"). */
export function toLocalInput(iso: string, zone: string): string {
  const w = wall(Date.parse(iso), zone);
  return `${w.date}T${w.time}`;
}

/**
 * A datetime-local value read as wall time in `zone`, as ISO 8601 with that zone's offset
 * ("2026-12-10T18:00:00-05:00"). Anything else (empty, a day the month lacks) is passed on as typed,
 * for the schema to refuse in its own words.
 */
export function fromLocalInput(value: string, zone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return value;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (new Date(asUtc).getUTCDate() !== Number(m[3])) return `${value}:00Z`;
  const first = asUtc - offsetMinutes(asUtc, zone) * 60_000;
  const instant = asUtc - offsetMinutes(first, zone) * 60_000;
  const offset = offsetMinutes(instant, zone);
  const sign = offset < 0 ? "-" : "+";
  const hhmm = `${String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0")}:${String(Math.abs(offset) % 60).padStart(2, "0")}`;
  return `${toLocalInput(new Date(instant).toISOString(), zone)}:00${sign}${hhmm}`;
}

/** The zone as people read it ("America/New York"). */
export const zoneName = (zone: string): string => zone.replace(/_/g, " ");

/** When something starts, in its own zone, in the organizer's language ("Dec 8, 2026, 6:30 PM"). */
export const when = (startsAt: string, timeZone: string): string => new Date(startsAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short", timeZone });
