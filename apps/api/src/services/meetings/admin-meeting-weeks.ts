import {
  MeetingWeekChange,
  SESSION_PAST_MESSAGE,
  SESSION_PLACE_MESSAGE,
  WEEK_CANCELLED_MESSAGE,
  WEEK_OVER_MESSAGE,
  languageErrors,
  type AdminMeetingWeek,
  type MeetingWeekChanged,
} from "@coalition-kit/schema";
import type { Queryable } from "../../db/types.js";
import { ApiError, parseOrReject, validationError } from "../errors.js";
import { day, findMeeting, occurrencesBetween, type MeetingRow, type Occurrence } from "./meeting-schedule.js";
import { withCounts } from "./meetings.js";
import { writeAndNotifyMeeting } from "../messages/meeting-messages.js";
import type { AdminContext } from "../keys/secret-keys.js";
import { zonedInstant } from "../time/zoned-time.js";
import { childTranslations } from "../content/languages.js";

type Change = ReturnType<typeof MeetingWeekChange.parse>;

/** Weeks as organizers see them: each occurrence with its answers and whether it has an exception. */
export async function adminWeeks(q: Queryable, meeting: MeetingRow, occurrences: Occurrence[]): Promise<AdminMeetingWeek[]> {
  const rows = await q.query<{ occurrence_date: string | Date }>("select occurrence_date from meeting_changes where meeting_id = $1", [meeting.id]);
  const changed = new Set(rows.map((r) => day(r.occurrence_date)));
  return (await withCounts(q, meeting.id, occurrences)).map((o) => ({ ...o, changed: changed.has(o.date) }));
}

/** The coalition's meeting (locked until the change commits) and its week scheduled on `date`; not_found otherwise. */
async function lockWeek(q: Queryable, admin: AdminContext, slug: string, date: string): Promise<{ meeting: MeetingRow; week: Occurrence }> {
  const owned = await q.query("select id from meetings where slug = $1 and coalition_id = $2 for update", [slug, admin.organizationId]);
  const meeting = owned[0] ? await findMeeting(q, slug) : undefined;
  const week = meeting && /^\d{4}-\d{2}-\d{2}$/.test(date) ? (await occurrencesBetween(q, meeting, date, date)).find((o) => o.date === date) : undefined;
  if (!meeting || !week) throw new ApiError("not_found");
  return { meeting, week };
}

/** What the change would leave wrong, next to the field sent, judged against the week as it stands. */
function changeErrors(meeting: MeetingRow, week: Occurrence, change: Change, now: number): Record<string, string> {
  if (week.status === "cancelled" && !change.cancelled) return { cancelled: WEEK_CANCELLED_MESSAGE };
  if (Date.parse(week.endsAt) <= now) return Object.fromEntries(Object.keys(change).map((name) => [name, WEEK_OVER_MESSAGE]));
  const errors: Record<string, string> = {};
  if (change.newDate || change.newTime) {
    const starts = zonedInstant(change.newDate ?? week.date, change.newTime ?? meeting.start_time, meeting.time_zone);
    if (starts.getTime() <= now) errors[change.newDate ? "newDate" : "newTime"] = SESSION_PAST_MESSAGE;
  }
  if (change.format !== undefined || change.location !== undefined) {
    if ((change.format ?? meeting.format) !== "virtual" && !(change.location || meeting.location)) errors.location = SESSION_PLACE_MESSAGE;
  }
  return errors;
}

async function weekNow(q: Queryable, meeting: MeetingRow, date: string): Promise<AdminMeetingWeek> {
  return (await adminWeeks(q, meeting, await occurrencesBetween(q, meeting, date, date)))[0]!;
}

/**
 * PUT one week's exception (cancel, move, another format or place, a note), replacing any earlier
 * one, in the caller's transaction; everyone who said yes to that week is notified and reminders
 * follow, by the same code a whole-meeting PUT uses. Unknown meeting or week is not_found; every
 * mistake is a field error and changes nothing.
 */
export async function changeMeetingWeek(q: Queryable, admin: AdminContext, slug: string, date: string, input: unknown, now = new Date()): Promise<MeetingWeekChanged> {
  const { meeting, week } = await lockWeek(q, admin, slug, date);
  const change = parseOrReject(MeetingWeekChange, input);
  // The note is in the meeting's language, and may carry translations ({"en": "…", "es": "…"}).
  const errors = { ...languageErrors([["note", change.note, "a note", false]], meeting.language), ...changeErrors(meeting, week, change, now.getTime()) };
  if (Object.keys(errors).length) throw validationError(errors);
  const note = childTranslations(meeting.language, { note: change.note });
  const notified = await writeAndNotifyMeeting(
    q,
    slug,
    async () => {
      await q.query(
        `insert into meeting_changes (meeting_id, occurrence_date, cancelled, new_date, new_time, format, location, note, translations) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         on conflict (meeting_id, occurrence_date) do update set cancelled = excluded.cancelled, new_date = excluded.new_date, new_time = excluded.new_time,
           format = excluded.format, location = excluded.location, note = excluded.note, translations = excluded.translations`,
        [meeting.id, date, change.cancelled ?? false, change.newDate ?? null, change.newTime ?? null, change.format ?? null, change.location || null, note.columns.note || null, note.translations],
      );
    },
    now,
  );
  return { week: await weekNow(q, meeting, date), notified };
}

/**
 * DELETE one week's exception: the week meets at its regular time and place again, and everyone
 * who said yes is told if that moves it. A cancelled week stays cancelled (a field error); a week
 * without an exception is left as it is.
 */
export async function restoreMeetingWeek(q: Queryable, admin: AdminContext, slug: string, date: string, now = new Date()): Promise<MeetingWeekChanged> {
  const { meeting, week } = await lockWeek(q, admin, slug, date);
  if (week.status === "cancelled") throw validationError({ cancelled: WEEK_CANCELLED_MESSAGE });
  if (Date.parse(week.endsAt) <= now.getTime()) throw validationError({ date: WEEK_OVER_MESSAGE });
  const notified = await writeAndNotifyMeeting(q, slug, () => q.query("delete from meeting_changes where meeting_id = $1 and occurrence_date = $2", [meeting.id, date]).then(() => undefined), now);
  return { week: await weekNow(q, meeting, date), notified };
}
