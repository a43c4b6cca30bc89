// Training series for tests: sessions on the hour some days ahead, and a one-session series.
import type { Queryable } from "../db/types.js";
import type { SeedTrainingSeries, SeedTrainingSession } from "../seed/types.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The consent texts test series show (the partner's names the hosting partner). */
export const SERIES_CONSENT: SeedTrainingSeries["consent"] = {
  coalition: { text: "Coalition may email me.", version: "c1" },
  partner: { text: "{partner} may email me.", version: "p1" },
};

/** The start of the current hour, `days` from now. */
export const hourInDays = (days: number): Date => new Date(Math.floor(Date.now() / HOUR) * HOUR + days * DAY);

/** A virtual session of an hour and a half, on the hour `days` from now, led by one organizer; `overrides` change any field. */
export function sessionInDays(key: string, days: number, overrides: Partial<SeedTrainingSession> = {}): SeedTrainingSession {
  const start = hourInDays(days);
  return {
    key,
    title: `Session ${key}`,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 1.5 * HOUR).toISOString(),
    timeZone: "America/New_York",
    format: "virtual",
    virtualLink: `https://meet.example.org/${key}`,
    capacity: null,
    leaders: [{ name: "Ana Lopez", role: "Organizer" }],
    ...overrides,
  };
}

/** A series at `slug` with the test consent texts and these sessions. */
export function seriesOf(slug: string, title: string, description: string, sessions: SeedTrainingSession[]): SeedTrainingSeries {
  return { slug, title, description, consent: SERIES_CONSENT, sessions };
}

/** A series with one virtual session, key "s1", ten days from now for an hour, ten seats. */
export function oneSessionSeries(slug: string): SeedTrainingSeries {
  const at = (days: number, hours = 0) => new Date(Date.now() + days * DAY + hours * HOUR).toISOString();
  return seriesOf(slug, "Series", "For tests.", [
    { key: "s1", title: "Session", startsAt: at(10), endsAt: at(10, 1), timeZone: "America/New_York", format: "virtual", virtualLink: "https://meet.example.org/s1", capacity: 10, leaders: [] },
  ]);
}

/** Every seeded session's id by its key (keys are unique across a test's series). */
export async function sessionIds(db: Queryable): Promise<Record<string, string>> {
  return Object.fromEntries((await db.query<{ key: string; id: string }>("select key, id from training_sessions")).map((r) => [r.key, r.id]));
}
