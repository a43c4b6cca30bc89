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
import { claim, remember, requestHash } from "./idempotency.js";
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
  const hash = requestHash(`sign:${slug}`, data);
  return db.tx(async (q) => {
    if (idempotencyKey) {
      const stored = await claim(q, partner.id, idempotencyKey, hash);
      if (stored) return { status: stored.status as 201 | 200, body: stored.body as SignPetitionResponse, replayed: true };
    }
    const petition = await findPetition(q, slug);
    if (!petition || petition.coalition_id !== partner.coalitionId) throw new ApiError("not_found");
    if (petition.is_closed) throw new ApiError("petition_closed");

    const created = await insertSignature(q, petition, partner, data);
    const outcome: SignOutcome = {
      status: created ? 201 : 200,
      body: { status: created ? "signed" : "already_signed", stats: await petitionStats(q, petition) },
      replayed: false,
    };
    if (idempotencyKey) await remember(q, partner.id, idempotencyKey, outcome);
    return outcome;
  });
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

  const consents: Array<[string, string, string, string, string | null]> = [];
  if (data.consentCoalition) consents.push([petition.coalition_id, "coalition", petition.consent_coalition_text, petition.consent_coalition_version, null]);
  if (data.consentPartner) consents.push([partner.organizationId, "partner", partnerConsentText(petition, partner), petition.consent_partner_version, null]);
  if (data.ageBand === "under_13") {
    consents.push([petition.coalition_id, "guardian", petition.consent_guardian_text, petition.consent_guardian_version, data.guardianEmail ?? null]);
  }
  for (const [organizationId, scope, text, version, guardianEmail] of consents) {
    await q.query(
      `insert into consents (person_id, signature_id, organization_id, scope, text, version, guardian_email)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [personId, signatureId, organizationId, scope, text, version, guardianEmail],
    );
  }
  return true;
}

async function upsertPerson(q: Queryable, coalitionId: string, data: SignPetitionParsed): Promise<string> {
  const inserted = await q.query<{ id: string }>(
    `insert into people (coalition_id, email_normalized, first_name, last_name, zip)
     values ($1, $2, $3, $4, $5)
     on conflict (coalition_id, email_normalized) do nothing
     returning id`,
    [coalitionId, data.email, data.firstName, data.lastName || null, data.zip],
  );
  if (inserted[0]) return inserted[0].id;
  const existing = await q.query<{ id: string }>("select id from people where coalition_id = $1 and email_normalized = $2", [coalitionId, data.email]);
  if (!existing[0]) throw new Error("person vanished during signing");
  return existing[0].id;
}
