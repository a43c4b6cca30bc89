import type { Locale } from "@coalition-kit/schema";
import {
  AGE_BAND_REQUIRED_MESSAGE,
  SignPetitionRequest,
  signatureErrors,
  type PetitionResponse,
  type PetitionStats,
  type SignPetitionParsed,
  type SignPetitionResponse,
} from "@coalition-kit/schema";
import type { Db } from "../../db/types.js";
import { ApiError, validationError } from "../errors.js";
import type { PartnerContext } from "../partners/partner-lookup.js";
import type { PartnerWriter } from "../partners/partner-writer.js";
import { requestHash } from "../platform/idempotency.js";
import { ASKED_FOR } from "../messages/queue.js";
import { campaignFor } from "../campaigns.js";
import { findPetition, orderPartners, petitionStats, petitionStatsBySlug, toPetition, type PetitionRow } from "./petition-queries.js";
import { shareCode, sharedBy } from "./referrals.js";
import { shownGoal } from "./goals.js";
import { activePartners, namedCounts } from "./sign-counts.js";
import { collectionTime } from "../platform/collection.js";
import { signThroughBatch, type SignParams } from "./sign-batches.js";

/** A petition and its totals, in the asker's language where translated; not_found for another coalition's partner. */
export async function getPetition(db: Db, slug: string, partner: PartnerContext | undefined, locale?: Locale): Promise<PetitionResponse> {
  const row = campaignFor(await findPetition(db, slug), partner);
  return { petition: toPetition(row, partner, locale), stats: await petitionStats(db, row) };
}

/** A petition's live totals. */
export async function getStats(db: Db, slug: string): Promise<PetitionStats> {
  const stats = await petitionStatsBySlug(db, slug);
  if (!stats) throw new ApiError("not_found");
  return stats;
}

export interface SignOutcome {
  status: 201 | 200;
  body: SignPetitionResponse;
  replayed: boolean;
}

/**
 * Validate with the shared schema plus the petition's own rule (an age band where it asks for one),
 * reporting every bad field at once, exactly as the widget and the SDK do before sending.
 */
export function parseSignature(input: Record<string, unknown>, petition: Pick<PetitionRow, "ask_age_band">): SignPetitionParsed {
  const errors = signatureErrors(input, { askAgeBand: petition.ask_age_band });
  if (Object.keys(errors).length > 0) throw validationError(errors);
  return SignPetitionRequest.parse(input);
}

/**
 * The counts sign_petition answers: per partner id (named by the API: sign-counts.ts), or, in an
 * answer stored for an Idempotency-Key before that, already named.
 */
type SignStats = { total: number; goal: number; partners: Record<string, number> | SignPetitionResponse["stats"]["partners"] };

/** What sign_petition (migrations/functions/sign_petition.sql) answers. */
type SignCall =
  | { outcome: "done" | "replay"; status: 200 | 201; body: Omit<SignPetitionResponse, "ref" | "stats"> & { stats: SignStats; signature?: string | null; autoGoal?: boolean } }
  | { outcome: "not_found" | "petition_closed" | "age_band_required" | "idempotency_conflict" };

/** One signature through the database's batches (sign-batches.ts): alone when it is quiet, with others under load. */
const callSign = async (db: Db, params: SignParams) => (await signThroughBatch(db, params)) as SignCall;

/**
 * Store a signature in one call to the database (migrations/functions/sign_petition.sql; under load
 * with the others waiting beside it, in one commit: sign-batches.ts): the
 * Idempotency-Key's stored answer, the petition's checks, the person (deduped by normalized email per
 * coalition), the signature attributed to the partner, the consents actually given, the webhook
 * event, the email and the answer with live counts. A replay answers what was stored.
 * The signature counts at once, unless the petition asks for email confirmation (pending until the
 * signer confirms) or the signer is under 13 (pending until a parent or guardian agrees); opt-ins
 * take effect, and the webhook goes out, only once it counts.
 */
export async function signPetition(db: Db, slug: string, input: Record<string, unknown>, writer: PartnerWriter): Promise<SignOutcome> {
  const { partner, idempotencyKey, locale, baseUrl } = writer;
  // A well-formed request goes straight to the database; a bad one reads the petition first, so
  // the petition's own rule (an age band) is reported with the schema's messages.
  const parsed = SignPetitionRequest.safeParse(input);
  const data = parsed.success ? parsed.data : parseSignature(input, campaignFor(await findPetition(db, slug), partner));
  const collected = collectionTime(data.collectedAt);
  const call = await callSign(db, [
    partner.id, partner.coalitionId, partner.organizationId, partner.slug, partner.name,
    idempotencyKey ?? null, requestHash(`sign:${slug}`, data), slug,
    data.email, data.firstName, data.lastName || null, data.zip ?? null,
    data.source ?? null, data.utmSource ?? null, data.utmMedium ?? null, data.utmCampaign ?? null, data.ageBand ?? null,
    data.consentCoalition === true, data.consentPartner === true, data.guardianEmail ?? null,
    locale, baseUrl, ASKED_FOR, await sharedBy(db, data.ref), data.channel ?? "online", collected?.toISOString() ?? null,
  ]);
  switch (call.outcome) {
    case "done":
    case "replay": {
      // The new signature's id becomes its signer's share code; the id itself never leaves the API.
      const { signature, autoGoal, ...answer } = call.body;
      const { total, goal, partners } = answer.stats;
      const named = Array.isArray(partners) ? partners : namedCounts(await activePartners(db, partner.coalitionId), partners);
      const stats = { total, goal: shownGoal(goal, total, autoGoal === true), partners: orderPartners(named) };
      const body: SignPetitionResponse = { ...answer, stats, ...(signature ? { ref: await shareCode(db, signature) } : {}) };
      return { status: call.status, body, replayed: call.outcome === "replay" };
    }
    case "age_band_required":
      throw validationError({ ageBand: AGE_BAND_REQUIRED_MESSAGE });
    default:
      throw new ApiError(call.outcome);
  }
}
