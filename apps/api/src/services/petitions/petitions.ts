import {
  AGE_BAND_REQUIRED_MESSAGE,
  SignPetitionRequest,
  fieldErrors,
  type PetitionResponse,
  type PetitionStats,
  type SignPetitionParsed,
  type SignPetitionResponse,
  type Locale,
} from "@coalition-kit/schema";
import type { Db, Queryable } from "../../db/types.js";
import { ApiError, validationError } from "../errors.js";
import type { PartnerContext } from "../partners/partner-lookup.js";
import { idempotentWrite, requestHash } from "../platform/idempotency.js";
import { enqueueMessage } from "../messages/queue.js";
import { signatureCreatedEvent } from "./signature-events.js";
import { recordConsents, upsertPerson } from "../people/people.js";
import { campaignFor, consentsGiven } from "../campaigns.js";
import { findPetition, petitionStats, toPetition, type PetitionRow } from "./petition-queries.js";

/** A petition and its totals; not_found for another coalition's partner. */
export async function getPetition(db: Db, slug: string, partner: PartnerContext | undefined): Promise<PetitionResponse> {
  const row = campaignFor(await findPetition(db, slug), partner);
  return { petition: toPetition(row, partner), stats: await petitionStats(db, row) };
}

/** A petition's live totals. */
export async function getStats(db: Db, slug: string): Promise<PetitionStats> {
  return petitionStats(db, campaignFor(await findPetition(db, slug), undefined));
}

export interface SignOutcome {
  status: 201 | 200;
  body: SignPetitionResponse;
  replayed: boolean;
}

/** The petition's own rule: where it asks for an age band, one must be given. */
const missingAgeBand = (petition: Pick<PetitionRow, "ask_age_band">, value: unknown) => petition.ask_age_band && (value === undefined || value === "");

/**
 * Validate with the shared schema plus the petition's own rule (an age band where it asks for one),
 * reporting every bad field at once, exactly as the widget does before sending.
 */
export function parseSignature(input: Record<string, unknown>, petition: Pick<PetitionRow, "ask_age_band">): SignPetitionParsed {
  const parsed = SignPetitionRequest.safeParse(input);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  if (missingAgeBand(petition, input.ageBand) && !errors.ageBand) {
    errors.ageBand = AGE_BAND_REQUIRED_MESSAGE;
  }
  if (!parsed.success || Object.keys(errors).length > 0) throw validationError(errors);
  return parsed.data;
}

/**
 * Store a signature in one transaction: person (deduped by normalized email per coalition),
 * signature attributed to the partner, consents actually given, and the idempotent response.
 */
export async function signPetition(
  db: Db,
  slug: string,
  partner: PartnerContext,
  input: Record<string, unknown>,
  idempotencyKey: string | undefined,
  locale: Locale = "en",
  baseUrl: string | null = null,
): Promise<SignOutcome> {
  // A well-formed request reads the petition once, inside the transaction; a bad one reads it
  // first, so the petition's own rule (an age band) is reported with the schema's messages.
  const parsed = SignPetitionRequest.safeParse(input);
  const data = parsed.success ? parsed.data : parseSignature(input, campaignFor(await findPetition(db, slug), partner));
  const outcome = await idempotentWrite<SignPetitionResponse>(db, { partnerId: partner.id, key: idempotencyKey, hash: requestHash(`sign:${slug}`, data) }, async (q) => {
    const petition = campaignFor(await findPetition(q, slug), partner);
    if (missingAgeBand(petition, data.ageBand)) throw validationError({ ageBand: AGE_BAND_REQUIRED_MESSAGE });
    if (petition.is_closed) throw new ApiError("petition_closed");
    const result = await insertSignature(q, petition, partner, data, locale, baseUrl);
    return { status: result === "already_signed" ? 200 : 201, body: { status: result, stats: await petitionStats(q, petition) } };
  });
  return { ...outcome, status: outcome.status as 201 | 200 };
}

/** What a sign request did: a new confirmed signature, a pending one, or none (already signed). */
type Inserted = "signed" | "confirm_email" | "guardian_pending" | "already_signed";

/**
 * Store the signature. It counts at once, unless the petition asks for email confirmation
 * (pending until the signer confirms) or the signer is under 13 (pending until a parent or
 * guardian agrees). Opt-ins take effect, and the webhook goes out, only once it counts.
 */
async function insertSignature(q: Queryable, petition: PetitionRow, partner: PartnerContext, data: SignPetitionParsed, locale: string, baseUrl: string | null): Promise<Inserted> {
  const personId = await upsertPerson(q, petition.coalition_id, data);
  const under13 = data.ageBand === "under_13";
  const status = under13 ? "pending_guardian" : petition.confirmation === "double_opt_in" ? "pending_email" : "confirmed";
  const consents = consentsGiven(petition, partner, data);
  const signed = await q.query<{ id: string }>(
    `insert into signatures (petition_id, person_id, partner_id, source, utm_source, utm_medium, utm_campaign, age_band, status, confirmed_at, locale, guardian_email, pending_consents)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, case when $9 = 'confirmed' then now() end, $10, $11, $12)
     on conflict (petition_id, person_id) do nothing
     returning id`,
    [
      petition.id, personId, partner.id, data.source ?? null, data.utmSource ?? null, data.utmMedium ?? null, data.utmCampaign ?? null, data.ageBand ?? null,
      status, locale, under13 ? (data.guardianEmail ?? null) : null, status === "confirmed" ? null : JSON.stringify(consents),
    ],
  );
  const signatureId = signed[0]?.id;
  if (!signatureId) {
    const existing = await q.query<{ status: string }>("select status from signatures where petition_id = $1 and person_id = $2", [petition.id, personId]);
    return existing[0]?.status === "pending_email" ? "confirm_email" : existing[0]?.status === "pending_guardian" ? "guardian_pending" : "already_signed";
  }
  if (status === "confirmed") {
    await recordConsents(q, personId, { signatureId }, consents);
    await signatureCreatedEvent(q, signatureId);
  }
  const kind = status === "confirmed" ? "petition.thanks" : status === "pending_email" ? "petition.confirm" : "petition.guardian";
  await enqueueMessage(q, {
    coalitionId: petition.coalition_id,
    partnerId: partner.id,
    personId,
    kind,
    dedupeKey: `${kind}:${signatureId}`,
    signatureId,
    locale,
    baseUrl,
    guardianAddress: under13 ? (data.guardianEmail ?? null) : null,
  });
  return status === "confirmed" ? "signed" : status === "pending_email" ? "confirm_email" : "guardian_pending";
}
