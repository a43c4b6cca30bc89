import type { Queryable } from "../../db/types.js";
import { buildCalendar } from "../time/ics.js";
import { addDays } from "../time/recurrence.js";
import { occurrencesBetween, type MeetingRow } from "./meeting-schedule.js";
import { localDate } from "../time/zoned-time.js";
import type { Locale } from "@coalition-kit/schema";
import { localize } from "../content/languages.js";

/** The calendar's own words in each language (the organizer's texts come translated where they are). */
const WORDS = {
  en: { cancelled: "Cancelled", formats: { virtual: "Online", in_person: "In person", hybrid: "In person and online" }, planned: (zone: string) => `Planned in ${zone} time.` },
  es: { cancelled: "Cancelada", formats: { virtual: "En línea", in_person: "En persona", hybrid: "En persona y en línea" }, planned: (zone: string) => `Planificada en la hora de ${zone}.` },
} as const;

/**
 * The subscribable feed: every occurrence from 90 days ago to a year ahead as its own event at its
 * exact instant (so DST, breaks and moves are right in every calendar app). Skipped weeks are
 * absent; cancelled meetings stay as STATUS:CANCELLED so subscribed calendars remove them. In
 * `locale` (the feed URL's `lang`, default the meeting's language): the organizer's texts where
 * translated, and the calendar's own words.
 */
export async function meetingCalendar(q: Queryable, saved: MeetingRow, host: string, now = Date.now(), locale: Locale = saved.language): Promise<string> {
  const meeting = localize(saved, locale, { title: "title", description: "description" }).row;
  const w = WORDS[locale];
  const today = localDate(now, meeting.time_zone);
  const occurrences = await occurrencesBetween(q, saved, addDays(today, -90), addDays(today, 365), locale);
  return buildCalendar({
    name: meeting.title,
    timeZone: meeting.time_zone,
    events: occurrences.map((o) => ({
      uid: `${meeting.id}-${o.date}@${host}`,
      start: new Date(o.startsAt),
      end: new Date(o.endsAt),
      summary: o.status === "cancelled" ? `${w.cancelled}: ${meeting.title}` : meeting.title,
      description: [o.note, meeting.description, `${w.formats[o.format]}. ${w.planned(meeting.time_zone)}`].filter(Boolean).join("\n\n"),
      location: o.location ?? (o.format === "virtual" ? w.formats.virtual : null),
      status: o.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
      sequence: o.moved || o.status === "cancelled" ? 1 : 0,
    })),
  });
}
