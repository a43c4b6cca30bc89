import { pickLocale, type Locale, type ModerationStory, type PublicStory, type StoryCampaign } from "@coalition-kit/schema";
import type { Queryable } from "../../db/types.js";
import { localize, shownLanguage, type TranslatedColumns } from "../content/languages.js";
import type { ConsentRow } from "../people/people.js";
import { coalitionSummary, consentTexts, findCampaign, partnerSummary, type CampaignRow, type PartnerConsentColumns } from "../campaigns.js";
import type { PartnerContext } from "../partners/partner-lookup.js";

/** A story campaign with its coalition's names (campaigns.ts). */
export interface StoryCampaignRow extends CampaignRow, PartnerConsentColumns, TranslatedColumns {
  title: string;
  prompt: string;
  consent_publish_text: string;
  consent_publish_version: string;
  consent_guardian_text: string;
  consent_guardian_version: string;
}

/** A story campaign by slug. */
export function findStoryCampaign(q: Queryable, slug: string): Promise<StoryCampaignRow | undefined> {
  return findCampaign<StoryCampaignRow>(q, "story_campaigns", slug);
}

/** A story campaign's translatable texts: public field name → column (migration 020). */
export const STORY_TEXT_COLUMNS = {
  title: "title",
  prompt: "prompt",
  "consent.publish": "consent_publish_text",
  "consent.coalition": "consent_coalition_text",
  "consent.partner": "consent_partner_text",
  "consent.guardian": "consent_guardian_text",
} as const;

/** The campaign's texts as someone reading in `locale` is shown them (text by text, else in the campaign's language). */
export function localizeStoryCampaign<R extends TranslatedColumns>(row: R, locale: Locale) {
  return localize(row, locale, STORY_TEXT_COLUMNS);
}

/** Consent rows (texts as shown in `locale`) marked with the language each text was shown in. */
export function withLanguages(campaign: TranslatedColumns, locale: Locale, rows: ConsentRow[]): ConsentRow[] {
  return rows.map((r) => ({ ...r, language: shownLanguage(campaign, locale, `consent_${r.scope}_text`) }));
}

/** A story campaign as the public read shows it, in `locale` where the organizer translated it. */
export function toStoryCampaign(saved: StoryCampaignRow, partner: PartnerContext | undefined, locale: Locale = saved.language): StoryCampaign {
  const { row, language, fallbacks } = localizeStoryCampaign(saved, locale);
  if (!partner) delete fallbacks["consent.partner"];
  return {
    slug: row.slug,
    title: row.title,
    prompt: row.prompt,
    coalition: coalitionSummary(row),
    partner: partnerSummary(partner),
    consent: {
      publish: { text: row.consent_publish_text, version: row.consent_publish_version },
      ...consentTexts(row, partner),
      guardian: { text: row.consent_guardian_text, version: row.consent_guardian_version },
    },
    language,
    fallbacks,
  };
}

/** Only approved stories whose author agreed to publication; the name only when chosen. */
export async function wallPage(q: Queryable, campaignId: string, role: string | undefined, page: number, pageSize: number): Promise<{ stories: PublicStory[]; total: number }> {
  const where = `campaign_id = $1 and status = 'approved' and guardian_status is distinct from 'pending' and publish_as in ('anonymous', 'first_name') and ($2::text is null or role = $2)`;
  const [rows, count] = await Promise.all([
    q.query<{ id: string; title: string; body: string; role: PublicStory["role"]; school: string | null; author: string | null; published_at: Date | string; locale: string }>(
      `select id, title, body, role, school, case when publish_as = 'first_name' then author_first_name end as author, published_at, locale
         from stories where ${where} order by published_at desc, id limit $3 offset $4`,
      [campaignId, role ?? null, pageSize, (page - 1) * pageSize],
    ),
    q.query<{ n: number }>(`select count(*)::int as n from stories where ${where}`, [campaignId, role ?? null]),
  ]);
  return {
    total: count[0]?.n ?? 0,
    stories: rows.map((r) => ({ id: r.id, title: r.title, story: r.body, role: r.role, school: r.school, authorName: r.author, publishedAt: new Date(r.published_at).toISOString(), language: pickLocale(r.locale) })),
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
  guardian_status: "pending" | "consented" | null;
  rejection_reason: string | null;
  locale: Locale;
  submitted_at: Date | string;
  moderated_at: Date | string | null;
}

export const MODERATION_SELECT = `
  select s.id, c.slug as campaign, s.title, s.body, s.role, s.school, s.age_band, s.publish_as, s.author_first_name,
         o.name as partner, s.status, s.guardian_status, s.rejection_reason, s.locale, s.submitted_at, s.moderated_at
    from stories s join story_campaigns c on c.id = s.campaign_id
    join partners pa on pa.id = s.partner_id join organizations o on o.id = pa.organization_id`;

/** A story as organizers moderate it. */
export function toModerationStory(r: ModerationRow): ModerationStory {
  // Until a parent or guardian agrees, organizers read the story but not who wrote it.
  const withheld = r.guardian_status === "pending";
  return {
    id: r.id,
    campaign: r.campaign,
    title: r.title,
    story: r.body,
    role: r.role,
    school: withheld ? null : r.school,
    ageBand: r.age_band,
    publish: r.publish_as,
    authorName: r.publish_as === "first_name" && !withheld ? r.author_first_name : null,
    partner: r.partner,
    status: r.status,
    guardianPending: withheld,
    rejectionReason: r.rejection_reason,
    language: pickLocale(r.locale),
    submittedAt: new Date(r.submitted_at).toISOString(),
    moderatedAt: r.moderated_at === null ? null : new Date(r.moderated_at).toISOString(),
  };
}
