import * as z from "zod/mini";
import { Checkbox, Collection, Email, FirstName, IsoDateTime, LastName, OrganizationSummary, Slug, TextLanguages } from "./common.js";
import { SESSION_FORMATS } from "./vocabulary.js";

export { SESSION_FORMATS } from "./vocabulary.js";

export const TrainingLeader = z.object({
  name: z.string(),
  role: z.nullable(z.string()),
});
export type TrainingLeader = z.infer<typeof TrainingLeader>;

/** One session as the public sees it. The virtual link is never here: only registrants get it. */
export const TrainingSession = z.object({
  id: z.string(),
  seriesSlug: Slug,
  title: z.string(),
  description: z.string(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  /** IANA zone the event is planned in, e.g. "America/New_York". */
  timeZone: z.string(),
  format: z.enum(SESSION_FORMATS),
  /** Street address or place, for in-person and hybrid sessions. */
  location: z.nullable(z.string()),
  leaders: z.array(TrainingLeader),
  partners: z.array(OrganizationSummary),
  /** Null means unlimited. */
  capacity: z.nullable(z.number().check(z.int(), z.nonnegative())),
  registered: z.number().check(z.int(), z.nonnegative()),
  /**
   * Null when unlimited. Seats the asking partner's members can still take: its own reserved
   * seats left plus the open ones (without a key, the open ones only).
   */
  seatsLeft: z.nullable(z.number().check(z.int(), z.nonnegative())),
  waitlisted: z.number().check(z.int(), z.nonnegative()),
  status: z.enum(["scheduled", "cancelled"]),
  /** True once the session has started: registration is closed. */
  past: z.boolean(),
  /** Fallback fields: title, description, leaders.<i>.role. */
  ...TextLanguages,
});
export type TrainingSession = z.infer<typeof TrainingSession>;

export const TrainingSeries = z.object({
  slug: Slug,
  title: z.string(),
  description: z.string(),
  coalition: OrganizationSummary,
  partner: z.nullable(OrganizationSummary),
  consent: z.object({
    coalition: z.object({ text: z.string(), version: z.string() }),
    partner: z.nullable(z.object({ text: z.string(), version: z.string() })),
  }),
  /** Fallback fields: title, description, consent.coalition, consent.partner. */
  ...TextLanguages,
});
export type TrainingSeries = z.infer<typeof TrainingSeries>;

/** GET /v1/trainings/:series */
export const TrainingSeriesResponse = z.object({
  series: TrainingSeries,
  sessions: z.array(TrainingSession),
  /** Subscribe URL for the whole series (https; swap to webcal: for calendar apps). */
  feedUrl: z.string(),
});
export type TrainingSeriesResponse = z.infer<typeof TrainingSeriesResponse>;

/** POST /v1/trainings/:series/sessions/:id/registrations */
export const RegisterRequest = z.object({
  firstName: FirstName,
  lastName: LastName,
  email: Email,
  consentCoalition: Checkbox,
  consentPartner: Checkbox,
  source: z.optional(z.string().check(z.maxLength(100, "Source codes are at most 100 characters."))),
  /** Taken at a table (tabling mode), and when: see `Collection`. */
  ...Collection,
});
export type RegisterRequest = z.input<typeof RegisterRequest>;
export type RegisterParsed = z.output<typeof RegisterRequest>;

export const REGISTRATION_STATUSES = ["registered", "waitlisted", "already_registered", "already_waitlisted"] as const;

/** 201 for a new registration or waitlist place; 200 when this email already had one. */
export const RegisterResponse = z.object({
  status: z.enum(REGISTRATION_STATUSES),
  /** 1-based place on the waitlist, when waitlisted. */
  waitlistPosition: z.nullable(z.number().check(z.int(), z.positive())),
  session: TrainingSession,
  /** Only for a confirmed seat. */
  virtualLink: z.nullable(z.string()),
  /** Personal links, signed: add this session to a calendar (with the virtual link), or cancel. */
  calendarUrl: z.string(),
  cancelUrl: z.string(),
});
export type RegisterResponse = z.infer<typeof RegisterResponse>;

/** POST /v1/registrations/cancel */
export const CancelRegistrationRequest = z.object({ token: z.string("This cancel link is not valid.").check(z.minLength(10, "This cancel link is not valid."), z.maxLength(400)) });
export const CancelRegistrationResponse = z.object({
  status: z.enum(["cancelled", "already_cancelled"]),
  /** Whether someone on the waitlist got the freed seat. */
  promoted: z.boolean(),
});
export type CancelRegistrationResponse = z.infer<typeof CancelRegistrationResponse>;
