import * as z from "zod/mini";
import { text } from "./common.js";
import { translatable } from "./translatable.js";
import { MeetingOccurrence } from "./meeting.js";
import { LocalDateInput, LocalTimeInput, SessionFormatInput } from "./when-inputs.js";
import { WEEK_CANCEL_ALONE_MESSAGE, WEEK_EMPTY_MESSAGE, WEEK_FIELDS_MESSAGE } from "./vocabulary.js";

/**
 * PUT /v1/admin/meetings/:slug/weeks/:date — `date` is the week's scheduled date, its key even
 * when moved. The week's one exception, replacing any earlier one: cancel it (a note may say why),
 * or move it (`newDate` and/or `newTime`, wall time in the meeting's zone), meet another way or
 * elsewhere, or only carry a note. Everyone who said yes to that week is emailed when it is
 * cancelled or its time, place or format changes, and reminders follow. DELETE at the same address
 * puts the week back on the regular schedule.
 *
 * Cancelling is final, as for training sessions: a cancelled week is not un-cancelled (neither by
 * PUT nor by DELETE; a field error on `cancelled` says so). Weeks that are over can't be changed.
 */
export const MeetingWeekChange = z
  .strictObject(
    {
      cancelled: z.optional(z.boolean("Choose true or false.")),
      newDate: z.optional(LocalDateInput),
      newTime: z.optional(LocalTimeInput),
      format: z.optional(SessionFormatInput),
      location: z.optional(z.nullable(text("a place", 300, false))),
      /** In the meeting's language, or one text per language ({"en": "…", "es": "…"}). */
      note: z.optional(z.nullable(translatable("a note", 300, false))),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? WEEK_FIELDS_MESSAGE : undefined) },
  )
  .check(
    z.superRefine((v, ctx) => {
      const moves = [v.newDate, v.newTime, v.format, v.location].some((x) => x !== undefined && x !== null && x !== "");
      const noted = typeof v.note === "string" ? v.note !== "" : Boolean(v.note && Object.keys(v.note).length);
      if (!v.cancelled && !moves && !noted) ctx.addIssue({ code: "custom", path: [], message: WEEK_EMPTY_MESSAGE, input: v });
      if (v.cancelled && moves) ctx.addIssue({ code: "custom", path: ["cancelled"], message: WEEK_CANCEL_ALONE_MESSAGE, input: v.cancelled });
    }),
  );
export type MeetingWeekChange = z.input<typeof MeetingWeekChange>;

/** One week as organizers see it: the occurrence, its answers, and whether it has an exception. */
export const AdminMeetingWeek = z.extend(MeetingOccurrence, { changed: z.boolean() });
export type AdminMeetingWeek = z.infer<typeof AdminMeetingWeek>;

/** The PUT and DELETE answer: the week as it now stands, and how many people were sent a notice. */
export const MeetingWeekChanged = z.object({ week: AdminMeetingWeek, notified: z.number().check(z.int(), z.nonnegative()) });
export type MeetingWeekChanged = z.infer<typeof MeetingWeekChanged>;
