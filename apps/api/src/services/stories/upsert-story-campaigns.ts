import type { Queryable } from "../../db/types.js";
import type { ConsentText } from "../campaigns.js";

/** A story campaign as a seed file holds it. */
export interface StoryCampaignDefinition {
  slug: string;
  title: string;
  prompt: string;
  consent: { publish: ConsentText; coalition: ConsentText; partner: ConsentText; guardian: ConsentText };
}

/** Upsert story campaigns by slug with their consent texts. */
export async function upsertStoryCampaigns(q: Queryable, coalitionId: string, all: StoryCampaignDefinition[]): Promise<void> {
  for (const c of all) {
    await q.query(
      `insert into story_campaigns (coalition_id, slug, title, prompt, consent_publish_text, consent_publish_version,
                                    consent_coalition_text, consent_coalition_version, consent_partner_text, consent_partner_version,
                                    consent_guardian_text, consent_guardian_version)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       on conflict (slug) do update set title = excluded.title, prompt = excluded.prompt,
         consent_publish_text = excluded.consent_publish_text, consent_publish_version = excluded.consent_publish_version,
         consent_coalition_text = excluded.consent_coalition_text, consent_coalition_version = excluded.consent_coalition_version,
         consent_partner_text = excluded.consent_partner_text, consent_partner_version = excluded.consent_partner_version,
         consent_guardian_text = excluded.consent_guardian_text, consent_guardian_version = excluded.consent_guardian_version`,
      [
        coalitionId, c.slug, c.title, c.prompt, c.consent.publish.text, c.consent.publish.version, c.consent.coalition.text, c.consent.coalition.version,
        c.consent.partner.text, c.consent.partner.version, c.consent.guardian.text, c.consent.guardian.version,
      ],
    );
  }
}
