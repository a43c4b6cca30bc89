import * as z from "zod/mini";
import { IsoDateTime, Slug, text } from "./common.js";
import { ConsentInput, HttpsUrl, TranslatableConsentInput } from "./admin-petitions.js";
import { ContentLanguageInput, languageCheck, translatable, type LanguageCheck, type TranslatableText } from "./translatable.js";
import { AdminTrainingSession } from "./admin-sessions.js";
import { CompletionThreshold } from "./attendance.js";
import { SeriesFeedbackFields } from "./session-feedback.js";
import { DateTimeInput, LocalDateInput, LocalTimeInput, SessionFormatInput } from "./when-inputs.js";
import { AdminMeetingWeek } from "./admin-meeting-weeks.js";
import {
  PARTNER_SEATS_CAPACITY_MESSAGE,
  PARTNER_SEATS_COUNT_MESSAGE,
  PARTNER_SEATS_PARTNER_MESSAGE,
  PARTNER_SEATS_TWICE_MESSAGE,
  PARTNER_SEATS_UNLIMITED_MESSAGE,
  SESSION_FORMATS,
} from "./vocabulary.js";

/**
 * What organizers send to create or change training series, surveys and meetings
 * (PUT /v1/admin/<kind>/:slug: the slug is the address). The same shapes as the seed files.
 *
 * Training series and meetings (issue 19): each organizer-written text is a plain string in the
 * campaign's `language`, or one text per language ({"en": "…", "es": "…"}). A plain string keeps
 * the translations saved with that text (a session's by its key, a break's by its first day, a
 * week's by its date); one text per language replaces them (a language left out has none).
 */
const Format = SessionFormatInput;
const Count = z.number().check(z.int(), z.nonnegative());
const Zone = text("a time zone, like America/New_York", 64, true);
const LocalDate = LocalDateInput;
const LocalTime = LocalTimeInput;
/** Training series and meetings: consent texts in one language or several (issue 19). */
const TwoTranslatableConsents = z.object({ coalition: TranslatableConsentInput, partner: TranslatableConsentInput });
type Consents = { coalition: { text: TranslatableText }; partner: { text: TranslatableText } };
const consentChecks = (c: Consents): LanguageCheck[] => [
  ["consent.coalition.text", c.coalition.text, "the consent text", true],
  ["consent.partner.text", c.partner.text, "the consent text", true],
];

export const TrainingSessionInput = z.object({
  /** Stable within the series: sending the same key again changes that session. */
  key: z.string("Give each session a key.").check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "Session keys use lowercase letters, numbers and dashes.")),
  title: translatable("the session's title", 200, true),
  description: z.optional(translatable("a description", 5000, false)),
  startsAt: DateTimeInput,
  endsAt: DateTimeInput,
  timeZone: Zone,
  format: Format,
  location: z.optional(z.nullable(text("a place", 300, false))),
  virtualLink: z.optional(z.nullable(HttpsUrl)),
  capacity: z.optional(z.nullable(Count)),
  status: z.optional(z.enum(["scheduled", "cancelled"], "Choose scheduled or cancelled.")),
  leaders: z.array(z.object({ name: text("the leader's name", 120, true), role: z.optional(z.nullable(translatable("a role", 120, false))) })),
  /** Slugs of this coalition's partners co-hosting the session. */
  partners: z.optional(z.array(Slug)),
  /**
   * Seats of `capacity` kept for the members of co-hosting partners (each one of `partners`, at
   * most once, adding up to no more than `capacity`). Left out: no reservations. The rest of the
   * seats are open to everyone.
   */
  partnerSeats: z.optional(
    z.array(
      z.object({
        partner: Slug,
        seats: z.number(PARTNER_SEATS_COUNT_MESSAGE).check(z.int(PARTNER_SEATS_COUNT_MESSAGE), z.gte(1, PARTNER_SEATS_COUNT_MESSAGE), z.lte(100_000, PARTNER_SEATS_COUNT_MESSAGE)),
      }),
    ),
  ),
}).check(
  z.superRefine((s, ctx) => {
    const reserved = s.partnerSeats ?? [];
    if (reserved.length === 0) return;
    const hosts = new Set(s.partners ?? []);
    const seen = new Set<string>();
    reserved.forEach((r, i) => {
      const path = ["partnerSeats", i, "partner"];
      if (!hosts.has(r.partner)) ctx.addIssue({ code: "custom", path, message: PARTNER_SEATS_PARTNER_MESSAGE, input: r.partner });
      else if (seen.has(r.partner)) ctx.addIssue({ code: "custom", path, message: PARTNER_SEATS_TWICE_MESSAGE, input: r.partner });
      seen.add(r.partner);
    });
    const sum = reserved.reduce((total, r) => total + r.seats, 0);
    if (s.capacity === null || s.capacity === undefined) ctx.addIssue({ code: "custom", path: ["partnerSeats"], message: PARTNER_SEATS_UNLIMITED_MESSAGE, input: s.partnerSeats });
    else if (sum > s.capacity) ctx.addIssue({ code: "custom", path: ["partnerSeats"], message: PARTNER_SEATS_CAPACITY_MESSAGE, input: s.partnerSeats });
  }),
);

/** The texts of a session to check for the series' language, under `prefix` ("sessions.0."). */
export function sessionLanguageChecks(s: { title: TranslatableText; description?: TranslatableText | undefined; leaders: Array<{ role?: TranslatableText | null | undefined }> }, prefix: string): LanguageCheck[] {
  return [
    [`${prefix}title`, s.title, "the session's title", true],
    [`${prefix}description`, s.description, "a description", false],
    ...s.leaders.map((l, i): LanguageCheck => [`${prefix}leaders.${i}.role`, l.role, "a role", false]),
  ];
}

