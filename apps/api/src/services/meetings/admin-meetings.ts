import { MeetingInput, type AdminMeetingList, type AdminSaved } from "@coalition-kit/schema";
import type { Db, Queryable } from "../../db/types.js";
import { claimSlug } from "../campaigns.js";
import { parseOrReject, validationError } from "../errors.js";
import type { AdminContext } from "../keys/secret-keys.js";
import { writeAndNotifyMeeting } from "../messages/meeting-messages.js";
import { parseRule } from "../time/recurrence.js";
import { zoneError } from "../time/zoned-time.js";
import { adminWeeks } from "./admin-meeting-weeks.js";
import { findMeeting, upcomingOccurrences } from "./meeting-schedule.js";
import { scheduleText } from "./meeting-schedule-text.js";
import { upsertMeetings } from "./upsert-meetings.js";

/** Each meeting's regular time and place, and its next eight weeks with answers and exceptions. */
export async function listMeetings(db: Db, admin: AdminContext): Promise<AdminMeetingList> {
  const slugs = await db.query<{ slug: string }>("select slug from meetings where coalition_id = $1 order by title", [admin.organizationId]);
  const meetings = await Promise.all(
    slugs.map(async ({ slug }) => {
      const m = (await findMeeting(db, slug))!;
      return {
        slug,
        title: m.title,
        schedule: scheduleText(m, "en"),
        timeZone: m.time_zone,
        startTime: m.start_time,
        format: m.format,
        location: m.location,
        upcoming: await adminWeeks(db, m, await upcomingOccurrences(db, m, 8)),
      };
    }),
  );
  return { meetings };
}

/**
 * Create or change a meeting at an address (PUT). Its zone, rule and breaks are checked first, so
 * a mistake is a field error and nothing half-saved; people who said yes to a week that moves are told.
 */
export async function saveMeeting(q: Queryable, admin: AdminContext, slug: string, input: unknown): Promise<AdminSaved> {
  const created = await claimSlug(q, admin, "meetings", slug);
  const data = parseOrReject(MeetingInput, input);
  const errors: Record<string, string> = {};
  const zone = zoneError(data.timeZone);
  if (zone) errors.timeZone = zone;
  try {
    parseRule(data.rrule, data.startDate);
  } catch {
    errors.rrule = "Use a weekly or daily rule, like FREQ=WEEKLY;BYDAY=TH or FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE (COUNT is a whole number, UNTIL a date as YYYYMMDD).";
  }
  (data.breaks ?? []).forEach((b, i) => {
    if (b.to < b.from) errors[`breaks.${i}.to`] = "A break ends on or after the day it starts.";
  });
  if (Object.keys(errors).length) throw validationError(errors);
  await writeAndNotifyMeeting(q, slug, () => upsertMeetings(q, admin.organizationId, [{ slug, ...data }]));
  return { slug, created };
}
