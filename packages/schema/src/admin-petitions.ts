import * as z from "zod/mini";
import { IsoDateTime, Slug, text } from "./common.js";
import { DateTimeInput } from "./when-inputs.js";
import { PETITION_STATUSES, Petition, PetitionStats } from "./petition.js";
import { ContentLanguageInput, missingDefaultLanguage, translatable, type TranslatableText } from "./translatable.js";
import type { Locale } from "./vocabulary.js";

const Count = z.number().check(z.int(), z.nonnegative());
const GOAL_MESSAGE = "Enter a goal: a whole number from 0 to 100,000,000.";
const Goal = z.number(GOAL_MESSAGE).check(z.int(GOAL_MESSAGE), z.nonnegative(GOAL_MESSAGE), z.lte(100_000_000, GOAL_MESSAGE));
const SHARE_URL_MESSAGE = "Enter a web address starting with https://.";
export const HttpsUrl = z.string(SHARE_URL_MESSAGE).check(z.trim(), z.maxLength(500, SHARE_URL_MESSAGE), z.regex(/^https:\/\/[^\s/$.?#][^\s]*$/i, SHARE_URL_MESSAGE));

/** A consent text the organizer writes; a new version is needed whenever the words change. */
export const ConsentInput = z.object({
  text: text("the consent text", 500, true),
  version: text("a version for the consent text", 40, true),
});

/**
 * A consent text in one language or several (petitions so far). `version` is the campaign
 * language's; each translation's version is made from it and the translation's own words, so a
 * changed translation is a new version too.
 */
export const TranslatableConsentInput = z.object({
  text: translatable("the consent text", 500, true),
  version: text("a version for the consent text", 40, true),
});

/** The petition texts that can be written in several languages, with the labels their errors use. */
export const PETITION_TEXT_FIELDS = { title: "a title", body: "the petition text", target: "who the petition is addressed to" } as const;
const CONSENT_SCOPES = ["coalition", "partner", "guardian"] as const;

/**
 * Field errors for translatable texts that lack the campaign's language (`language`, English by
 * default), keyed `<field>.<lang>` as the other errors of a translatable text are.
 */
export function petitionLanguageErrors(v: { title?: TranslatableText | undefined; body?: TranslatableText | undefined; target?: TranslatableText | undefined; consent?: Partial<Record<(typeof CONSENT_SCOPES)[number], { text: TranslatableText }>> | undefined }, language: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, label] of Object.entries(PETITION_TEXT_FIELDS)) {
    const missing = missingDefaultLanguage(v[field as keyof typeof PETITION_TEXT_FIELDS], label, language);
    if (missing) out[`${field}.${language}`] = missing;
  }
  for (const scope of CONSENT_SCOPES) {
    const missing = missingDefaultLanguage(v.consent?.[scope]?.text, "the consent text", language);
    if (missing) out[`consent.${scope}.text.${language}`] = missing;
  }
  return out;
}

const languageCheck = z.superRefine((v: Parameters<typeof petitionLanguageErrors>[0] & { language?: Locale | undefined }, ctx) => {
  for (const [path, message] of Object.entries(petitionLanguageErrors(v, v.language ?? "en"))) ctx.addIssue({ code: "custom", path: path.split("."), message, input: undefined });
});

/** POST /v1/admin/petitions. Consent texts default to plain ones naming the coalition. */
/**
 * Whether a signature counts at once ("none") or only after the signer confirms by email
 * ("double_opt_in"), and after how many days an unconfirmed one is erased (default 7).
 */
/** Proca-style social proof: hide a small count, raise a goal that is nearly reached. */
const Momentum = {
  /** Show the count once it reaches this many (0: always). Below it the widget shows the goal alone. */
  countShownFrom: z.optional(z.number("Enter a number of signatures.").check(z.int("Enter a whole number of signatures."), z.gte(0, "Enter 0 or more."), z.lte(10_000_000, "Enter at most 10,000,000."))),
  /** Raise the goal shown (5,000 → 10,000 → 20,000 → 50,000 …) each time 90 % of it is reached. */
  autoGoal: z.optional(z.boolean("Choose true or false.")),
};

const Confirmation = {
  confirmation: z.optional(z.enum(["none", "double_opt_in"], "Choose none or double_opt_in.")),
  pendingDays: z.optional(z.number("Enter a number of days.").check(z.int("Enter a number of days."), z.gte(1, "Keep unconfirmed signatures at least 1 day."), z.lte(60, "Keep unconfirmed signatures at most 60 days."))),
};

export const PetitionInput = z.object({
  slug: Slug,
  /** The campaign's own language (default "en"): every text must have it; others are translations. */
  language: z.optional(ContentLanguageInput),
  title: translatable("a title", 200, true),
  body: translatable("the petition text", 10_000, true),
  target: translatable("who the petition is addressed to", 200, true),
  goal: Goal,
  askAgeBand: z._default(z.boolean(), false),
  shareUrl: z.optional(z.nullable(HttpsUrl)),
  closesAt: z.optional(z.nullable(DateTimeInput)),
  consent: z.optional(z.object({ coalition: TranslatableConsentInput, partner: TranslatableConsentInput, guardian: TranslatableConsentInput })),
  ...Confirmation,
  ...Momentum,
}).check(languageCheck);
export type PetitionInput = z.input<typeof PetitionInput>;

/**
 * PATCH /v1/admin/petitions/:slug: only what may change once people have signed. A text sent as
 * a plain string changes the campaign language's words and keeps the translations; sent as one
 * text per language, it replaces them all (a language left out or empty has no translation).
 * Changed consent texts are new versions: signatures keep the text and version they were given.
 */
export const PetitionPatch = z.object({
  language: z.optional(ContentLanguageInput),
  title: z.optional(translatable("a title", 200, true)),
  body: z.optional(translatable("the petition text", 10_000, true)),
  target: z.optional(translatable("who the petition is addressed to", 200, true)),
  consent: z.optional(z.object({ coalition: z.optional(TranslatableConsentInput), partner: z.optional(TranslatableConsentInput), guardian: z.optional(TranslatableConsentInput) })),
  goal: z.optional(Goal),
  status: z.optional(z.enum(PETITION_STATUSES, "Choose open or closed.")),
  askAgeBand: z.optional(z.boolean()),
  shareUrl: z.optional(z.nullable(HttpsUrl)),
  closesAt: z.optional(z.nullable(DateTimeInput)),
  ...Confirmation,
  ...Momentum,
});
export type PetitionPatch = z.input<typeof PetitionPatch>;

/** A consent text as saved: the words in each language, and the campaign language's version. */
const SavedConsent = z.object({ text: z.record(z.string(), z.string()), version: z.string() });

/**
 * A petition's texts as saved, in every language it has (in the shape PATCH takes), for side-by-
 * side editing; `missing` lists, per language other than the campaign's, the fields still
 * without a translation (e.g. `{ "es": ["target", "consent.partner"] }`).
 */
export const PetitionContent = z.object({
  language: z.string(),
  title: z.record(z.string(), z.string()),
  body: z.record(z.string(), z.string()),
  target: z.record(z.string(), z.string()),
  consent: z.object({ coalition: SavedConsent, partner: SavedConsent, guardian: SavedConsent }),
  missing: z.record(z.string(), z.array(z.string())),
});
export type PetitionContent = z.infer<typeof PetitionContent>;

/** One row of the organizer's petition list. */
export const AdminPetition = z.object({
  slug: Slug,
  title: z.string(),
  status: z.enum(PETITION_STATUSES),
  goal: Count,
  total: Count,
  createdAt: IsoDateTime,
});
export type AdminPetition = z.infer<typeof AdminPetition>;

export const AdminPetitionList = z.object({ petitions: z.array(AdminPetition) });
export type AdminPetitionList = z.infer<typeof AdminPetitionList>;

/** Signatures per day (UTC), oldest first, days without signatures included. */
export const DailyCount = z.object({ date: z.string(), count: Count });
export type DailyCount = z.infer<typeof DailyCount>;

/** GET /v1/admin/petitions/:slug */
export const AdminPetitionDetail = z.object({
  petition: Petition,
  /** Its texts in every language, for editing (optional: an older API does not send it). */
  content: z.optional(PetitionContent),
  stats: PetitionStats,
  daily: z.array(DailyCount),
  /** Signers who agreed to hear from the coalition. */
  coalitionOptIns: Count,
  /** Signatures waiting for the signer's email confirmation or a guardian's consent (not counted publicly). */
  pending: z.optional(z.object({ email: Count, guardian: Count })),
  /** Counted signatures by the `source` of the widget that took them (null: none set), most first. */
  sources: z.optional(z.array(z.object({ source: z.nullable(z.string()), count: Count }))),
  /**
   * Recruitment through share links: signatures that came through one (`recruited`), how many
   * signers' links brought someone (`sharers`), and counted signatures by steps from the first
   * sharer (`byDepth`, depth 0: nobody's link). It names no one.
   */
  referrals: z.optional(z.object({ recruited: Count, sharers: Count, byDepth: z.array(z.object({ depth: Count, count: Count })) })),
});
export type AdminPetitionDetail = z.infer<typeof AdminPetitionDetail>;

/** POST /v1/admin/petitions and PATCH /v1/admin/petitions/:slug */
export const AdminPetitionResponse = z.object({ petition: Petition });
export type AdminPetitionResponse = z.infer<typeof AdminPetitionResponse>;
