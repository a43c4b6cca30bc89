import {
  ATTENDANCE_CANCELLED_MESSAGE,
  ATTENDANCE_CSV_MAX_ROWS,
  ATTENDANCE_EMAIL_MESSAGE,
  ATTENDANCE_EMPTY_MESSAGE,
  ATTENDANCE_HEADER_MESSAGE,
  ATTENDANCE_NOT_REGISTERED_MESSAGE,
  ATTENDANCE_NOT_STARTED_MESSAGE,
  ATTENDANCE_ROWS_MESSAGE,
  ATTENDANCE_TWICE_MESSAGE,
  ATTENDANCE_VALUE_MESSAGE,
  AttendanceMark,
  CONTROL_CHARACTERS,
  CONTROL_CHARACTER_MESSAGE,
  type AttendanceEntry,
  type AttendanceMarked,
  type AttendanceRoster,
  type AttendanceUploaded,
  type SeriesAttendance,
} from "@coalition-kit/schema";
import type { Queryable } from "../../db/types.js";
import { ApiError, parseOrReject, validationError } from "../errors.js";
import type { AdminContext } from "../keys/secret-keys.js";
import { parseCsv } from "../platform/csv-read.js";
import { sessionFeedback } from "../messages/training-feedback.js";
import { attendedByPerson, progressOf, recordCompletions, seriesCount } from "./progress.js";

