import { readFile } from "node:fs/promises";
import type { Db, Queryable } from "../db/types.js";
import { seedMeetings } from "./meetings.js";
import { seedStoryCampaigns } from "./stories.js";
import { seedSurveys } from "./surveys.js";
import { seedTrainings } from "./trainings.js";
import type { SeedData, SeedOrganization } from "./types.js";

export async function loadSeedFile(path: string): Promise<SeedData> {
  return JSON.parse(await readFile(path, "utf8")) as SeedData;
}

export interface SeedOptions {
  /** Added to every partner's allowed origins (tests and demos on other ports). */
  extraOrigins?: string[];
}

/** Upsert a coalition with its partners and petitions. Running it twice changes nothing. */
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
      await q.query(
        `insert into petitions (coalition_id, slug, title, body, target, goal, status, closes_at, ask_age_band, share_url,
                                consent_coalition_text, consent_coalition_version, consent_partner_text, consent_partner_version,
                                consent_guardian_text, consent_guardian_version)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         on conflict (slug) do update set
           title = excluded.title, body = excluded.body, target = excluded.target, goal = excluded.goal,
           status = excluded.status, closes_at = excluded.closes_at, ask_age_band = excluded.ask_age_band,
           share_url = excluded.share_url,
           consent_coalition_text = excluded.consent_coalition_text, consent_coalition_version = excluded.consent_coalition_version,
           consent_partner_text = excluded.consent_partner_text, consent_partner_version = excluded.consent_partner_version,
           consent_guardian_text = excluded.consent_guardian_text, consent_guardian_version = excluded.consent_guardian_version`,
        [
          coalitionId, p.slug, p.title, p.body, p.target, p.goal, p.status ?? "open", p.closesAt ?? null, p.askAgeBand ?? false,
          p.shareUrl ?? null, p.consent.coalition.text, p.consent.coalition.version, p.consent.partner.text,
          p.consent.partner.version, p.consent.guardian.text, p.consent.guardian.version,
        ],
      );
    }
    await seedTrainings(q, coalitionId, data.trainings ?? []);
    await seedStoryCampaigns(q, coalitionId, data.storyCampaigns ?? []);
    await seedSurveys(q, coalitionId, data.surveys ?? []);
    await seedMeetings(q, coalitionId, data.meetings ?? []);
  });
}

async function upsertOrganization(q: Queryable, org: SeedOrganization, kind: "coalition" | "partner"): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `insert into organizations (slug, name, kind, website) values ($1, $2, $3, $4)
     on conflict (slug) do update set name = excluded.name, website = excluded.website,
       kind = case when excluded.kind = 'coalition' then 'coalition' else organizations.kind end
     returning id`,
    [org.slug, org.name, kind, org.website ?? null],
  );
  return rows[0]!.id;
}
