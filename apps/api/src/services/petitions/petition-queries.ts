import type { Locale, Petition, PetitionContent, PetitionStats } from "@coalition-kit/schema";
import { localize, missingTranslations, savedTexts, type TranslatedColumns } from "../content/languages.js";
import type { Queryable } from "../../db/types.js";
import { coalitionSummary, consentTexts, findCampaign, partnerSummary, type CampaignRow, type PartnerConsentColumns } from "../campaigns.js";
import type { PartnerContext } from "../partners/partner-lookup.js";
import { shownGoal } from "./goals.js";

/** A petition with its coalition's names (campaigns.ts) and whether it is closed now. */
export interface PetitionRow extends CampaignRow, PartnerConsentColumns, TranslatedColumns {
  title: string;
  body: string;
  target: string;
  goal: number;
  status: "open" | "closed";
  closes_at: Date | string | null;
  ask_age_band: boolean;
  share_url: string | null;
  consent_guardian_text: string;
  consent_guardian_version: string;
  is_closed: boolean;
  confirmation: "none" | "double_opt_in";
  pending_days: number;
  count_shown_from: number;
  auto_goal: boolean;
}

/** A petition by slug, closed once its status says so or its closing time has passed. */
export function findPetition(q: Queryable, slug: string): Promise<PetitionRow | undefined> {
  return findCampaign<PetitionRow>(q, "petitions", slug, ",\n            (c.status = 'closed' or (c.closes_at is not null and c.closes_at <= now())) as is_closed");
}

/** A petition's total, goal and per-partner counts (active partners, most signatures first). */
export async function petitionStats(q: Queryable, petition: Pick<PetitionRow, "id" | "coalition_id" | "goal" | "auto_goal">): Promise<PetitionStats> {
  // petition_counts is kept by a trigger on signatures (migration 007): a few rows, not a count(*).
  // One query: every active partner's count (total = their sum plus signatures via paused partners).
  // A signature's answer shows the same counts (sign_petition.sql per partner id, named in sign-counts.ts): change both.
  const rows = await q.query<{ slug: string | null; name: string | null; count: number }>(
    `select o.slug, o.name, coalesce(sum(c.count), 0)::int as count
       from petition_counts c
       left join partners pa on pa.id = c.partner_id and pa.active
       left join organizations o on o.id = pa.organization_id
      where c.petition_id = $1
      group by o.slug, o.name
     union all
     select o.slug, o.name, 0 from partners pa join organizations o on o.id = pa.organization_id
      where pa.coalition_id = $2 and pa.active
        and not exists (select 1 from petition_counts c where c.petition_id = $1 and c.partner_id = pa.id)`,
    [petition.id, petition.coalition_id],
  );
  const total = rows.reduce((n, r) => n + r.count, 0);
  return { total, goal: shownGoal(petition.goal, total, petition.auto_goal), partners: orderPartners(rows.filter((r): r is { slug: string; name: string; count: number } => r.slug !== null && r.name !== null)) };
}

/** Partners as the counts show them: most signatures first, then by name. */
export function orderPartners<P extends { name: string; count: number }>(partners: P[]): P[] {
  return [...partners].sort((a, b) => b.count - a.count || a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
}

/** A petition's translatable texts: public field name → column (migration 019). */
export const PETITION_TEXT_COLUMNS = {
  title: "title",
  body: "body",
  target: "target",
  "consent.coalition": "consent_coalition_text",
  "consent.partner": "consent_partner_text",
  "consent.guardian": "consent_guardian_text",
} as const;

/**
 * A petition as the public read shows it, in `locale` where the organizer translated it (text by
 * text, otherwise in the petition's own language), with the partner's consent text when a
 * partner asks.
 */
export function toPetition(saved: PetitionRow, partner: PartnerContext | undefined, locale: Locale = saved.language): Petition {
  const { row, language, fallbacks } = localize(saved, locale, PETITION_TEXT_COLUMNS);
  if (!partner) delete fallbacks["consent.partner"];
  const closesAt = row.closes_at === null ? null : new Date(row.closes_at).toISOString();
  return {
    slug: row.slug,
    title: row.title,
    body: row.body,
    target: row.target,
    goal: row.goal,
    status: row.is_closed ? "closed" : "open",
    closesAt,
    shareUrl: row.share_url,
    askAgeBand: row.ask_age_band,
    countShownFrom: row.count_shown_from,
    coalition: coalitionSummary(row),
    partner: partnerSummary(partner),
    consent: {
      ...consentTexts(row, partner),
      guardian: { text: row.consent_guardian_text, version: row.consent_guardian_version },
    },
    language,
    fallbacks,
  };
}

/** A petition's texts in every language, as the console edits them. */
export function petitionContent(row: PetitionRow): PetitionContent {
  const consent = (scope: "coalition" | "partner" | "guardian") => ({ text: savedTexts(row, `consent_${scope}_text`), version: row[`consent_${scope}_version`] });
  return {
    language: row.language,
    title: savedTexts(row, "title"),
    body: savedTexts(row, "body"),
    target: savedTexts(row, "target"),
    consent: { coalition: consent("coalition"), partner: consent("partner"), guardian: consent("guardian") },
    missing: missingTranslations(row, PETITION_TEXT_COLUMNS),
  };
}
