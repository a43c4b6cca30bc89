/** A small RFC 5545 reader for tests: unfolds lines and returns each VEVENT's properties. */
export function parseIcs(text: string): { calendar: Record<string, string>; events: Array<Record<string, string>>; rawLines: string[] } {
  const rawLines = text.split("\r\n");
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n").filter(Boolean);
  const calendar: Record<string, string> = {};
  const events: Array<Record<string, string>> = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).split(";")[0]!;
    const value = line.slice(colon + 1);
    if (name === "BEGIN" && value === "VEVENT") current = {};
    else if (name === "END" && value === "VEVENT") {
      events.push(current!);
      current = undefined;
    } else (current ?? calendar)[name] = value;
  }
  return { calendar, events, rawLines };
}

/** 20261101T190000Z -> Date */
export function icsDate(value: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) throw new Error(`not a UTC date-time: ${value}`);
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

export function unescapeText(value: string): string {
  return value.replace(/\\n/g, "\n").replace(/\\([,;\\])/g, "$1");
}