export const TrainingSeriesInput = z.object({
  /** The series' own language (default "en"): every text must have it; others are translations. Sessions are in it too. */
  language: z.optional(ContentLanguageInput),
  title: translatable("a title", 200, true),
  description: translatable("a description", 5000, true),
  consent: TwoTranslatableConsents,
  /** Minutes before each session when registrants get a reminder email (default [1440, 60]; [] turns them off). */
  reminderMinutes: z.optional(
    z
      .array(z.number("Enter reminder times in minutes.").check(z.int("Enter reminder times in minutes."), z.gte(5, "Remind at least 5 minutes before."), z.lte(20_160, "Remind at most two weeks before.")))
      .check(z.maxLength(4, "At most 4 reminders per session.")),
  ),
  sessions: z.array(TrainingSessionInput).check(z.maxLength(200, "At most 200 sessions per series.")),
  /** Sessions a person attends to complete the series: a number, "all" (the default for a new series) or null (no completion); left out, it stays as saved. */
  completionThreshold: z.optional(CompletionThreshold),
  /** The survey attendees get after each session, and the page where it is embedded; left out, they stay as saved. */
  ...SeriesFeedbackFields,
}).check(
  languageCheck((v) => [
    ["title", v.title, "a title", true],
    ["description", v.description, "a description", true],
    ...consentChecks(v.consent),
    ...v.sessions.flatMap((s, i) => sessionLanguageChecks(s, `sessions.${i}.`)),
  ]),
);
export type TrainingSeriesInput = z.input<typeof TrainingSeriesInput>;

export const MeetingInput = z.object({
  /** The meeting's own language (default "en"): every text must have it; others are translations. Breaks and notes are in it too. */
  language: z.optional(ContentLanguageInput),
  title: translatable("a title", 200, true),
  description: translatable("a description", 5000, true),
  timeZone: Zone,
  startDate: LocalDate,
  startTime: LocalTime,
  durationMinutes: z.number("Enter the length in minutes.").check(z.int("Enter the length in minutes."), z.gte(5, "Meetings last 5 minutes or more."), z.lte(720, "Meetings last at most 12 hours.")),
  /** e.g. FREQ=WEEKLY;BYDAY=TH */
  rrule: text("a repeat rule, like FREQ=WEEKLY;BYDAY=TH", 200, true),
  format: Format,
  location: z.optional(z.nullable(text("a place", 300, false))),
  virtualLink: z.optional(z.nullable(HttpsUrl)),
  consent: TwoTranslatableConsents,
  breaks: z.optional(z.array(z.object({ from: LocalDate, to: LocalDate, reason: translatable("a reason", 200, true) }))),
  changes: z.optional(
    z.array(
      z.object({
        date: LocalDate,
        cancelled: z.optional(z.boolean()),
        newDate: z.optional(LocalDate),
        newTime: z.optional(LocalTime),
        format: z.optional(Format),
        location: z.optional(text("a place", 300, false)),
        note: z.optional(translatable("a note", 300, false)),
      }),
    ),
  ),
}).check(
  languageCheck((v) => [
    ["title", v.title, "a title", true],
    ["description", v.description, "a description", true],
    ...consentChecks(v.consent),
    ...(v.breaks ?? []).map((b, i): LanguageCheck => [`breaks.${i}.reason`, b.reason, "a reason", true]),
    ...(v.changes ?? []).map((c, i): LanguageCheck => [`changes.${i}.note`, c.note, "a note", false]),
  ]),
);
export type MeetingInput = z.input<typeof MeetingInput>;

/** GET /v1/admin/trainings: every series with each session's seats and waitlist. */
export const AdminTrainingList = z.object({
  series: z.array(
    z.object({
      slug: Slug,
      title: z.string(),
      sessions: z.array(AdminTrainingSession),
    }),
  ),
});
export type AdminTrainingList = z.infer<typeof AdminTrainingList>;

/** GET /v1/admin/trainings/:slug/registrations: who is coming (registrants share contact details to attend). */
export const AdminRegistrationList = z.object({
  registrations: z.array(
    z.object({
      session: z.string(),
      firstName: z.string(),
      lastName: z.nullable(z.string()),
      email: z.string(),
      partner: z.string(),
      status: z.enum(["registered", "waitlisted", "cancelled"]),
      waitlistPosition: z.nullable(Count),
      createdAt: IsoDateTime,
    }),
  ),
});
export type AdminRegistrationList = z.infer<typeof AdminRegistrationList>;

/** GET /v1/admin/surveys */
export const AdminSurveyList = z.object({ surveys: z.array(z.object({ slug: Slug, title: z.string(), responses: Count, publicResults: z.boolean() })) });
export type AdminSurveyList = z.infer<typeof AdminSurveyList>;

/** GET /v1/admin/meetings: each meeting's regular time and place, and its upcoming weeks with their answers. */
export const AdminMeetingList = z.object({
  meetings: z.array(
    z.object({
      slug: Slug,
      title: z.string(),
      schedule: z.string(),
      timeZone: z.string(),
      /** The regular start, "HH:MM" in the meeting's zone. */
      startTime: z.string(),
      format: z.enum(SESSION_FORMATS),
      location: z.nullable(z.string()),
      upcoming: z.array(AdminMeetingWeek),
    }),
  ),
});
export type AdminMeetingList = z.infer<typeof AdminMeetingList>;

/** PUT answers: what was saved. */
export const AdminSaved = z.object({ slug: Slug, created: z.boolean() });
export type AdminSaved = z.infer<typeof AdminSaved>;
