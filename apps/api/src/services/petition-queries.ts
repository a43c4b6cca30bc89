import type { Petition, PetitionStats } from "@coalition-kit/schema";
import type { Queryable } from "../db/types.js";
import type { PartnerContext } from "../http/partner.js";

export interface PetitionRow {
  id: string;
  coalition_id: string;
  slug: string;
  title: string;
  body: string;
  target: string;
  goal: number;
  status: "open" | "closed";
  closes_at: Date | string | null;
  ask_age_band: boolean;
  share_url: string | null;
  consent_coalition_text: string;
  consent_coalition_version: string;
  consent_partner_text: string;
  consent_partner_version: string;
  consent_guardian_text: string;
  consent_guardian_version: string;
  coalition_slug: string;
  coalition_name: string;
  coalition_website: string | null;
  is_closed: boolean;
}

export async function findPetition(q: Queryable, slug: string): Promise<PetitionRow | undefined> {
  const rows = await q.query<PetitionRow>(
    `select p.*, o.slug as coalition_slug, o.name as coalition_name, o.website as coalition_website,
            (p.status = 'closed' or (p.closes_at is not null and p.closes_at <= now())) as is_closed
       from petitions p join organizations o on o.id = p.coalition_id
      where p.slug = $1`,
    [slug],
  );
  return rows[0];
}

export async function petitionStats(q: Queryable, petition: Pick<PetitionRow, "id" | "coalition_id" | "goal">): Promise<PetitionStats> {
  // petition_counts is kept by a trigger on signatures (migration 007): a few rows, not a count(*).
  // One query: every active partner's count (total = their sum plus signatures via paused partners).
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
  const partners = rows
    .filter((r): r is { slug: string; name: string; count: number } => r.slug !== null && r.name !== null)
    .sort((a, b) => b.count - a.count || a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  return { total, goal: petition.goal, partners };
}

export function partnerConsentText(row: PetitionRow, partner: Pick<PartnerContext, "name">): string {
  return row.consent_partner_text.replaceAll("{partner}", partner.name);
}

export function toPetition(row: PetitionRow, partner: PartnerContext | undefined): Petition {
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
    coalition: { slug: row.coalition_slug, name: row.coalition_name, website: row.coalition_website },
    partner: partner ? { slug: partner.slug, name: partner.name, website: partner.website } : null,
    consent: {
      coalition: { text: row.consent_coalition_text, version: row.consent_coalition_version },
      partner: partner ? { text: partnerConsentText(row, partner), version: row.consent_partner_version } : null,
      guardian: { text: row.consent_guardian_text, version: row.consent_guardian_version },
    },
  };
}
