import type { Locale, TranslatableText } from "@coalition-kit/schema";
import type { Queryable } from "../../db/types.js";
import { splitTranslations } from "../content/languages.js";

/** A consent text in the campaign's language or one text per language, with the campaign language's version. */
interface TranslatableConsent {
  text: TranslatableText;
  version: string;
}

/**
 * A story campaign as a seed file holds it: its title, prompt and consent texts in its language
 * (`language`, English by default) or one text per language ({ "en": …, "es": … }).
 */
export interface StoryCampaignDefinition {
  slug: string;
  language?: Locale;
  title: TranslatableText;
  prompt: TranslatableText;
  consent: { publish: TranslatableConsent; coalition: TranslatableConsent; partner: TranslatableConsent; guardian: TranslatableConsent };
}

const SCOPES = ["publish", "coalition", "partner", "guardian"] as const;

/** Upsert story campaigns by slug with their consent texts; translations go to `translations` (migration 020). */
export async function upsertStoryCampaigns(q: Queryable, coalitionId: string, all: StoryCampaignDefinition[]): Promise<void> {
  for (const c of all) {
    const language = c.language ?? "en";
    const { columns: t, translations } = splitTranslations(
      language,
      { title: c.title, prompt: c.prompt, ...Object.fromEntries(SCOPES.map((s) => [`consent_${s}_text`, c.consent[s].text])) },
      Object.fromEntries(SCOPES.map((s) => [`consent_${s}_text`, c.consent[s].version])),
    );
    await q.query(
      `insert into story_campaigns (coalition_id, slug, title, prompt, consent_publish_text, consent_publish_version,
                                    consent_coalition_text, consent_coalition_version, consent_partner_text, consent_partner_version,
                                    consent_guardian_text, consent_guardian_version, language, translations)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       on conflict (slug) do update set title = excluded.title, prompt = excluded.prompt,
         consent_publish_text = excluded.consent_publish_text, consent_publish_version = excluded.consent_publish_version,
         consent_coalition_text = excluded.consent_coalition_text, consent_coalition_version = excluded.consent_coalition_version,
         consent_partner_text = excluded.consent_partner_text, consent_partner_version = excluded.consent_partner_version,
         consent_guardian_text = excluded.consent_guardian_text, consent_guardian_version = excluded.consent_guardian_version,
         language = excluded.language, translations = excluded.translations`,
      [
        coalitionId, c.slug, t.title, t.prompt, t.consent_publish_text, t.consent_publish_version, t.consent_coalition_text, t.consent_coalition_version,
        t.consent_partner_text, t.consent_partner_version, t.consent_guardian_text, t.consent_guardian_version, language, JSON.stringify(translations),
      ],
    );
  }
}
