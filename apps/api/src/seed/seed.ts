import { splitTranslations } from "../services/content/languages.js";
import { readFile } from "node:fs/promises";
import type { Db, Queryable } from "../db/types.js";
import { upsertMeetings } from "../services/meetings/upsert-meetings.js";
import { upsertStoryCampaigns } from "../services/stories/upsert-story-campaigns.js";
import { upsertSurveys } from "../services/surveys/upsert-surveys.js";
import { upsertTrainingSeries } from "../services/trainings/upsert-series.js";
import type { SeedData, SeedOrganization } from "./types.js";
import { resolveSeedDates } from "./relative-dates.js";
import { partnersChanged } from "../services/partners/partner-lookup.js";

/**
 * Read a seed file (JSON in the shape of SeedData), its relative dates ("TH+2 16:00", "today-6")
 * resolved against `now`, so sessions and meetings sit around the day the demo starts.
 */
export async function loadSeedFile(path: string, now = Date.now()): Promise<SeedData> {
  return resolveSeedDates(JSON.parse(await readFile(path, "utf8")) as SeedData, now);
}

export interface SeedOptions {
  /** Added to every partner's allowed origins (tests and demos on other ports). */
  extraOrigins?: string[];
}

/**
 * Upsert a coalition with its partners and petitions, and its other campaigns through the same
 * service functions the organizer PUTs use. Running it twice changes nothing.
 */
export async function seed(db: Db, data: SeedData, options: SeedOptions = {}): Promise<void> {
  await db.tx(async (q) => {
    const coalitionId = await upsertOrganization(q, data.coalition, "coalition");
    for (const partner of data.partners) {
      const organizationId = await upsertOrganization(q, partner, "partner");
      const origins = [...new Set([...partner.allowedOrigins, ...(options.extraOrigins ?? [])])];
      await q.query(
        `insert into partners (coalition_id, organization_id, publishable_key, allowed_origins)
         values ($1, $2, $3, $4)
         on conflict (publishable_key) do update
           set allowed_origins = partners.allowed_origins
             || array(select unnest(excluded.allowed_origins) except select unnest(partners.allowed_origins))`,
        [coalitionId, organizationId, partner.publishableKey, origins],
      );
    }
    for (const p of data.petitions ?? []) {
      const language = p.language ?? "en";
      const consent = p.consent;
      const { columns: c, translations } = splitTranslations(
        language,
        { title: p.title, body: p.body, target: p.target, consent_coalition_text: consent.coalition.text, consent_partner_text: consent.partner.text, consent_guardian_text: consent.guardian.text },
        { consent_coalition_text: consent.coalition.version, consent_partner_text: consent.partner.version, consent_guardian_text: consent.guardian.version },
      );
      await q.query(
        `insert into petitions (coalition_id, slug, title, body, target, goal, status, closes_at, ask_age_band, share_url,
                                consent_coalition_text, consent_coalition_version, consent_partner_text, consent_partner_version,
                                consent_guardian_text, consent_guardian_version, confirmation, pending_days, language, translations)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
         on conflict (slug) do update set
           title = excluded.title, body = excluded.body, target = excluded.target, goal = excluded.goal,
           status = excluded.status, closes_at = excluded.closes_at, ask_age_band = excluded.ask_age_band,
           share_url = excluded.share_url,
           consent_coalition_text = excluded.consent_coalition_text, consent_coalition_version = excluded.consent_coalition_version,
           consent_partner_text = excluded.consent_partner_text, consent_partner_version = excluded.consent_partner_version,
           consent_guardian_text = excluded.consent_guardian_text, consent_guardian_version = excluded.consent_guardian_version,
           confirmation = excluded.confirmation, pending_days = excluded.pending_days,
           language = excluded.language, translations = excluded.translations`,
        [
          coalitionId, p.slug, c.title, c.body, c.target, p.goal, p.status ?? "open", p.closesAt ?? null, p.askAgeBand ?? false,
          p.shareUrl ?? null, c.consent_coalition_text, c.consent_coalition_version, c.consent_partner_text,
          c.consent_partner_version, c.consent_guardian_text, c.consent_guardian_version, p.confirmation ?? "none", p.pendingDays ?? 7,
          language, JSON.stringify(translations),
        ],
      );
    }
    await upsertTrainingSeries(q, coalitionId, data.trainings ?? []);
    await upsertStoryCampaigns(q, coalitionId, data.storyCampaigns ?? []);
    await upsertSurveys(q, coalitionId, data.surveys ?? []);
    await upsertMeetings(q, coalitionId, data.meetings ?? []);
  });
  partnersChanged();
}

async function upsertOrganization(q: Queryable, org: SeedOrganization, kind: "coalition" | "partner"): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `insert into organizations (slug, name, kind, website, email_from_name, email_from_address, email_reply_to, brand_color)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (slug) do update set name = excluded.name, website = excluded.website,
       kind = case when excluded.kind = 'coalition' then 'coalition' else organizations.kind end,
       email_from_name = coalesce(excluded.email_from_name, organizations.email_from_name),
       email_from_address = coalesce(excluded.email_from_address, organizations.email_from_address),
       email_reply_to = coalesce(excluded.email_reply_to, organizations.email_reply_to),
       brand_color = coalesce(excluded.brand_color, organizations.brand_color)
     returning id`,
    [org.slug, org.name, kind, org.website ?? null, org.email?.fromName ?? null, org.email?.fromAddress ?? null, org.email?.replyTo ?? null, org.email?.brandColor ?? null],
  );
  return rows[0]!.id;
}
