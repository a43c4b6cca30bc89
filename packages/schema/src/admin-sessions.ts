import * as z from "zod/mini";
import { IsoDateTime, text } from "./common.js";
import { HttpsUrl } from "./admin-petitions.js";
import { DateTimeInput, SessionFormatInput } from "./when-inputs.js";
import { SESSION_CANCEL_ALONE_MESSAGE, SESSION_ENDS_MESSAGE, SESSION_FIELDS_MESSAGE, SESSION_FORMATS, SESSION_STATUS_MESSAGE } from "./vocabulary.js";

const Count = z.number().check(z.int(), z.nonnegative());

/**
 * PATCH /v1/admin/trainings/:slug/sessions/:key: move one session, change its place or link, or
 * cancel it. Send only what changes. Every registrant and waitlisted person is emailed a notice
 * with an updated calendar file, and reminders follow the new time (or stop when cancelled).
 *
 * Cancelling is final: `status` accepts only "cancelled" (un-cancelling is refused with a field
 * error on `status`; add a new session instead), it is sent on its own, and a cancelled or
 * finished session cannot be changed. Cancelling an already cancelled session changes nothing.
 */
export const TrainingSessionPatch = z
  .strictObject(
    {
      startsAt: z.optional(DateTimeInput),
      endsAt: z.optional(DateTimeInput),
      format: z.optional(SessionFormatInput),
      /** A street address or place; null clears it. */
      location: z.optional(z.nullable(text("a place", 300, false))),
      /** Given only to people holding a seat; null clears it. */
      virtualLink: z.optional(z.nullable(HttpsUrl)),
      status: z.optional(z.literal("cancelled", SESSION_STATUS_MESSAGE)),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? SESSION_FIELDS_MESSAGE : undefined) },
  )
  .check(
    z.superRefine((v, ctx) => {
      if (v.startsAt && v.endsAt && Date.parse(v.endsAt) <= Date.parse(v.startsAt)) ctx.addIssue({ code: "custom", path: ["endsAt"], message: SESSION_ENDS_MESSAGE, input: v.endsAt });
      const others = Object.entries(v).filter(([name, value]) => name !== "status" && value !== undefined);
      if (v.status === "cancelled" && others.length > 0) ctx.addIssue({ code: "custom", path: ["status"], message: SESSION_CANCEL_ALONE_MESSAGE, input: v.status });
    }),
  );
export type TrainingSessionPatch = z.input<typeof TrainingSessionPatch>;

/** One session as organizers see it: its time, place and link, seats taken and waitlist. */
export const AdminTrainingSession = z.object({
  id: z.string(),
  key: z.string(),
  title: z.string(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  timeZone: z.string(),
  format: z.enum(SESSION_FORMATS),
  location: z.nullable(z.string()),
  virtualLink: z.nullable(z.string()),
  status: z.enum(["scheduled", "cancelled"]),
  capacity: z.nullable(Count),
  registered: Count,
  waitlisted: Count,
  /** Seats kept for each co-hosting partner's members, and how many of them its members hold. */
  partnerSeats: z.array(z.object({ partner: z.string(), seats: Count, taken: Count })),
});
export type AdminTrainingSession = z.infer<typeof AdminTrainingSession>;

/** The PATCH answer: the session as it now stands, and how many people were sent a notice. */
export const TrainingSessionChanged = z.object({ session: AdminTrainingSession, notified: Count });
export type TrainingSessionChanged = z.infer<typeof TrainingSessionChanged>;
