import * as z from "zod/mini";
import { AGE_BANDS, CHANNELS, CONTROL_CHARACTERS, CONTROL_CHARACTER_MESSAGE, DATE_TIME_MESSAGE, EMAIL_MESSAGE, LOCALES } from "./vocabulary.js";

export { AGE_BANDS } from "./vocabulary.js";

export const Id = z.string().check(z.minLength(1), z.maxLength(64));
export const Slug = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,79}$/, "Use lowercase letters, numbers and dashes."));
export const IsoDateTime = z.iso.datetime({ offset: true });

/** Age bands. Campaigns that allow students ask for one; under 13 needs a guardian. */
export const AgeBand = z.enum(AGE_BANDS, "Choose your age group.");
export type AgeBand = z.infer<typeof AgeBand>;

/** A consent text exactly as shown to the person, with its version. */
export const ConsentText = z.object({
  text: z.string(),
  version: z.string(),
});
export type ConsentText = z.infer<typeof ConsentText>;

/**
 * Which language a public read's organizer-written texts are in (issue 19), so a widget can mark
 * them with `lang` for screen readers and hyphenation: the asker's language where the organizer
 * wrote it, and otherwise, text by text, the campaign's own.
 */
export const TextLanguages = {
  /** The language of the texts, unless `fallbacks` names another. */
  language: z._default(z.enum(LOCALES), "en"),
  /** Texts shown in the campaign's language for want of a translation: field → its language, e.g. `{ "target": "en" }`. */
  fallbacks: z._default(z.record(z.string(), z.enum(LOCALES)), {}),
};

/** Attribution of an action to where it came from on the partner's site. */
export const Attribution = z.object({
  source: z.optional(z.string().check(z.maxLength(100, "Source codes are at most 100 characters."))),
  utmSource: z.optional(z.string().check(z.maxLength(100))),
  utmMedium: z.optional(z.string().check(z.maxLength(100))),
  utmCampaign: z.optional(z.string().check(z.maxLength(100))),
});

/**
 * Where and when an action was taken, for tabling mode: on a shared device at a table or in a
 * classroom (`channel: "tabling"`), possibly offline, so it reaches the API later than it was
 * collected (`collectedAt`, at most 30 days ago and never in the future, checked by the API).
 */
export const Collection = {
  channel: z.optional(z.enum(CHANNELS, "Choose online or tabling.")),
  collectedAt: z.optional(z.iso.datetime({ offset: true, error: DATE_TIME_MESSAGE })),
};

export const OrganizationSummary = z.object({
  slug: Slug,
  name: z.string(),
  website: z.nullable(z.string()),
});
export type OrganizationSummary = z.infer<typeof OrganizationSummary>;

/** Text fields: trim, then length-limit with a clear message; control characters are refused. */
export function text(label: string, max: number, required: boolean) {
  const base = z.string(required ? `Enter ${label}.` : `${cap(label)} must be text.`).check(
    z.trim(),
    z.maxLength(max, `${cap(label)} must be at most ${max} characters.`),
    z.refine((v) => !CONTROL_CHARACTERS.test(v), CONTROL_CHARACTER_MESSAGE),
  );
  return required ? base.check(z.minLength(1, `Enter ${label}.`)) : base;
}

function cap(s: string): string {
  const bare = s.replace(/^(your|a|an|the) /, "");
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

/** An email address: trimmed and lower-cased (people are deduplicated on it), at most 254 characters, of the usual shape. */
export const Email = z.string(EMAIL_MESSAGE).check(z.trim(), z.toLowerCase(), z.maxLength(254, EMAIL_MESSAGE), z.regex(z.regexes.email, EMAIL_MESSAGE));
/** An optional email whose need depends on other fields: normalized here; the form's own rule checks its shape with `isEmail`. */
export const OptionalEmailText = z.optional(z.string(EMAIL_MESSAGE).check(z.trim(), z.toLowerCase(), z.maxLength(254, EMAIL_MESSAGE)));
/** Whether a normalized email has the usual shape (the rule `Email` applies). */
export const isEmail = (value: string): boolean => z.regexes.email.test(value);
/** A person's first name (required) and last name (optional), as every form asks them. */
export const FirstName = text("your first name", 80, true);
export const LastName = z.optional(text("your last name", 80, false));

/** Accepts JSON booleans and form values ("on", "true", "1", "yes"); missing means false. */
export const Checkbox = z._default(
  z.union([z.boolean(), z.pipe(z.enum(["on", "true", "1", "yes", "false", "0", "no", "off", ""]), z.transform((v) => ["on", "true", "1", "yes"].includes(v)))]),
  false,
);
