import type { Queryable } from "../../db/types.js";
import { buildCalendar } from "../time/ics.js";
import { addDays } from "../time/recurrence.js";
import { occurrencesBetween, type MeetingRow } from "./meeting-schedule.js";
import { localDate } from "../time/zoned-time.js";

const FORMATS = { virtual: "Online", in_person: "In person", hybrid: "In person and online" } as const;

/**
 * The subscribable feed: every occurrence from 90 days ago to a year ahead as its own event at its
 * exact instant (so DST, breaks and moves are right in every calendar app). Skipped weeks are
 * absent; cancelled meetings stay as STATUS:CANCELLED so subscribed calendars remove them.
 */
export async function meetingCalendar(q: Queryable, meeting: MeetingRow, host: string, now = Date.now()): Promise<string> {
  const today = localDate(now, meeting.time_zone);
  const occurrences = await occurrencesBetween(q, meeting, addDays(today, -90), addDays(today, 365));
  return buildCalendar({
    name: meeting.title,
    timeZone: meeting.time_zone,
    events: occurrences.map((o) => ({
      uid: `${meeting.id}-${o.date}@${host}`,
      start: new Date(o.startsAt),
      end: new Date(o.endsAt),
      summary: o.status === "cancelled" ? `Cancelled: ${meeting.title}` : meeting.title,
      description: [o.note, meeting.description, `${FORMATS[o.format]}. Planned in ${meeting.time_zone} time.`].filter(Boolean).join("\n\n"),
      location: o.location ?? (o.format === "virtual" ? "Online" : null),
      status: o.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
      sequence: o.moved || o.status === "cancelled" ? 1 : 0,
    })),
  });
}
