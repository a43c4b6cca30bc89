import * as z from "zod/mini";
import { IsoDateTime, Slug, text } from "./common.js";
import { DateTimeInput } from "./when-inputs.js";
import { PETITION_STATUSES, Petition, PetitionStats } from "./petition.js";

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

/** POST /v1/admin/petitions. Consent texts default to plain ones naming the coalition. */
/**
 * Whether a signature counts at once ("none") or only after the signer confirms by email
 * ("double_opt_in"), and after how many days an unconfirmed one is erased (default 7).
 */
const Confirmation = {
  confirmation: z.optional(z.enum(["none", "double_opt_in"], "Choose none or double_opt_in.")),
  pendingDays: z.optional(z.number("Enter a number of days.").check(z.int("Enter a number of days."), z.gte(1, "Keep unconfirmed signatures at least 1 day."), z.lte(60, "Keep unconfirmed signatures at most 60 days."))),
};

export const PetitionInput = z.object({
  slug: Slug,
  title: text("a title", 200, true),
  body: text("the petition text", 10_000, true),
  target: text("who the petition is addressed to", 200, true),
  goal: Goal,
  askAgeBand: z._default(z.boolean(), false),
  shareUrl: z.optional(z.nullable(HttpsUrl)),
  closesAt: z.optional(z.nullable(DateTimeInput)),
  consent: z.optional(z.object({ coalition: ConsentInput, partner: ConsentInput, guardian: ConsentInput })),
  ...Confirmation,
});
export type PetitionInput = z.input<typeof PetitionInput>;

/** PATCH /v1/admin/petitions/:slug: only what may change once people have signed. */
export const PetitionPatch = z.object({
  title: z.optional(text("a title", 200, true)),
  body: z.optional(text("the petition text", 10_000, true)),
  target: z.optional(text("who the petition is addressed to", 200, true)),
  goal: z.optional(Goal),
  status: z.optional(z.enum(PETITION_STATUSES, "Choose open or closed.")),
  askAgeBand: z.optional(z.boolean()),
  shareUrl: z.optional(z.nullable(HttpsUrl)),
  closesAt: z.optional(z.nullable(DateTimeInput)),
  ...Confirmation,
});
export type PetitionPatch = z.input<typeof PetitionPatch>;

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
  stats: PetitionStats,
  daily: z.array(DailyCount),
  /** Signers who agreed to hear from the coalition. */
  coalitionOptIns: Count,
  /** Signatures waiting for the signer's email confirmation or a guardian's consent (not counted publicly). */
  pending: z.optional(z.object({ email: Count, guardian: Count })),
});
export type AdminPetitionDetail = z.infer<typeof AdminPetitionDetail>;

/** POST /v1/admin/petitions and PATCH /v1/admin/petitions/:slug */
export const AdminPetitionResponse = z.object({ petition: Petition });
export type AdminPetitionResponse = z.infer<typeof AdminPetitionResponse>;
