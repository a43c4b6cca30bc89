import type { Db, Queryable } from "../../db/types.js";
import { findMeeting, upcomingOccurrences, type Occurrence } from "../meetings/meeting-schedule.js";
import { cancelQueued, enqueueMessage } from "./queue.js";

/** A meeting reminder goes out on the day, this long before the start. */
export const MEETING_REMINDER_HOURS = 3;
/** How far ahead "every week" reminders are queued (the worker tops them up as weeks pass). */
const STANDING_WEEKS_AHEAD = 4;

interface AttendeeRow {
  id: string;
  person_id: string;
  partner_id: string;
  coalition_id: string;
  meeting_id: string;
  slug: string;
  locale: string;
  standing_response: string | null;
}

async function attendee(q: Queryable, attendeeId: string): Promise<AttendeeRow | undefined> {
  const rows = await q.query<AttendeeRow>(
    `select a.id, a.person_id, a.partner_id, m.coalition_id, m.id as meeting_id, m.slug, a.locale, a.standing_response
       from meeting_attendees a join meetings m on m.id = a.meeting_id where a.id = $1`,
    [attendeeId],
  );
  return rows[0];
}

/**
 * The reminder for one occurrence, keyed by its start so a moved meeting gets a new one. `again`
 * (after an organizer's change) replaces this start's reminder withdrawn by an earlier change, so a
 * week moved and then moved back is still reminded.
 */
async function queueReminder(q: Queryable, a: AttendeeRow, o: Occurrence, baseUrl: string | null, now: Date, again = false): Promise<void> {
  const sendAt = new Date(Date.parse(o.startsAt) - MEETING_REMINDER_HOURS * 3_600_000);
  if (o.status === "cancelled" || sendAt <= now) return;
  const dedupeKey = `meeting.reminder:${a.id}:${o.date}:${o.startsAt}`;
  // The withdrawn one was never sent: it makes way for a new one, queued under today's rules (unsubscribes, suppressions).
  if (again) await q.query("delete from messages where dedupe_key = $1 and status = 'cancelled' and attempts = 0", [dedupeKey]);
  await enqueueMessage(q, {
    coalitionId: a.coalition_id,
    partnerId: a.partner_id,
    personId: a.person_id,
    kind: "meeting.reminder",
    dedupeKey,
    attendeeId: a.id,
    occurrenceDate: o.date,
    scope: `meeting:${a.meeting_id}`,
    locale: a.locale,
    baseUrl,
    sendAt,
  });
}

/** Dates this attendee said "yes" to among `occurrences` (one-off answers override "every week"). */
async function yesDates(q: Queryable, a: AttendeeRow, occurrences: Occurrence[]): Promise<Set<string>> {
  const rows = await q.query<{ occurrence_date: string | Date; response: string }>("select occurrence_date, response from meeting_rsvps where attendee_id = $1", [a.id]);
  const answers = new Map(rows.map((r) => [typeof r.occurrence_date === "string" ? r.occurrence_date.slice(0, 10) : r.occurrence_date.toISOString().slice(0, 10), r.response]));
  const standing = await q.query<{ standing_from: string | Date | null }>("select standing_from from meeting_attendees where id = $1", [a.id]);
  const from = standing[0]?.standing_from ? new Date(standing[0].standing_from).toISOString().slice(0, 10) : null;
  return new Set(occurrences.filter((o) => (answers.get(o.date) ?? (a.standing_response && from && o.date >= from ? a.standing_response : null)) === "yes").map((o) => o.date));
}

/**
 * After an RSVP: a confirmation (for yes or maybe) and a reminder on the day of each occurrence
 * the person said yes to; a "no" withdraws that day's reminder.
 */
export async function queueRsvpMessages(q: Queryable, attendeeId: string, occurrence: string, response: string, baseUrl: string | null, now = new Date()): Promise<void> {
  const a = await attendee(q, attendeeId);
  if (!a) return;
  const meeting = (await findMeeting(q, a.slug))!;
  const upcoming = await upcomingOccurrences(q, meeting, STANDING_WEEKS_AHEAD + 1, now.getTime());
  const every = occurrence === "every_week";
  if (response === "no") {
    if (every) await cancelQueued(q, { attendeeId, kinds: ["meeting.reminder"] });
    else await cancelQueued(q, { attendeeId, occurrenceDate: occurrence, kinds: ["meeting.reminder"] });
    return;
  }
  const first = every ? upcoming.find((o) => o.status !== "cancelled") : upcoming.find((o) => o.date === occurrence);
  if (!first) return;
  await enqueueMessage(q, {
    coalitionId: a.coalition_id,
    partnerId: a.partner_id,
    personId: a.person_id,
    kind: "meeting.confirmation",
    dedupeKey: `meeting.confirmation:${attendeeId}:${occurrence}:${response}`,
    attendeeId,
    occurrenceDate: first.date,
    locale: a.locale,
    baseUrl,
  });
  const yes = await yesDates(q, a, upcoming);
  for (const o of upcoming) if (yes.has(o.date)) await queueReminder(q, a, o, baseUrl, now);
}

