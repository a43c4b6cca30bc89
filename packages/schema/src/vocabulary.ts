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
  "origin_not_allowed",
  "petition_closed",
  "registration_closed",
  "rate_limited",
  "idempotency_conflict",
  "payload_too_large",
  "unsupported_media_type",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status for each error code. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  validation_failed: 422,
  not_found: 404,
  invalid_key: 401,
  unauthorized: 401,
  origin_not_allowed: 403,
  petition_closed: 409,
  registration_closed: 409,
  rate_limited: 429,
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
  origin_not_allowed: "This website is not allowed to use this partner key.",
  petition_closed: "This petition is closed and no longer accepting signatures.",
  registration_closed: "Registration for this session is closed.",
  rate_limited: "Too many attempts. Please wait a minute and try again.",
  idempotency_conflict: "This request was already sent with different details.",
  payload_too_large: "That request is too large.",
  unsupported_media_type: "Send JSON or a form.",
  internal: "Something went wrong on our side. Your information was not lost; please try again.",
};

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

export const STORY_MIN = 20;
export const STORY_MAX = 5000;
export const NAME_REQUIRED_FOR_PUBLISH = "Enter your first name, or choose to share anonymously.";
export const PUBLISH_CONSENT_MESSAGE = "Please agree to let us share your story, or choose “only the coalition may read it”.";
export const UNDER_13_NO_DATA = "Leave this blank unless a parent or guardian agrees below.";

export const REQUIRED_ANSWER = "Please answer this question.";
export const CHOOSE_FROM_LIST = "Choose one of the options.";
export const SCALE_MESSAGE = "Choose a number from 1 to 5.";

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
