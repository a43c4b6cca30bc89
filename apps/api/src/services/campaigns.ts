// What every kind of campaign (petition, training series, story campaign, survey, meeting) shares.
import { Slug, type OrganizationSummary } from "@coalition-kit/schema";
import type { Queryable } from "../db/types.js";
import { ApiError, parseOrReject, validationError } from "./errors.js";
import type { AdminContext } from "./keys/secret-keys.js";
import type { PartnerContext } from "./partners/partner-lookup.js";
import type { ConsentRow } from "./people/people.js";

/** Text shown next to a consent checkbox and its version, as the consent ledger stores them. */
export interface ConsentText {
  text: string;
  version: string;
}

/** The campaign tables an organizer saves by address (fixed names, never from input). */
export type CampaignTable = "training_series" | "surveys" | "meetings";

/**
 * Claim a campaign address for an organizer's PUT (idempotent by nature): true when it is new,
 * false when it is already this coalition's; a field error when another coalition holds it.
 */
export async function claimSlug(q: Queryable, admin: AdminContext, table: CampaignTable, slug: string): Promise<boolean> {
  parseOrReject(Slug, slug);
  const rows = await q.query<{ coalition_id: string }>(`select coalition_id from ${table} where slug = $1`, [slug]);
  if (rows[0] && rows[0].coalition_id !== admin.organizationId) throw validationError({ slug: "That address is taken. Choose another." });
  return !rows[0];
}

/** What every campaign read carries: the campaign's id, coalition and slug, and its coalition's slug, name and website. */
export interface CampaignRow {
  id: string;
  coalition_id: string;
  slug: string;
  coalition_slug: string;
  coalition_name: string;
  coalition_website: string | null;
}

/** The consent texts of a campaign that partners host: the coalition's, and the partner's (which may say "{partner}"). */
export interface PartnerConsentColumns {
  coalition_id: string;
  consent_coalition_text: string;
  consent_coalition_version: string;
  consent_partner_text: string;
  consent_partner_version: string;
}

/** The campaign tables read by slug (fixed names, never from input). */
export type CampaignSource = "petitions" | "training_series" | "story_campaigns" | "surveys" | "meetings";

/**
 * One campaign by slug (`c`), with its coalition's slug, name and website; `extraColumns` adds
 * computed ones (", <expression> as <name>"). Parameterized on the slug; the table is a fixed name.
 */
export async function findCampaign<R extends CampaignRow>(q: Queryable, table: CampaignSource, slug: string, extraColumns = ""): Promise<R | undefined> {
  const rows = await q.query<R>(
    `select c.*, o.slug as coalition_slug, o.name as coalition_name, o.website as coalition_website${extraColumns}
       from ${table} c join organizations o on o.id = c.coalition_id where c.slug = $1`,
    [slug],
  );
  return rows[0];
}

/**
 * The campaign, or not_found when there is none or when the asking partner belongs to another
 * coalition (another coalition's campaign is not even acknowledged).
 */
export function campaignFor<R extends { coalition_id: string }>(row: R | undefined, partner: Pick<PartnerContext, "coalitionId"> | undefined): R {
  if (!row || (partner && partner.coalitionId !== row.coalition_id)) throw new ApiError("not_found");
  return row;
}

/** The coalition running a campaign, as a public read names it. */
export function coalitionSummary(row: Pick<CampaignRow, "coalition_slug" | "coalition_name" | "coalition_website">): OrganizationSummary {
  return { slug: row.coalition_slug, name: row.coalition_name, website: row.coalition_website };
}

/** The partner hosting the widget, as a public read names it (null without a partner key). */
export function partnerSummary(partner: PartnerContext | undefined): OrganizationSummary | null {
  return partner ? { slug: partner.slug, name: partner.name, website: partner.website } : null;
}

/** The partner's consent text as shown: "{partner}" replaced by the hosting partner's name. */
export function partnerConsentText(row: Pick<PartnerConsentColumns, "consent_partner_text">, partner: Pick<PartnerContext, "name">): string {
  return row.consent_partner_text.replaceAll("{partner}", partner.name);
}

/** The coalition's and (with a partner key) the partner's consent texts a widget shows. */
export function consentTexts(row: PartnerConsentColumns, partner: PartnerContext | undefined): { coalition: ConsentText; partner: ConsentText | null } {
  return {
    coalition: { text: row.consent_coalition_text, version: row.consent_coalition_version },
    partner: partner ? { text: partnerConsentText(row, partner), version: row.consent_partner_version } : null,
  };
}

/**
 * The consent rows a write records: the opt-ins actually ticked, each with exactly the text shown.
 * Signing builds the same rows inside sign_petition (migrations/functions/sign_petition.sql): change them in both places.
 */
export function consentsGiven(row: PartnerConsentColumns, partner: PartnerContext, given: { consentCoalition?: boolean | undefined; consentPartner?: boolean | undefined }): ConsentRow[] {
  const rows: ConsentRow[] = [];
  if (given.consentCoalition) rows.push({ organizationId: row.coalition_id, scope: "coalition", text: row.consent_coalition_text, version: row.consent_coalition_version });
  if (given.consentPartner) rows.push({ organizationId: partner.organizationId, scope: "partner", text: partnerConsentText(row, partner), version: row.consent_partner_version });
  return rows;
}