/**
 * Queue the coming weeks' reminders for everyone who said "yes, every week" (run by the worker;
 * keyed per occurrence, so running it on every replica never doubles a reminder).
 */
export async function topUpMeetingReminders(db: Db, options: { publicUrl?: string; now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const ids = await db.query<{ id: string }>("select id from meeting_attendees where standing_response = 'yes'");
  for (const { id } of ids) {
    await db.tx(async (q) => {
      const a = await attendee(q, id);
      if (!a) return;
      const upcoming = await upcomingOccurrences(q, (await findMeeting(q, a.slug))!, STANDING_WEEKS_AHEAD, now.getTime());
      const yes = await yesDates(q, a, upcoming);
      for (const o of upcoming) if (yes.has(o.date)) await queueReminder(q, a, o, null, now);
    });
  }
  return ids.length;
}

/** The upcoming occurrences, keyed by date, to compare before and after an organizer's change. */
export async function meetingSnapshot(q: Queryable, slug: string, now = new Date()): Promise<Map<string, Occurrence>> {
  const meeting = await findMeeting(q, slug);
  if (!meeting) return new Map();
  return new Map((await upcomingOccurrences(q, meeting, 60, now.getTime())).map((o) => [o.date, o]));
}

/**
 * After an organizer saved a meeting: a notice to everyone who said yes to a week that is now
 * cancelled or moved (time, place or format), and reminders that follow the move. Breaks send
 * nothing. Returns how many notices were queued.
 */
export async function queueMeetingChangeMessages(q: Queryable, slug: string, before: Map<string, Occurrence>, now = new Date()): Promise<number> {
  const after = await meetingSnapshot(q, slug, now);
  const changed: Array<{ o: Occurrence; kind: "meeting.changed" | "meeting.cancelled" }> = [];
  for (const [date, o] of after) {
    const was = before.get(date);
    if (!was || was.status === "cancelled") continue;
    if (o.status === "cancelled") changed.push({ o, kind: "meeting.cancelled" });
    else if (o.startsAt !== was.startsAt || o.location !== was.location || o.format !== was.format) changed.push({ o, kind: "meeting.changed" });
  }
  if (!changed.length) return 0;
  const meeting = (await findMeeting(q, slug))!;
  const attendees = await q.query<{ id: string }>("select id from meeting_attendees where meeting_id = $1", [meeting.id]);
  let notices = 0;
  for (const { id } of attendees) {
    const a = (await attendee(q, id))!;
    const yes = await yesDates(q, a, changed.map((c) => c.o));
    for (const { o, kind } of changed) {
      if (!yes.has(o.date)) continue;
      await cancelQueued(q, { attendeeId: id, occurrenceDate: o.date, kinds: ["meeting.reminder"] });
      const queued = await enqueueMessage(q, {
        coalitionId: a.coalition_id,
        partnerId: a.partner_id,
        personId: a.person_id,
        kind,
        // One notice per person, week and organizer change (a week moved, moved back, then moved again is told each time).
        dedupeKey: `${kind}:${id}:${o.date}:${o.startsAt}:${o.location ?? ""}:${o.format}:${now.getTime()}`,
        attendeeId: id,
        occurrenceDate: o.date,
        locale: a.locale,
      });
      if (queued) notices += 1;
      if (kind === "meeting.changed") await queueReminder(q, a, o, null, now, true);
    }
  }
  return notices;
}

/**
 * Run an organizer's write to a meeting (in the caller's transaction), then notify everyone a
 * changed week affects. Returns how many notices were queued.
 */
export async function writeAndNotifyMeeting(q: Queryable, slug: string, write: () => Promise<void>, now = new Date()): Promise<number> {
  const before = await meetingSnapshot(q, slug, now);
  await write();
  return queueMeetingChangeMessages(q, slug, before, now);
}
