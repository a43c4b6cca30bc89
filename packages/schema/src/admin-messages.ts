import * as z from "zod/mini";
import { IsoDateTime } from "./common.js";

/**
 * What email a person can get, by vertical: trainings and meetings (confirmations, reminders,
 * notices), stories (receipt, decision, a guardian's consent), petitions (confirm your signature, a guardian's consent,
 * thank-you); and the one staff get: the organizer digest.
 */
export const MESSAGE_KINDS = [
  "training.confirmation",
  "training.waitlisted",
  "training.promoted",
  "training.reminder",
  "training.changed",
  "training.cancelled",
  "training.feedback",
  "meeting.confirmation",
  "meeting.reminder",
  "meeting.changed",
  "meeting.cancelled",
  "story.receipt",
  "story.published",
  "story.declined",
  "story.guardian",
  "petition.confirm",
  "petition.guardian",
  "petition.thanks",
  "organizer.digest",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MESSAGE_STATUSES = ["queued", "sending", "sent", "failed", "cancelled"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** One line of the message log (GET /v1/admin/messages). The address is masked. */
export const MessageLogEntry = z.object({
  id: z.string(),
  kind: z.enum(MESSAGE_KINDS),
  status: z.enum(MESSAGE_STATUSES),
  to: z.nullable(z.string()),
  subject: z.nullable(z.string()),
  /** The training series or meeting it belongs to. */
  campaign: z.nullable(z.string()),
  sendAt: IsoDateTime,
  sentAt: z.nullable(IsoDateTime),
  attempts: z.number(),
  /** Why it failed or is waiting to be retried. */
  error: z.nullable(z.string()),
  smtpMessageId: z.nullable(z.string()),
});
export type MessageLogEntry = z.infer<typeof MessageLogEntry>;

export const MessageLogResponse = z.object({ messages: z.array(MessageLogEntry) });
export type MessageLogResponse = z.infer<typeof MessageLogResponse>;

/** POST /v1/admin/messages/:id/resend: the new message's id. */
export const MessageResent = z.object({ id: z.string() });
export type MessageResent = z.infer<typeof MessageResent>;

/** GET /v1/admin/messages/suppressions: addresses that get no more email (unsubscribed from everything, or refused for good). */
export const SuppressionList = z.object({
  suppressions: z.array(z.object({ email: z.string(), reason: z.enum(["unsubscribed", "bounced"]), since: IsoDateTime })),
});
export type SuppressionList = z.infer<typeof SuppressionList>;