interface SessionRow {
  id: string;
  series_id: string;
  starts_at: Date | string;
  status: "scheduled" | "cancelled";
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The coalition's session at series slug + key (locked when `lock`), or not_found. */
async function sessionAt(q: Queryable, admin: AdminContext, slug: string, key: string, lock: boolean): Promise<SessionRow> {
  const rows = await q.query<SessionRow>(
    `select s.id, s.series_id, s.starts_at, s.status
       from training_sessions s join training_series ts on ts.id = s.series_id
      where ts.slug = $1 and s.key = $2 and ts.coalition_id = $3${lock ? " for update of s" : ""}`,
    [slug, key, admin.organizationId],
  );
  if (!rows[0]) throw new ApiError("not_found");
  return rows[0];
}

/** Why marks are not taken for this session at `now` (undefined: they are). */
function closedBecause(session: SessionRow, now: Date): string | undefined {
  if (session.status === "cancelled") return ATTENDANCE_CANCELLED_MESSAGE;
  if (new Date(session.starts_at).getTime() > now.getTime()) return ATTENDANCE_NOT_STARTED_MESSAGE;
  return undefined;
}

interface RosterRow {
  registration: string;
  person_id: string;
  first_name: string;
  last_name: string | null;
  email: string;
  partner: string;
  attended: boolean | null;
  marked_at: Date | string | null;
}

/** Everyone holding a seat in the session (one registration, when given), with their mark. */
async function rosterRows(q: Queryable, sessionId: string, registrationId?: string): Promise<RosterRow[]> {
  return q.query<RosterRow>(
    `select r.id as registration, r.person_id, p.first_name, p.last_name, p.email_normalized as email, o.name as partner, a.attended, a.marked_at
       from training_registrations r
       join people p on p.id = r.person_id
       join partners pa on pa.id = r.partner_id join organizations o on o.id = pa.organization_id
       left join training_attendance a on a.registration_id = r.id
      where r.session_id = $1 and r.status = 'registered' and ($2::uuid is null or r.id = $2::uuid)
      order by p.first_name, p.last_name nulls first, p.email_normalized`,
    [sessionId, registrationId ?? null],
  );
}

async function entries(q: Queryable, session: SessionRow, rows: RosterRow[], now: Date): Promise<AttendanceEntry[]> {
  const count = await seriesCount(q, session.series_id, now);
  const attended = await attendedByPerson(q, session.series_id, rows.map((r) => r.person_id));
  return rows.map((r) => ({
    registration: r.registration,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    partner: r.partner,
    attended: r.attended,
    markedAt: r.marked_at === null ? null : new Date(r.marked_at).toISOString(),
    progress: progressOf(count, attended.get(r.person_id) ?? 0),
  }));
}

/** GET .../sessions/:key/attendance: the session's registrants, their marks and progress in the series. */
export async function attendanceRoster(q: Queryable, admin: AdminContext, slug: string, key: string, now = new Date()): Promise<AttendanceRoster> {
  const session = await sessionAt(q, admin, slug, key, false);
  return {
    series: slug,
    session: key,
    open: closedBecause(session, now) === undefined,
    roster: await entries(q, session, await rosterRows(q, session.id), now),
    feedback: await sessionFeedback(q, session.id),
  };
}

async function store(q: Queryable, admin: AdminContext, marks: Array<{ registration: string; attended: boolean }>, now: Date): Promise<void> {
  if (marks.length === 0) return;
  // One statement for the whole file: a mark changed again replaces the one before.
  await q.query(
    `insert into training_attendance (registration_id, attended, marked_at, marked_by)
     select m.registration, m.attended, $3, $4 from unnest($1::uuid[], $2::boolean[]) as m(registration, attended)
     on conflict (registration_id) do update set attended = excluded.attended, marked_at = excluded.marked_at, marked_by = excluded.marked_by`,
    [marks.map((m) => m.registration), marks.map((m) => m.attended), now.toISOString(), admin.organizationId],
  );
}

/**
 * PUT .../sessions/:key/attendance/:registration: mark one registrant (by the registration id the
 * roster gives). Before the session starts, or for a cancelled one, it is a field error on
 * `attended`; a registration that is not a seat in this session is not_found.
 */
export async function markAttendance(q: Queryable, admin: AdminContext, slug: string, key: string, registrationId: string, input: unknown, now = new Date()): Promise<AttendanceMarked> {
  const session = await sessionAt(q, admin, slug, key, true);
  const mark = parseOrReject(AttendanceMark, input);
  if (!UUID.test(registrationId)) throw new ApiError("not_found");
  const [row] = await rosterRows(q, session.id, registrationId);
  if (!row) throw new ApiError("not_found");
  const closed = closedBecause(session, now);
  if (closed) throw validationError({ attended: closed });
  await store(q, admin, [{ registration: row.registration, attended: mark.attended }], now);
  await recordCompletions(q, await seriesCount(q, session.series_id, now), [row.person_id], now);
  const [entry] = await entries(q, session, await rosterRows(q, session.id, registrationId), now);
  return { entry: entry! };
}

const YES = new Set(["yes", "y", "true", "1", "x", "attended", "present", "sí", "si"]);
const NO = new Set(["no", "n", "false", "0", "absent"]);

/**
 * POST .../sessions/:key/attendance.csv (text/csv, columns `email` and `attended`, in any order,
 * others ignored): every good row is stored and each bad row is reported by its row number (the
 * header is row 1) with the reason; a bad row changes nothing. A file without the two columns, or
 * with no rows, or a session that takes no marks, is a field error on `csv` and stores nothing.
 */
export async function uploadAttendance(q: Queryable, admin: AdminContext, slug: string, key: string, csv: string, now = new Date()): Promise<AttendanceUploaded> {
  const session = await sessionAt(q, admin, slug, key, true);
  const closed = closedBecause(session, now);
  if (closed) throw validationError({ csv: closed });
  const records = parseCsv(csv.replace(/^\uFEFF/, ""));
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const emailAt = header.indexOf("email");
  const attendedAt = header.indexOf("attended");
  if (emailAt < 0 || attendedAt < 0) throw validationError({ csv: ATTENDANCE_HEADER_MESSAGE });
  const body = records.slice(1).map((cells, i) => ({ row: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (body.length === 0) throw validationError({ csv: ATTENDANCE_EMPTY_MESSAGE });
  if (body.length > ATTENDANCE_CSV_MAX_ROWS) throw validationError({ csv: ATTENDANCE_ROWS_MESSAGE });

  const seats = new Map((await rosterRows(q, session.id)).map((r) => [r.email, r]));
  const errors: AttendanceUploaded["rows"] = [];
  const marks: Array<{ registration: string; attended: boolean; person: string }> = [];
  const seen = new Set<string>();
  for (const { row, cells } of body) {
    const email = (cells[emailAt] ?? "").trim().toLowerCase();
    const value = (cells[attendedAt] ?? "").trim().toLowerCase();
    let error: string | undefined;
    if (cells.some((c) => CONTROL_CHARACTERS.test(c))) error = CONTROL_CHARACTER_MESSAGE;
    else if (!email) error = ATTENDANCE_EMAIL_MESSAGE;
    else if (seen.has(email)) error = ATTENDANCE_TWICE_MESSAGE;
    else if (!seats.has(email)) error = ATTENDANCE_NOT_REGISTERED_MESSAGE;
    else if (!YES.has(value) && !NO.has(value)) error = ATTENDANCE_VALUE_MESSAGE;
    if (email) seen.add(email);
    if (error) errors.push({ row, error });
    else {
      const seat = seats.get(email)!;
      marks.push({ registration: seat.registration, attended: YES.has(value), person: seat.person_id });
    }
  }
  await store(q, admin, marks, now);
  await recordCompletions(q, await seriesCount(q, session.series_id, now), [...new Set(marks.map((m) => m.person))], now);
  return { marked: marks.length, rows: errors };
}

/**
 * A series' attendance for its admin detail: each person holding a seat in it, with progress, and
 * per partner its registrations (seats held), attendance rate (attended marks over seats in
 * sessions held; null before any) and completions (with the partner of each person's first
 * registration in the series).
 */
export async function seriesAttendance(q: Queryable, seriesId: string, now = new Date()): Promise<SeriesAttendance> {
  const count = await seriesCount(q, seriesId, now);
  const attended = await attendedByPerson(q, seriesId);
  const people = await q.query<{ person_id: string; first_name: string; last_name: string | null; email: string; partner: string }>(
    `select distinct on (r.person_id) r.person_id, p.first_name, p.last_name, p.email_normalized as email, o.slug as partner
       from training_registrations r
       join training_sessions s on s.id = r.session_id and s.status = 'scheduled'
       join people p on p.id = r.person_id
       join partners pa on pa.id = r.partner_id join organizations o on o.id = pa.organization_id
      where s.series_id = $1 and r.status = 'registered'
      order by r.person_id, r.created_at, r.id`,
    [seriesId],
  );
  const partners = await q.query<{ partner: string; registrations: number; held: number; attended: number }>(
    `select o.slug as partner, count(*)::int as registrations,
            count(*) filter (where s.starts_at <= $2)::int as held,
            count(*) filter (where s.starts_at <= $2 and a.attended)::int as attended
       from training_registrations r
       join training_sessions s on s.id = r.session_id and s.status = 'scheduled'
       join partners pa on pa.id = r.partner_id join organizations o on o.id = pa.organization_id
       left join training_attendance a on a.registration_id = r.id
      where s.series_id = $1 and r.status = 'registered'
      group by o.slug order by o.slug`,
    [seriesId, now.toISOString()],
  );
  const listed = people
    .map((p) => ({ firstName: p.first_name, lastName: p.last_name, email: p.email, partner: p.partner, progress: progressOf(count, attended.get(p.person_id) ?? 0) }))
    .sort((a, b) => a.firstName.localeCompare(b.firstName) || a.email.localeCompare(b.email));
  return {
    people: listed,
    partners: partners.map((p) => ({
      partner: p.partner,
      registrations: p.registrations,
      attendanceRate: p.held === 0 ? null : Math.round((p.attended / p.held) * 1000) / 1000,
      completions: listed.filter((x) => x.partner === p.partner && x.progress.completed).length,
    })),
  };
}
