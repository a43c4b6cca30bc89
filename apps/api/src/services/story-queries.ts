import type { ModerationStory, PublicStory, StoryCampaign } from "@coalition-kit/schema";
import type { Queryable } from "../db/types.js";
import type { PartnerContext } from "../http/partner.js";

export interface StoryCampaignRow {
  id: string;
  coalition_id: string;
  slug: string;
  title: string;
  prompt: string;
  consent_publish_text: string;
  consent_publish_version: string;
  consent_coalition_text: string;
  consent_coalition_version: string;
  consent_partner_text: string;
  consent_partner_version: string;
  consent_guardian_text: string;
  consent_guardian_version: string;
  coalition_slug: string;
  coalition_name: string;
  coalition_website: string | null;
}

export async function findStoryCampaign(q: Queryable, slug: string): Promise<StoryCampaignRow | undefined> {
  const rows = await q.query<StoryCampaignRow>(
    `select c.*, o.slug as coalition_slug, o.name as coalition_name, o.website as coalition_website
       from story_campaigns c join organizations o on o.id = c.coalition_id where c.slug = $1`,
    [slug],
  );
  return rows[0];
}

export function toStoryCampaign(row: StoryCampaignRow, partner: PartnerContext | undefined): StoryCampaign {
  return {
    slug: row.slug,
    title: row.title,
    prompt: row.prompt,
    coalition: { slug: row.coalition_slug, name: row.coalition_name, website: row.coalition_website },
    partner: partner ? { slug: partner.slug, name: partner.name, website: partner.website } : null,
    consent: {
      publish: { text: row.consent_publish_text, version: row.consent_publish_version },
      coalition: { text: row.consent_coalition_text, version: row.consent_coalition_version },
      partner: partner ? { text: row.consent_partner_text.replaceAll("{partner}", partner.name), version: row.consent_partner_version } : null,
      guardian: { text: row.consent_guardian_text, version: row.consent_guardian_version },
    },
  };
}

/** Only approved stories whose author agreed to publication; the name only when chosen. */
export async function wallPage(q: Queryable, campaignId: string, role: string | undefined, page: number, pageSize: number): Promise<{ stories: PublicStory[]; total: number }> {
  const where = `campaign_id = $1 and status = 'approved' and publish_as in ('anonymous', 'first_name') and ($2::text is null or role = $2)`;
  const [rows, count] = await Promise.all([
    q.query<{ id: string; title: string; body: string; role: PublicStory["role"]; school: string | null; author: string | null; published_at: Date | string }>(
      `select id, title, body, role, school, case when publish_as = 'first_name' then author_first_name end as author, published_at
         from stories where ${where} order by published_at desc, id limit $3 offset $4`,
      [campaignId, role ?? null, pageSize, (page - 1) * pageSize],
    ),
    q.query<{ n: number }>(`select count(*)::int as n from stories where ${where}`, [campaignId, role ?? null]),
  ]);
  return {
    total: count[0]?.n ?? 0,
    stories: rows.map((r) => ({ id: r.id, title: r.title, story: r.body, role: r.role, school: r.school, authorName: r.author, publishedAt: new Date(r.published_at).toISOString() })),
  };
}

export interface ModerationRow {
  id: string;
  campaign: string;
  title: string;
  body: string;
  role: ModerationStory["role"];
  school: string | null;
  age_band: ModerationStory["ageBand"];
  publish_as: ModerationStory["publish"];
  author_first_name: string | null;
  partner: string | null;
  status: ModerationStory["status"];
  rejection_reason: string | null;
  submitted_at: Date | string;
  moderated_at: Date | string | null;
}

export const MODERATION_SELECT = `
  select s.id, c.slug as campaign, s.title, s.body, s.role, s.school, s.age_band, s.publish_as, s.author_first_name,
         o.name as partner, s.status, s.rejection_reason, s.submitted_at, s.moderated_at
    from stories s join story_campaigns c on c.id = s.campaign_id
    join partners pa on pa.id = s.partner_id join organizations o on o.id = pa.organization_id`;

export function toModerationStory(r: ModerationRow): ModerationStory {
  return {
    id: r.id,
    campaign: r.campaign,
    title: r.title,
    story: r.body,
    role: r.role,
    school: r.school,
    ageBand: r.age_band,
    publish: r.publish_as,
    authorName: r.publish_as === "first_name" ? r.author_first_name : null,
    partner: r.partner,
    status: r.status,
    rejectionReason: r.rejection_reason,
    submittedAt: new Date(r.submitted_at).toISOString(),
    moderatedAt: r.moderated_at === null ? null : new Date(r.moderated_at).toISOString(),
  };
}
