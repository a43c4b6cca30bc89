import type { Locale, MeetingOccurrence } from "@coalition-kit/schema";
import { localizeChild, type Translations, type TranslatedColumns } from "../content/languages.js";
import type { Queryable } from "../../db/types.js";
import { findCampaign, type CampaignRow, type PartnerConsentColumns } from "../campaigns.js";
import { addDays, expandDates, parseRule } from "../time/recurrence.js";
import { localDate, zonedInstant } from "../time/zoned-time.js";

/** A member meeting with its coalition's names (campaigns.ts). */
export interface MeetingRow extends CampaignRow, PartnerConsentColumns, TranslatedColumns {
  title: string;
  description: string;
  time_zone: string;
  start_date: string | Date;
  start_time: string;
  duration_minutes: number;
  rrule: string;
  format: "virtual" | "in_person" | "hybrid";
  location: string | null;
  virtual_link: string | null;
}

export interface BreakRow {
  from_date: string;
  to_date: string;
  reason: string;
  /** {"es": {"reason": "…"}} (migration 021): the meeting's language is the break's. */
  translations: Translations | string | null;
}

interface ChangeRow {
  occurrence_date: string;
  cancelled: boolean;
  new_date: string | null;
  new_time: string | null;
  format: MeetingRow["format"] | null;
  location: string | null;
  note: string | null;
  translations: Translations | string | null;
}

export type Occurrence = Omit<MeetingOccurrence, "counts">;

/** "YYYY-MM-DD" whether the driver gave a Date (PGlite) or a string (pg). */
export const day = (value: string | Date) => (typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10));

/** A meeting by slug. */
export function findMeeting(q: Queryable, slug: string): Promise<MeetingRow | undefined> {
  return findCampaign<MeetingRow>(q, "meetings", slug);
}

/** A meeting's breaks (no meetings from one date to another), in order, as local dates. */
export async function loadBreaks(q: Queryable, meetingId: string): Promise<BreakRow[]> {
  const rows = await q.query<{ from_date: string | Date; to_date: string | Date; reason: string; translations: BreakRow["translations"] }>(
    "select from_date, to_date, reason, translations from meeting_breaks where meeting_id = $1 order by from_date",
    [meetingId],
  );
  return rows.map((r) => ({ from_date: day(r.from_date), to_date: day(r.to_date), reason: r.reason, translations: r.translations }));
}

async function loadChanges(q: Queryable, meetingId: string): Promise<Map<string, ChangeRow>> {
  const rows = await q.query<ChangeRow & { occurrence_date: string | Date; new_date: string | Date | null }>("select * from meeting_changes where meeting_id = $1", [meetingId]);
  return new Map(rows.map((r) => [day(r.occurrence_date), { ...r, occurrence_date: day(r.occurrence_date), new_date: r.new_date === null ? null : day(r.new_date) }]));
}

/**
 * Occurrences between two local dates (inclusive): the rule's dates, minus breaks, with each
 * occurrence's change applied (cancelled ones stay listed as cancelled; moved ones keep their key).
 * Notes are in `locale` where the organizer translated them, else in the meeting's language.
 */
export async function occurrencesBetween(q: Queryable, meeting: MeetingRow, from: string, through: string, locale: Locale = meeting.language): Promise<Occurrence[]> {
  const [breaks, changes] = await Promise.all([loadBreaks(q, meeting.id), loadChanges(q, meeting.id)]);
  const rule = parseRule(meeting.rrule, day(meeting.start_date));
  const inBreak = (date: string) => breaks.some((b) => date >= b.from_date && date <= b.to_date);
  const out: Occurrence[] = [];
  for (const date of expandDates(rule, day(meeting.start_date), through)) {
    if (date < from || inBreak(date)) continue;
    const change = changes.get(date);
    const startsAt = zonedInstant(change?.new_date ?? date, change?.new_time ?? meeting.start_time, meeting.time_zone);
    const note = change?.note ? localizeChild(change, meeting.language, locale, { note: "note" }) : undefined;
    out.push({
      date,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + meeting.duration_minutes * 60_000).toISOString(),
      status: change?.cancelled ? "cancelled" : "scheduled",
      moved: Boolean(change && (change.new_date || change.new_time)),
      format: change?.format ?? meeting.format,
      location: change?.location ?? meeting.location,
      note: note?.row.note ?? null,
      language: note?.language ?? locale,
      fallbacks: {},
    });
  }
  return out.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** The next `count` occurrences that have not ended. */
export async function upcomingOccurrences(q: Queryable, meeting: MeetingRow, count: number, now = Date.now(), locale: Locale = meeting.language): Promise<Occurrence[]> {
  const today = localDate(now, meeting.time_zone);
  const all = await occurrencesBetween(q, meeting, addDays(today, -7), addDays(today, 7 * count * 3 + 370), locale);
  return all.filter((o) => Date.parse(o.endsAt) > now).slice(0, count);
}

/** RSVP counts per occurrence: an answer for that date wins over an "every week" answer. */
export async function countsFor(q: Queryable, meetingId: string, dates: string[]): Promise<Map<string, MeetingOccurrence["counts"]>> {
  const out = new Map(dates.map((d) => [d, { yes: 0, maybe: 0, no: 0 }]));
  if (dates.length === 0) return out;
  const rows = await q.query<{ date: string | Date; response: "yes" | "maybe" | "no"; n: number }>(
    `select d.date, r.response, count(*)::int as n
       from unnest($2::date[]) as d(date)
       join meeting_attendees a on a.meeting_id = $1
       left join meeting_rsvps x on x.attendee_id = a.id and x.occurrence_date = d.date
       cross join lateral (select coalesce(x.response, case when a.standing_from <= d.date then a.standing_response end) as response) r
      where r.response is not null
      group by d.date, r.response`,
    [meetingId, dates],
  );
  for (const row of rows) {
    const counts = out.get(day(row.date));
    if (counts) counts[row.response] = row.n;
  }
  return out;
}
