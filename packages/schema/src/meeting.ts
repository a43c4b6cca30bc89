import * as z from "zod/mini";
import { Checkbox, ConsentText, Email, FirstName, IsoDateTime, LastName, OrganizationSummary, Slug, TextLanguages } from "./common.js";
import { RSVP_RESPONSES, SESSION_FORMATS } from "./vocabulary.js";

export { RSVP_RESPONSES } from "./vocabulary.js";
export const RsvpAnswer = z.enum(RSVP_RESPONSES, "Choose yes, maybe or no.");
export type RsvpAnswer = z.infer<typeof RsvpAnswer>;

const LocalDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a meeting date."));

export const MeetingOccurrence = z.object({
  /** The date this occurrence was scheduled for: its stable key, even when moved. */
  date: LocalDate,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  status: z.enum(["scheduled", "cancelled"]),
  moved: z.boolean(),
  format: z.enum(SESSION_FORMATS),
  location: z.nullable(z.string()),
  /** E.g. "In person, with food!" */
  note: z.nullable(z.string()),
  counts: z.object({ yes: z.number(), maybe: z.number(), no: z.number() }),
  /** The language of `note` (issue 19): the asker's where the organizer translated it, else the meeting's. */
  ...TextLanguages,
});
export type MeetingOccurrence = z.infer<typeof MeetingOccurrence>;

export const Meeting = z.object({
  slug: Slug,
  title: z.string(),
  description: z.string(),
  timeZone: z.string(),
  /** Human summary of the schedule, e.g. "Every Thursday, 4:00 PM". */
  schedule: z.string(),
  format: z.enum(SESSION_FORMATS),
  location: z.nullable(z.string()),
  coalition: OrganizationSummary,
  partner: z.nullable(OrganizationSummary),
  /** Upcoming breaks, e.g. summer: no meetings from–to. */
  breaks: z.array(z.object({ from: LocalDate, to: LocalDate, reason: z.string() })),
  consent: z.object({ coalition: ConsentText, partner: z.nullable(ConsentText) }),
  /** Fallback fields: title, description, consent.coalition, consent.partner, breaks.<i>.reason. `schedule` is always in the asker's language. */
  ...TextLanguages,
});
export type Meeting = z.infer<typeof Meeting>;

/** GET /v1/meetings/:slug */
export const MeetingResponse = z.object({
  meeting: Meeting,
  occurrences: z.array(MeetingOccurrence),
  feedUrl: z.string(),
});
export type MeetingResponse = z.infer<typeof MeetingResponse>;

/** POST /v1/meetings/:slug/rsvps */
export const RsvpRequest = z.object({
  firstName: FirstName,
  lastName: LastName,
  email: Email,
  response: RsvpAnswer,
  /** A meeting date (its scheduled date), or "every_week" for this and all future meetings. */
  occurrence: z.union([z.literal("every_week"), LocalDate], "Choose a meeting date."),
  consentCoalition: Checkbox,
  consentPartner: Checkbox,
  source: z.optional(z.string().check(z.maxLength(100, "Source codes are at most 100 characters."))),
});
export type RsvpRequest = z.input<typeof RsvpRequest>;
export type RsvpParsed = z.output<typeof RsvpRequest>;

export const RsvpResponse = z.object({
  status: z.literal("saved"),
  scope: z.enum(["one", "every_week"]),
  /** The occurrences as they now stand (counts updated). */
  occurrences: z.array(MeetingOccurrence),
  /** Signed personal link to change or cancel RSVPs. */
  manageUrl: z.string(),
  /** The link to join online, for people who said yes or maybe. */
  virtualLink: z.nullable(z.string()),
});
export type RsvpResponse = z.infer<typeof RsvpResponse>;
