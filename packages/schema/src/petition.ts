import { fieldErrors } from "./errors.js";
import * as z from "zod/mini";
import { AGE_BAND_REQUIRED_MESSAGE, EMAIL_MESSAGE, GUARDIAN_CONSENT_MESSAGE, GUARDIAN_EMAIL_MESSAGE, ZIP_MESSAGE } from "./vocabulary.js";
import { SHARE_CODE_PATTERN } from "./wire.js";
import { AgeBand, Attribution, Checkbox, Collection, ConsentText, Email, FirstName, isEmail, IsoDateTime, LastName, OptionalEmailText, OrganizationSummary, Slug, TextLanguages } from "./common.js";

export { AGE_BAND_REQUIRED_MESSAGE, EMAIL_MESSAGE, GUARDIAN_CONSENT_MESSAGE, GUARDIAN_EMAIL_MESSAGE, ZIP_MESSAGE } from "./vocabulary.js";

export const PETITION_STATUSES = ["open", "closed"] as const;

/** A petition as the public sees it. */
export const Petition = z.object({
  slug: Slug,
  title: z.string(),
  /** Plain text; paragraphs separated by blank lines. Never HTML. */
  body: z.string(),
  /** Who the petition is addressed to, e.g. "Connecticut General Assembly". */
  target: z.string(),
  goal: z.number().check(z.int(), z.nonnegative()),
  status: z.enum(PETITION_STATUSES),
  closesAt: z.nullable(IsoDateTime),
  /** URL people share; the partner's page when known. */
  shareUrl: z.nullable(z.string()),
  /** Whether the form asks for an age band (campaigns that welcome students). */
  askAgeBand: z.boolean(),
  /** The widget shows the count once it reaches this many (0: always); below it, the goal alone. */
  countShownFrom: z._default(z.number().check(z.int(), z.nonnegative()), 0),
  coalition: OrganizationSummary,
  /** The partner whose key made this request, if any. */
  partner: z.nullable(OrganizationSummary),
  consent: z.object({
    coalition: ConsentText,
    /** Null when there is no partner on this request. */
    partner: z.nullable(ConsentText),
    guardian: ConsentText,
  }),
  /** Fallback fields: title, body, target, consent.coalition, consent.partner, consent.guardian. */
  ...TextLanguages,
});
export type Petition = z.infer<typeof Petition>;

export const PartnerCount = z.object({
  slug: Slug,
  name: z.string(),
  count: z.number().check(z.int(), z.nonnegative()),
});
export type PartnerCount = z.infer<typeof PartnerCount>;

export const PetitionStats = z.object({
  total: z.number().check(z.int(), z.nonnegative()),
  /** The goal to show: the organizer's, or, on a petition that raises its goal, the next one up once 90 % of it is reached. */
  goal: z.number().check(z.int(), z.nonnegative()),
  /** Highest count first; partners with zero signatures are included. */
  partners: z.array(PartnerCount),
});
export type PetitionStats = z.infer<typeof PetitionStats>;

/** GET /v1/petitions/:slug */
export const PetitionResponse = z.object({ petition: Petition, stats: PetitionStats });
export type PetitionResponse = z.infer<typeof PetitionResponse>;

/** GET /v1/petitions/:slug/stats */
export const PetitionStatsResponse = z.object({ stats: PetitionStats });
export type PetitionStatsResponse = z.infer<typeof PetitionStatsResponse>;


/** The sign form's fields, shared by the widget's client-side check and the API. */
export const SignPetitionFields = z.object({
  firstName: FirstName,
  lastName: LastName,
  email: Email,
  zip: z.string(ZIP_MESSAGE).check(z.trim(), z.regex(/^\d{5}(-\d{4})?$/, ZIP_MESSAGE)),
  ageBand: z.optional(AgeBand),
  guardianEmail: OptionalEmailText,
  guardianConsent: Checkbox,
  /** Opt-in to hear from the coalition. Unchecked by default. */
  consentCoalition: Checkbox,
  /** Opt-in to hear from the hosting partner. Unchecked by default. */
  consentPartner: Checkbox,
});


/**
 * POST /v1/petitions/:slug/signatures body.
 * Under 13: a guardian email and guardian consent are required.
 */
export const SignPetitionRequest = z
  .extend(SignPetitionFields, {
    ...Attribution.shape,
    ...Collection,
    /**
     * The share code of the link that brought this signer (`ck_ref` in the page's address, as the
     * widget sends it): the signature that shared it recruited this one. A code that names no
     * signature of this petition is ignored.
     */
    ref: z.optional(z.string().check(z.regex(SHARE_CODE_PATTERN, "A share code is 22 letters, digits, - or _."))),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.ageBand !== "under_13") return;
      if (!v.guardianEmail || !isEmail(v.guardianEmail)) {
        ctx.addIssue({ code: "custom", path: ["guardianEmail"], message: GUARDIAN_EMAIL_MESSAGE, input: v.guardianEmail });
      } else if (v.guardianEmail === v.email) {
        ctx.addIssue({ code: "custom", path: ["guardianEmail"], message: "The guardian's email must be different from yours.", input: v.guardianEmail });
      }
      if (!v.guardianConsent) {
        ctx.addIssue({ code: "custom", path: ["guardianConsent"], message: GUARDIAN_CONSENT_MESSAGE, input: v.guardianConsent });
      }
    }),
  );
/**
 * Every bad field of a signature in one pass: the schema's rules plus the petition's own (an age
 * group where it asks for one), field -> message; empty when the signature can be sent. The API
 * and the full SDK client both answer with this, so the widget never reports fields in two rounds.
 */
export function signatureErrors(input: unknown, petition?: { askAgeBand: boolean }): Record<string, string> {
  const parsed = SignPetitionRequest.safeParse(input);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  const ageBand = (input as { ageBand?: unknown } | null)?.ageBand;
  if (petition?.askAgeBand && (ageBand === undefined || ageBand === "") && !errors.ageBand) errors.ageBand = AGE_BAND_REQUIRED_MESSAGE;
  return errors;
}

export type SignPetitionRequest = z.input<typeof SignPetitionRequest>;
export type SignPetitionParsed = z.output<typeof SignPetitionRequest>;

/** 201 when a new signature was stored; 200 with "already_signed" when this email had signed. */
export const SignPetitionResponse = z.object({
  /**
   * "signed"; "already_signed"; "confirm_email" when the petition asks signers to confirm by email
   * (it counts once they do); "guardian_pending" for a signer under 13 until a parent or guardian agrees.
   */
  status: z.enum(["signed", "already_signed", "confirm_email", "guardian_pending"]),
  stats: PetitionStats,
  /**
   * A new signature's own share code (not with "already_signed"): add it to shared links as
   * `ck_ref`, and whoever signs through one counts as recruited by this signer. It names nobody.
   */
  ref: z.optional(z.string()),
});
export type SignPetitionResponse = z.infer<typeof SignPetitionResponse>;
