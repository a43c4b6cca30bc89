import * as z from "zod/mini";
import { IsoDateTime } from "./common.js";
import { SessionFeedback } from "./session-feedback.js";

/**
 * Series progress and attendance (issue 20). Organizers mark, per session, whether each registrant
 * attended: one by one (PUT .../sessions/:key/attendance/:registration) or from a CSV
 * (POST .../sessions/:key/attendance.csv). A person's progress across a series is the sessions they
 * attended out of the series' sessions; cancelled sessions do not count. They have completed the
 * series once they attended its `completionThreshold` sessions ("all": every session; null: the
 * series has no completion), and a `series.completed` webhook event goes out once per person.
 */

const Count = z.number().check(z.int(), z.nonnegative());

export const ATTENDED_MESSAGE = "Choose whether they attended.";
export const ATTENDANCE_NOT_STARTED_MESSAGE = "Attendance can be marked once the session has started.";
export const ATTENDANCE_CANCELLED_MESSAGE = "This session is cancelled, so nobody attended it.";
export const ATTENDANCE_NOT_REGISTERED_MESSAGE = "Nobody with this email holds a seat in this session.";
export const ATTENDANCE_EMAIL_MESSAGE = "Enter the registrant's email.";
export const ATTENDANCE_VALUE_MESSAGE = "Write yes or no under attended.";
export const ATTENDANCE_TWICE_MESSAGE = "This email is on an earlier row too.";
export const ATTENDANCE_HEADER_MESSAGE = "The first line must name the columns email and attended.";
export const ATTENDANCE_EMPTY_MESSAGE = "The file has no rows under its header.";
export const ATTENDANCE_ROWS_MESSAGE = "At most 2,000 rows per file.";
export const COMPLETION_THRESHOLD_MESSAGE = "Enter how many sessions complete the series, \"all\", or nothing for no completion.";
export const COMPLETION_THRESHOLD_SESSIONS_MESSAGE = "The series has fewer sessions than that.";

/** The most rows one CSV upload may have. */
export const ATTENDANCE_CSV_MAX_ROWS = 2000;
/** The largest CSV upload, in bytes (2,000 rows of long addresses). */
export const ATTENDANCE_CSV_MAX_BYTES = 512 * 1024;

/** Sessions attended to complete a series: a number, "all" (the default) or null (no completion). */
export const CompletionThreshold = z.nullable(
  z.union([z.literal("all"), z.number(COMPLETION_THRESHOLD_MESSAGE).check(z.int(COMPLETION_THRESHOLD_MESSAGE), z.gte(1, COMPLETION_THRESHOLD_MESSAGE), z.lte(200, COMPLETION_THRESHOLD_MESSAGE))], COMPLETION_THRESHOLD_MESSAGE),
);
export type CompletionThreshold = z.infer<typeof CompletionThreshold>;

/** PUT .../sessions/:key/attendance/:registration: whether this registrant attended. */
export const AttendanceMark = z.strictObject({ attended: z.boolean(ATTENDED_MESSAGE) });
export type AttendanceMark = z.input<typeof AttendanceMark>;

/**
 * A person's progress across a series: sessions attended, sessions held so far (started, not
 * cancelled), and the series' sessions; `needed` is what completes it (null: no completion).
 */
export const SeriesProgress = z.object({ attended: Count, held: Count, total: Count, needed: z.nullable(Count), completed: z.boolean() });
export type SeriesProgress = z.infer<typeof SeriesProgress>;

/** One registrant of a session, their mark (null: not marked yet) and their progress in the series. */
export const AttendanceEntry = z.object({
  registration: z.string(),
  firstName: z.string(),
  lastName: z.nullable(z.string()),
  email: z.string(),
  partner: z.string(),
  attended: z.nullable(z.boolean()),
  markedAt: z.nullable(IsoDateTime),
  progress: SeriesProgress,
});
export type AttendanceEntry = z.infer<typeof AttendanceEntry>;

/** GET .../sessions/:key/attendance: everyone holding a seat, in name order. `open`: marks are taken (the session started and is not cancelled). */
export const AttendanceRoster = z.object({ series: z.string(), session: z.string(), open: z.boolean(), roster: z.array(AttendanceEntry), feedback: SessionFeedback });
export type AttendanceRoster = z.infer<typeof AttendanceRoster>;

/** The PUT answer: the registrant as now marked. */
export const AttendanceMarked = z.object({ entry: AttendanceEntry });
export type AttendanceMarked = z.infer<typeof AttendanceMarked>;

/**
 * The CSV upload's answer. Every good row is stored; each bad row is reported by its line number
 * in the file (the header is line 1) and changes nothing. `marked` counts the rows stored.
 */
export const AttendanceUploaded = z.object({ marked: Count, rows: z.array(z.object({ row: Count, error: z.string() })) });
export type AttendanceUploaded = z.infer<typeof AttendanceUploaded>;

/**
 * A series' attendance on its admin detail: the threshold, each person's progress, and per
 * partner: registrations (seats held), attendance rate (attended marks over seats in sessions held,
 * null before any was held) and completions (people who completed, counted with the partner of
 * their first registration in the series).
 */
export const SeriesAttendance = z.object({
  people: z.array(z.object({ firstName: z.string(), lastName: z.nullable(z.string()), email: z.string(), partner: z.string(), progress: SeriesProgress })),
  partners: z.array(z.object({ partner: z.string(), registrations: Count, attendanceRate: z.nullable(z.number()), completions: Count })),
});
export type SeriesAttendance = z.infer<typeof SeriesAttendance>;

/**
 * The CSV body of POST .../attendance.csv (Content-Type: text/csv): a header row naming the
 * columns `email` and `attended` (any order, any case; other columns are ignored), then one row
 * per registrant. `attended` is yes/no (also y/n, true/false, 1/0, x for yes).
 */
export const AttendanceCsv = z.string();
