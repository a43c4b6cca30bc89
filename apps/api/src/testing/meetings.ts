// The SEJ member meeting as tests need it: weekly, from tomorrow, on tomorrow's weekday, without
// the seed's breaks and changes, so every one of its next weeks is an ordinary occurrence.
import { SEEDS_DIR } from "../paths.js";
import { loadSeedFile, seed } from "../seed/seed.js";
import type { SeedMeeting } from "../seed/types.js";
import { addDays, weekday } from "../services/time/recurrence.js";
import { localDate } from "../services/time/zoned-time.js";
import { ORIGIN, type Harness } from "./harness.js";

/** The organization behind the SEJ seed file (its organizer's key opens its meetings). */
export const SEJ_ORGANIZATION = "students-for-educational-justice";
/** The SEJ site's publishable key. */
export const SEJ_KEY = "pk_demo_sej_site";
/** The zone SEJ's meetings are planned in. */
export const SEJ_ZONE = "America/New_York";

const DAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

/**
 * Seed the SEJ file (its coalition, partners and campaigns) with its meeting replaced by a weekly
 * one at `slug`, starting tomorrow in the meeting's zone. Returns the meeting and its first five dates.
 */
export async function seedWeeklyMeeting(h: Harness, slug: string): Promise<{ meeting: SeedMeeting; dates: string[] }> {
  const data = await loadSeedFile(`${SEEDS_DIR}sej-students-over-sros.json`);
  const start = addDays(localDate(Date.now(), SEJ_ZONE), 1);
  const meeting: SeedMeeting = { ...data.meetings![0]!, slug, startDate: start, rrule: `FREQ=WEEKLY;BYDAY=${DAYS[weekday(start)]}`, breaks: [], changes: [] };
  data.meetings = [meeting];
  await seed(h.db, data, { extraOrigins: [ORIGIN] });
  return { meeting, dates: [0, 7, 14, 21, 28].map((d) => addDays(start, d)) };
}
