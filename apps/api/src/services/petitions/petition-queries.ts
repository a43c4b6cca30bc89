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

/**
 * Every active partner's count for one petition, and one row (slug and name null) for signatures via
 * paused partners; `petition` and `coalition` are SQL expressions (parameters or columns) for the
 * petition's id and its coalition's.
 * petition_counts is kept by a trigger on signatures (migration 007): a few rows, not a count(*).
 * A signature's answer shows the same counts (sign_petition.sql per partner id, named in sign-counts.ts): change both.
 */
const partnerCountsSql = (petition: string, coalition: string) => `select o.slug, o.name, coalesce(sum(c.count), 0)::int as count
       from petition_counts c
       left join partners pa on pa.id = c.partner_id and pa.active
       left join organizations o on o.id = pa.organization_id
      where c.petition_id = ${petition}
      group by o.slug, o.name
     union all
     select o.slug, o.name, 0 from partners pa join organizations o on o.id = pa.organization_id
      where pa.coalition_id = ${coalition} and pa.active
        and not exists (select 1 from petition_counts c where c.petition_id = ${petition} and c.partner_id = pa.id)`;

type CountRow = { slug: string | null; name: string | null; count: number };

/** The total (every row, paused partners' included), the goal shown and the active partners in order. */
function statsFrom(petition: Pick<PetitionRow, "goal" | "auto_goal">, rows: CountRow[]): PetitionStats {
  const total = rows.reduce((n, r) => n + r.count, 0);
  return { total, goal: shownGoal(petition.goal, total, petition.auto_goal), partners: orderPartners(rows.filter((r): r is { slug: string; name: string; count: number } => r.slug !== null && r.name !== null)) };
}

/** A petition's total, goal and per-partner counts (active partners, most signatures first). */
export async function petitionStats(q: Queryable, petition: Pick<PetitionRow, "id" | "coalition_id" | "goal" | "auto_goal">): Promise<PetitionStats> {
  return statsFrom(petition, await q.query<CountRow>(partnerCountsSql("$1", "$2"), [petition.id, petition.coalition_id]));
}

const STATS_BY_SLUG_SQL = `select p.goal, p.auto_goal, s.slug, s.name, s.count
       from petitions p left join lateral (${partnerCountsSql("p.id", "p.coalition_id")}) s on true
      where p.slug = $1`;

/**
 * The same counts by slug in one round trip (undefined: no such petition), for /stats. Reading
 * the petition first and then its counts was two: at 1,000,000 signatures a count read spent
 * most of its time waiting on the database socket, twice, and on a busy machine each wait is one
 * more chance to lose the CPU (the slowest 1 % of reads).
 */
export async function petitionStatsBySlug(q: Queryable, slug: string): Promise<PetitionStats | undefined> {
  const rows = await q.query<Pick<PetitionRow, "goal" | "auto_goal"> & { slug: string | null; name: string | null; count: number | null }>(STATS_BY_SLUG_SQL, [slug]);
  // A petition with no counts and no active partner comes back as one row of nulls (the lateral join).
  const counts = rows.flatMap(({ slug, name, count }) => (count === null ? [] : [{ slug, name, count }]));
  return rows[0] && statsFrom(rows[0], counts);
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
