import type { Queryable } from "../../db/types.js";
import { consentColumns, enqueueActionEvent, PARTNER_COLUMNS, partnerJoin, type ActionRow } from "../webhooks/action-events.js";

/**
 * `signature.created` for a signature that now counts (at once, or when confirmed), with contact
 * details only for organizations the person consented to.
 */
export async function signatureCreatedEvent(q: Queryable, signatureId: string): Promise<void> {
  const rows = await q.query<ActionRow & {
    petition: string; source: string | null; utm_source: string | null; utm_medium: string | null; utm_campaign: string | null; age_band: string | null;
    first_name: string; last_name: string | null; email: string; zip: string | null; language: string | null;
    channel: string; collected_at: string;
  }>(
    `select p.coalition_id, ${PARTNER_COLUMNS}, s.person_id, p.slug as petition, s.source,
            s.utm_source, s.utm_medium, s.utm_campaign, s.age_band, s.locale as language, s.channel,
            to_char(coalesce(s.collected_at, s.created_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as collected_at, pe.first_name, pe.last_name, pe.email_normalized as email, pe.zip,
            ${consentColumns("signature_id", "s.id", true)}
       from signatures s join petitions p on p.id = s.petition_id ${partnerJoin("s")}
       join people pe on pe.id = s.person_id
      where s.id = $1`,
    [signatureId],
  );
  const r = rows[0];
  if (!r) return;
  await enqueueActionEvent(
    q,
    "signature.created",
    r,
    { petition: r.petition, partner: r.partner_slug, source: r.source, utmSource: r.utm_source, utmMedium: r.utm_medium, utmCampaign: r.utm_campaign, ageBand: r.age_band, language: r.language ?? "en", channel: r.channel, collectedAt: r.collected_at },
    { firstName: r.first_name, lastName: r.last_name, email: r.email, zip: r.zip },
  );
}
