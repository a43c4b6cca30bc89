import {
  AGE_BAND_REQUIRED_MESSAGE,
  SignPetitionRequest,
  fieldErrors,
  type PetitionResponse,
  type PetitionStats,
  type SignPetitionParsed,
  type SignPetitionResponse,
} from "@coalition-kit/schema";
import type { Db, Queryable } from "../db/types.js";
import { ApiError, validationError } from "../http/errors.js";
import type { PartnerContext } from "../http/partner.js";
import { idempotentWrite, requestHash } from "./idempotency.js";
import { enqueueEvent } from "./webhooks.js";
import { recordConsents, upsertPerson, type ConsentRow } from "./people.js";
import { findPetition, partnerConsentText, petitionStats, toPetition, type PetitionRow } from "./petition-queries.js";

export async function getPetition(db: Db, slug: string, partner: PartnerContext | undefined): Promise<PetitionResponse> {
  const row = await findPetition(db, slug);
  if (!row || (partner && partner.coalitionId !== row.coalition_id)) throw new ApiError("not_found");
  return { petition: toPetition(row, partner), stats: await petitionStats(db, row) };
}

export async function getStats(db: Db, slug: string): Promise<PetitionStats> {
  const row = await findPetition(db, slug);
  if (!row) throw new ApiError("not_found");
  return petitionStats(db, row);
}

export interface SignOutcome {
  status: 201 | 200;
  body: SignPetitionResponse;
  replayed: boolean;
}

/**
 * Validate with the shared schema plus the petition's own rule (an age band where it asks for one),
 * reporting every bad field at once, exactly as the widget does before sending.
 */
export function parseSignature(input: Record<string, unknown>, petition: Pick<PetitionRow, "ask_age_band">): SignPetitionParsed {
  const parsed = SignPetitionRequest.safeParse(input);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  if (petition.ask_age_band && (input.ageBand === undefined || input.ageBand === "") && !errors.ageBand) {
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
): Promise<SignOutcome> {
  const found = await findPetition(db, slug);
  if (!found || found.coalition_id !== partner.coalitionId) throw new ApiError("not_found");
  const data = parseSignature(input, found);
  const outcome = await idempotentWrite<SignPetitionResponse>(db, { partnerId: partner.id, key: idempotencyKey, hash: requestHash(`sign:${slug}`, data) }, async (q) => {
    const petition = await findPetition(q, slug);
    if (!petition) throw new ApiError("not_found");
    if (petition.is_closed) throw new ApiError("petition_closed");
    const created = await insertSignature(q, petition, partner, data);
    return {
      status: created ? 201 : 200,
      body: { status: created ? "signed" : "already_signed", stats: await petitionStats(q, petition) },
    };
  });
  return { ...outcome, status: outcome.status as 201 | 200 };
}

/** Returns false (and changes nothing) when this person already signed this petition. */
async function insertSignature(q: Queryable, petition: PetitionRow, partner: PartnerContext, data: SignPetitionParsed): Promise<boolean> {
  const personId = await upsertPerson(q, petition.coalition_id, data);
  const signed = await q.query<{ id: string }>(
    `insert into signatures (petition_id, person_id, partner_id, source, utm_source, utm_medium, utm_campaign, age_band)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (petition_id, person_id) do nothing
     returning id`,
    [petition.id, personId, partner.id, data.source ?? null, data.utmSource ?? null, data.utmMedium ?? null, data.utmCampaign ?? null, data.ageBand ?? null],
  );
  const signatureId = signed[0]?.id;
  if (!signatureId) return false;

  const consents: ConsentRow[] = [];
  if (data.consentCoalition) consents.push({ organizationId: petition.coalition_id, scope: "coalition", text: petition.consent_coalition_text, version: petition.consent_coalition_version });
  if (data.consentPartner) consents.push({ organizationId: partner.organizationId, scope: "partner", text: partnerConsentText(petition, partner), version: petition.consent_partner_version });
  if (data.ageBand === "under_13") {
    consents.push({ organizationId: petition.coalition_id, scope: "guardian", text: petition.consent_guardian_text, version: petition.consent_guardian_version, guardianEmail: data.guardianEmail ?? null });
  }
  await recordConsents(q, personId, { signatureId }, consents);
  await enqueueEvent(q, {
    type: "signature.created",
    coalitionId: petition.coalition_id,
    partnerOrganizationId: partner.organizationId,
    personId,
    consent: { coalition: data.consentCoalition, partner: data.consentPartner },
    data: { petition: petition.slug, partner: partner.slug, source: data.source ?? null, utmSource: data.utmSource ?? null, utmMedium: data.utmMedium ?? null, utmCampaign: data.utmCampaign ?? null, ageBand: data.ageBand ?? null },
    person: { firstName: data.firstName, lastName: data.lastName ?? null, email: data.email, zip: data.zip },
  });
  return true;
}
