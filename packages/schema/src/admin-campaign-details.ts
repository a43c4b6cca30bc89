import * as z from "zod/mini";
import { Slug } from "./common.js";
import { SESSION_FORMATS } from "./vocabulary.js";
import { QUESTION_TYPES } from "./vocabulary.js";
import { SavedText } from "./translatable.js";
import { CompletionThreshold, SeriesAttendance } from "./attendance.js";

/**
 * GET /v1/admin/<kind>/:slug: one training series, meeting or survey as it is saved, in the shape
 * PUT takes, so an editor can load it into a form and send it back changed. Answers are read
 * leniently (plain strings): what was saved is shown as saved, and PUT checks it again.
 */
const Consent = z.object({ text: z.string(), version: z.string() });
/** Training series and meetings (issue 19): a text with translations comes back as one text per language. */
const TranslatedConsent = z.object({ text: SavedText, version: z.string() });
const TwoConsents = z.object({ coalition: TranslatedConsent, partner: TranslatedConsent });

export const AdminTrainingSeriesDetail = z.object({
  slug: Slug,
  series: z.object({
    language: z.optional(z.string()),
    title: SavedText,
    description: SavedText,
    consent: TwoConsents,
    reminderMinutes: z.array(z.number()),
    completionThreshold: CompletionThreshold,
    feedbackSurvey: z.nullable(Slug),
    feedbackUrl: z.nullable(z.string()),
    sessions: z.array(
      z.object({
        key: z.string(),
        title: SavedText,
        description: SavedText,
        startsAt: z.string(),
        endsAt: z.string(),
        timeZone: z.string(),
        format: z.enum(SESSION_FORMATS),
        location: z.nullable(z.string()),
        virtualLink: z.nullable(z.string()),
        capacity: z.nullable(z.number()),
        status: z.enum(["scheduled", "cancelled"]),
        leaders: z.array(z.object({ name: z.string(), role: z.nullable(SavedText) })),
        partners: z.array(z.string()),
        /** Seats kept for co-hosting partners' members ([] when none). */
        partnerSeats: z.array(z.object({ partner: z.string(), seats: z.number() })),
      }),
    ),
  }),
  /** Progress per person and numbers per partner (not part of what PUT takes). */
  attendance: SeriesAttendance,
});
export type AdminTrainingSeriesDetail = z.infer<typeof AdminTrainingSeriesDetail>;

const Format = z.enum(SESSION_FORMATS);

export const AdminMeetingDetail = z.object({
  slug: Slug,
  meeting: z.object({
    language: z.optional(z.string()),
    title: SavedText,
    description: SavedText,
    timeZone: z.string(),
    startDate: z.string(),
    startTime: z.string(),
    durationMinutes: z.number(),
    rrule: z.string(),
    format: Format,
    location: z.nullable(z.string()),
    virtualLink: z.nullable(z.string()),
    consent: TwoConsents,
    breaks: z.array(z.object({ from: z.string(), to: z.string(), reason: SavedText })),
    /** One-week changes: PUT replaces them with what it is sent, so an editor sends these back as they are. */
    changes: z.array(
      z.object({
        date: z.string(),
        cancelled: z.optional(z.boolean()),
        newDate: z.optional(z.string()),
        newTime: z.optional(z.string()),
        format: z.optional(Format),
        location: z.optional(z.string()),
        note: z.optional(SavedText),
      }),
    ),
  }),
});
export type AdminMeetingDetail = z.infer<typeof AdminMeetingDetail>;

export const AdminSurveyDetail = z.object({
  slug: Slug,
  survey: z.object({
    language: z.string(),
    title: SavedText,
    publicResults: z.boolean(),
    minGroupSize: z.number(),
    followUp: z.nullable(z.object({ prompt: SavedText, consent: z.object({ text: SavedText, version: z.string() }) })),
    variants: z.array(
      z.object({
        slug: Slug,
        title: SavedText,
        intro: SavedText,
        questions: z.array(
          z.object({
            id: z.string(),
            type: z.enum(QUESTION_TYPES),
            prompt: SavedText,
            help: z.optional(SavedText),
            required: z.boolean(),
            options: z.optional(z.array(z.object({ value: z.string(), label: SavedText }))),
            scale: z.optional(z.object({ min: z.literal(1), max: z.literal(5), minLabel: SavedText, maxLabel: SavedText })),
            showIf: z.optional(z.object({ question: z.string(), equals: z.optional(z.string()), includes: z.optional(z.string()) })),
            maxLength: z.optional(z.number()),
          }),
        ),
      }),
    ),
  }),
});
export type AdminSurveyDetail = z.infer<typeof AdminSurveyDetail>;
