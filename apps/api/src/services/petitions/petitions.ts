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
import { signatureCreatedEventOf } from "./signature-events.js";
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

/** The person behind a signature (found or created) and what the insert did. */
interface Stored {
  personId: string;
  firstName: string;
  lastName: string | null;
  zip: string | null;
  /** The new signature's id; null when this person had already signed. */
  signatureId: string | null;
  /** The earlier signature's status, when there was one. */
  existingStatus: string | null;
}

/**
 * Store the signature. It counts at once, unless the petition asks for email confirmation
 * (pending until the signer confirms) or the signer is under 13 (pending until a parent or
 * guardian agrees). Opt-ins take effect, and the webhook goes out, only once it counts.
 */
async function insertSignature(q: Queryable, petition: PetitionRow, partner: PartnerContext, data: SignPetitionParsed, locale: string, baseUrl: string | null): Promise<Inserted> {
  const under13 = data.ageBand === "under_13";
  const status = under13 ? "pending_guardian" : petition.confirmation === "double_opt_in" ? "pending_email" : "confirmed";
  const consents = consentsGiven(petition, partner, data);
  const signature = [
    petition.id, partner.id, data.source ?? null, data.utmSource ?? null, data.utmMedium ?? null, data.utmCampaign ?? null, data.ageBand ?? null,
    status, locale, under13 ? (data.guardianEmail ?? null) : null, status === "confirmed" ? null : JSON.stringify(consents),
  ] as const;
  const stored = (await storePersonAndSignature(q, petition.coalition_id, data, signature)) ?? (await storeStepByStep(q, petition.coalition_id, data, signature));
  const { personId, signatureId } = stored;
  if (!signatureId) {
    return stored.existingStatus === "pending_email" ? "confirm_email" : stored.existingStatus === "pending_guardian" ? "guardian_pending" : "already_signed";
  }
  if (status === "confirmed") {
    await recordConsents(q, personId, { signatureId }, consents);
    // Everything the event says is at hand: no need to read the signature back.
    await signatureCreatedEventOf(q, {
      coalition_id: petition.coalition_id, partner_org: partner.organizationId, partner_slug: partner.slug, person_id: personId,
      coalition_consent: consents.some((c) => c.scope === "coalition"), partner_consent: consents.some((c) => c.scope === "partner"),
      petition: petition.slug, source: data.source ?? null, utm_source: data.utmSource ?? null, utm_medium: data.utmMedium ?? null, utm_campaign: data.utmCampaign ?? null,
      age_band: data.ageBand ?? null, first_name: stored.firstName, last_name: stored.lastName, email: data.email, zip: stored.zip,
    });
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

/** The signature's columns after petition_id: partner_id, source, utm_*, age_band, status, locale, guardian_email, pending_consents. */
type SignatureValues = readonly [petitionId: string, partnerId: string, ...rest: unknown[]];

const SIGNATURE_COLUMNS = "petition_id, person_id, partner_id, source, utm_source, utm_medium, utm_campaign, age_band, status, confirmed_at, locale, guardian_email, pending_consents";

/**
 * The person (created on first contact, never overwritten) and their signature in one statement:
 * a round trip instead of two or three on every signature. Undefined only in a race that
 * statement cannot see past: another request creating the same person, or the same signature,
 * at this moment (each statement sees the database as it was when it began).
 */
async function storePersonAndSignature(q: Queryable, coalitionId: string, person: SignPetitionParsed, signature: SignatureValues): Promise<Stored | undefined> {
  const rows = await q.query<{ person_id: string; first_name: string; last_name: string | null; zip: string | null; signature_id: string | null; existing_status: string | null }>(
    `with created as (
       insert into people (coalition_id, email_normalized, first_name, last_name, zip) values ($1, $2, $3, $4, $5)
       on conflict (coalition_id, email_normalized) do nothing
       returning id, first_name, last_name, zip
     ), person as (
       select id, first_name, last_name, zip from created
       union all
       select id, first_name, last_name, zip from people where coalition_id = $1 and email_normalized = $2 and not exists (select 1 from created)
     ), signed as (
       insert into signatures (${SIGNATURE_COLUMNS})
       select $6, person.id, $7, $8, $9, $10, $11, $12, $13, case when $13 = 'confirmed' then now() end, $14, $15, $16 from person
       on conflict (petition_id, person_id) do nothing
       returning id
     )
     select person.id as person_id, person.first_name, person.last_name, person.zip, (select id from signed) as signature_id,
            (select s.status from signatures s where s.petition_id = $6 and s.person_id = person.id) as existing_status
       from person`,
    [coalitionId, person.email, person.firstName, person.lastName || null, person.zip ?? null, ...signature],
  );
  const row = rows[0];
  if (!row || (!row.signature_id && !row.existing_status)) return undefined;
  return { personId: row.person_id, firstName: row.first_name, lastName: row.last_name, zip: row.zip, signatureId: row.signature_id, existingStatus: row.existing_status };
}

/** The same, a statement at a time, each seeing what the racing request committed. */
async function storeStepByStep(q: Queryable, coalitionId: string, person: SignPetitionParsed, signature: SignatureValues): Promise<Stored> {
  const personId = await upsertPerson(q, coalitionId, person);
  const signed = await q.query<{ id: string }>(
    `insert into signatures (${SIGNATURE_COLUMNS})
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, case when $9 = 'confirmed' then now() end, $10, $11, $12)
     on conflict (petition_id, person_id) do nothing
     returning id`,
    [signature[0], personId, ...signature.slice(1)],
  );
  const existing = signed[0] ? [] : await q.query<{ status: string }>("select status from signatures where petition_id = $1 and person_id = $2", [signature[0], personId]);
  const found = (await q.query<{ first_name: string; last_name: string | null; zip: string | null }>("select first_name, last_name, zip from people where id = $1", [personId]))[0]!;
  return { personId, firstName: found.first_name, lastName: found.last_name, zip: found.zip, signatureId: signed[0]?.id ?? null, existingStatus: existing[0]?.status ?? null };
}
