/**
 * Zod-free vocabulary of the contract: enumerations, error codes and every user-facing message.
 * Widgets import these through "@coalition-kit/schema/rules" to stay small; the zod schemas use
 * the very same constants, so the browser and the API say the same words.
 */

export const ERROR_CODES = [
  "validation_failed",
  "not_found",
  "invalid_key",
  "unauthorized",
  "read_only_key",
  "origin_not_allowed",
  "petition_closed",
  "registration_closed",
  "rate_limited",
  "challenge_required",
  "idempotency_conflict",
  "payload_too_large",
  "unsupported_media_type",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
/** Codes only the admin API answers (a secret key's), never a partner page. */
export const ADMIN_ERROR_CODES = ["unauthorized", "read_only_key"] as const satisfies readonly ErrorCode[];
/**
 * Codes a partner page can get: ERROR_CODES but the admin ones. The widgets' small client knows
 * only these, so organizer-only codes cost the embed bundles nothing.
 */
export const PARTNER_ERROR_CODES = [
  "validation_failed",
  "not_found",
  "invalid_key",
  "origin_not_allowed",
  "petition_closed",
  "registration_closed",
  "rate_limited",
  "challenge_required",
  "idempotency_conflict",
  "payload_too_large",
  "unsupported_media_type",
  "internal",
] as const satisfies readonly ErrorCode[];

/** HTTP status for each error code. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  validation_failed: 422,
  not_found: 404,
  invalid_key: 401,
  unauthorized: 401,
  read_only_key: 403,
  origin_not_allowed: 403,
  petition_closed: 409,
  registration_closed: 409,
  rate_limited: 429,
  challenge_required: 429,
  idempotency_conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
};

/** Human messages shown when the API has nothing more specific to say. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  validation_failed: "Please correct the highlighted fields.",
  not_found: "We couldn't find that.",
  invalid_key: "This page's partner key is missing or not valid.",
  unauthorized: "A valid secret key is required (Authorization: Bearer sk_...).",
  read_only_key: "This secret key is read-only. Use a read-write key to make changes.",
  origin_not_allowed: "This website is not allowed to use this partner key.",
  petition_closed: "This petition is closed and no longer accepting signatures.",
  registration_closed: "Registration for this session is closed.",
  rate_limited: "Too many attempts. Please wait a minute and try again.",
  challenge_required: "Many people are taking part from this network right now. Please try again in a moment.",
  idempotency_conflict: "This request was already sent with different details.",
  payload_too_large: "That request is too large.",
  unsupported_media_type: "Send JSON or a form.",
  internal: "Something went wrong on our side. Your information was not lost; please try again.",
};

/** invalid_key's message for a publishable key replaced by a rotation, once its overlap has ended. */
export const RETIRED_KEY_MESSAGE = "This partner key was replaced and no longer works. Ask the coalition for the new key.";

/** Age bands. Campaigns that allow students ask for one; under 13 needs a guardian. */
export const AGE_BANDS = ["under_13", "13_17", "18_plus"] as const;
export const SESSION_FORMATS = ["virtual", "in_person", "hybrid"] as const;
export const STORY_ROLES = ["student", "parent", "educator", "community"] as const;
/** internal: only the coalition reads it; anonymous: published with no name; first_name: published with the first name. */
export const PUBLISH_CHOICES = ["internal", "anonymous", "first_name"] as const;
export const RSVP_RESPONSES = ["yes", "maybe", "no"] as const;
export const QUESTION_TYPES = ["single", "multiple", "short_text", "long_text", "scale"] as const;

export const EMAIL_MESSAGE = "Enter a valid email address, like name@example.org.";
export const ZIP_MESSAGE = "Enter a 5-digit ZIP code.";
export const GUARDIAN_EMAIL_MESSAGE = "Enter a parent or guardian's email address.";
export const GUARDIAN_CONSENT_MESSAGE = "A parent or guardian must agree before someone under 13 can sign.";
export const AGE_BAND_REQUIRED_MESSAGE = "Choose your age group.";
/** Text holding a NUL or another control character (other than tab and line breaks). */
export const CONTROL_CHARACTER_MESSAGE = "Remove the invisible control character from this field.";
/** C0 controls but tab, line feed and carriage return, and DEL: nothing a person types, and PostgreSQL refuses NUL. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const STORY_MIN = 20;
export const STORY_MAX = 5000;
export const NAME_REQUIRED_FOR_PUBLISH = "Enter your first name, or choose to share anonymously.";
export const PUBLISH_CONSENT_MESSAGE = "Please agree to let us share your story, or choose “only the coalition may read it”.";
export const UNDER_13_NO_DATA = "Leave this blank unless a parent or guardian agrees below.";

export const REQUIRED_ANSWER = "Please answer this question.";
export const CHOOSE_FROM_LIST = "Choose one of the options.";
export const SCALE_MESSAGE = "Choose a number from 1 to 5.";

/** Organizer changes to one training session or one meeting week (the admin API's field errors). */
export const DATE_TIME_MESSAGE = "Enter a real date and time with its offset, like 2026-03-10T18:00:00-05:00.";
export const DATE_MESSAGE = "Enter a date as YYYY-MM-DD.";
/** Tabling mode: how old a collected action may be when it reaches the API. */
export const COLLECTED_MAX_DAYS = 30;
export const COLLECTED_AT_MESSAGE = "This was collected more than 30 days ago or in the future; it can no longer be sent. Check the device's date and time.";
export const CHANNELS = ["online", "tabling"] as const;
export const YEAR_RANGE_MESSAGE = "Enter a date between the years 2000 and 2100.";
export const TIME_MESSAGE = "Enter a time as HH:MM (24-hour).";
export const SESSION_FORMAT_MESSAGE = "Choose online, in person, or both.";
export const SESSION_ENDS_MESSAGE = "A session ends after it starts.";
export const SESSION_STARTS_MESSAGE = "This is after the session's end: change the end time too.";
export const SESSION_PAST_MESSAGE = "Choose a time that has not passed yet.";
export const SESSION_STATUS_MESSAGE = "A session can only be cancelled here; a cancelled session is not reopened (add a new session instead).";
export const SESSION_CANCEL_ALONE_MESSAGE = "Cancel a session on its own, without other changes.";
export const SESSION_CANCELLED_MESSAGE = "This session is cancelled, so it can't be changed.";
export const SESSION_OVER_MESSAGE = "This session is over, so it can't be changed.";
export const SESSION_PLACE_MESSAGE = "Enter a place for the people who come in person.";
export const SESSION_LINK_MESSAGE = "Enter a join link (https://…) for an online or hybrid session.";
/** Seats reserved for co-hosting partners (the admin API's field errors on sessions.N.partnerSeats). */
export const PARTNER_SEATS_COUNT_MESSAGE = "Reserve a whole number of seats, 1 or more.";
export const PARTNER_SEATS_PARTNER_MESSAGE = "Reserve seats only for a partner co-hosting this session.";
export const PARTNER_SEATS_TWICE_MESSAGE = "Reserve seats for each partner once.";
export const PARTNER_SEATS_CAPACITY_MESSAGE = "Reserved seats add up to more than the session's capacity.";
export const PARTNER_SEATS_UNLIMITED_MESSAGE = "Set a capacity before reserving seats for partners.";
export const SESSION_FIELDS_MESSAGE = "Only startsAt, endsAt, format, location, virtualLink and status can be changed here.";
export const WEEK_EMPTY_MESSAGE = "Say what changes this week: cancel it, move it, change how or where it meets, or add a note.";
export const WEEK_CANCEL_ALONE_MESSAGE = "A cancelled week doesn't move or change place; a note is fine.";
export const WEEK_CANCELLED_MESSAGE = "This week's meeting is cancelled and people were told, so it stays cancelled.";
export const WEEK_OVER_MESSAGE = "This meeting is over, so it can't be changed.";
export const WEEK_FIELDS_MESSAGE = "Only cancelled, newDate, newTime, format, location and note can be sent here.";

/** Languages the widgets and the API speak. English is the source; Spanish is complete. */
export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];

/** The supported language for a BCP 47 tag or an Accept-Language header ("es-MX,es;q=0.9" -> "es"). */
export function pickLocale(header: string | null | undefined): Locale {
  const ranked = (header ?? "")
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.trim().slice(2) ?? 1);
      return { base: tag.split("-")[0] ?? "", q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { base } of ranked) if ((LOCALES as readonly string[]).includes(base)) return base as Locale;
  return "en";
}
