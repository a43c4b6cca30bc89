/** Intl formatters are costly to build (milliseconds each): one per language, zone and style. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, timeZone: string, style: "day" | "time" | "zone" | "weekday"): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let found = formatters.get(key);
  if (!found) {
    const options: Record<typeof style, Intl.DateTimeFormatOptions> = {
      day: { timeZone, weekday: "long", month: "long", day: "numeric", year: "numeric" },
      time: { timeZone, hour: "numeric", minute: "2-digit" },
      zone: { timeZone, timeZoneName: "short" },
      weekday: { timeZone, weekday: "long", month: "long", day: "numeric" },
    };
    found = new Intl.DateTimeFormat(locale, options[style]);
    formatters.set(key, found);
  }
  return found;
}

/**
 * "Monday, November 30, 2026, 6:00 PM – 7:30 PM EST (America/New York)": the time in the event's
 * own zone, named, in the reader's language.
 */
export function formatWhen(start: Date, end: Date | null, timeZone: string, locale: string): string {
  const time = formatter(locale, timeZone, "time");
  const zoneName = formatter(locale, timeZone, "zone").formatToParts(start).find((p) => p.type === "timeZoneName")?.value ?? "";
  const range = end ? `${time.format(start)} – ${time.format(end)}` : time.format(start);
  return `${formatter(locale, timeZone, "day").format(start)}, ${range} ${zoneName} (${timeZone.replaceAll("_", " ")})`;
}

/** "Thursday, December 3" in the reader's language. */
export const formatDay = (start: Date, timeZone: string, locale: string): string => formatter(locale, timeZone, "weekday").format(start);
