import type { Queryable } from "../../db/types.js";
import { consentColumns, enqueueActionEvent, PARTNER_COLUMNS, partnerJoin, type ActionRow } from "../webhooks/action-events.js";

/**
 * `story.submitted` for a story organizers may now moderate (at once, or when a parent or guardian
 * of an author under 13 agreed): contact details only for organizations the author consented to.
 * The story itself is read in the moderation queue, not sent around.
 */
export function storySubmittedEvent(q: Queryable, storyId: string): Promise<void> {
  return storyEvent(q, "story.submitted", storyId);
}

/**
 * `story.published` when a moderator puts a story on the wall (an author under 13 only once a parent
 * or guardian agreed, as moderation requires): the same consent rules as `story.submitted`.
 */
export function storyPublishedEvent(q: Queryable, storyId: string): Promise<void> {
  return storyEvent(q, "story.published", storyId);
}

async function storyEvent(q: Queryable, type: "story.submitted" | "story.published", storyId: string): Promise<void> {
  const rows = await q.query<ActionRow & { campaign: string; role: string; age_band: string; publish_as: string; locale: string; published_at: Date | string | null; first_name: string | null; email: string | null }>(
    `select c.coalition_id, ${PARTNER_COLUMNS}, c.slug as campaign, s.person_id, s.role, s.age_band,
            s.publish_as, s.locale, s.published_at, s.author_first_name as first_name, pe.email_normalized as email,
            ${consentColumns("story_id", "s.id", true)}
       from stories s join story_campaigns c on c.id = s.campaign_id ${partnerJoin("s")}
       left join people pe on pe.id = s.person_id
      where s.id = $1`,
    [storyId],
  );
  const r = rows[0];
  if (!r) return;
  // Without an email there is nobody to contact: the opt-ins say nothing.
  const consented = { ...r, coalition_consent: Boolean(r.email && r.coalition_consent), partner_consent: Boolean(r.email && r.partner_consent) };
  await enqueueActionEvent(
    q,
    type,
    consented,
    {
      story: storyId,
      campaign: r.campaign,
      role: r.role,
      ageBand: r.age_band,
      publishAs: r.publish_as,
      /** The language the author wrote in and was shown the consent texts in. */
      language: r.locale,
      partner: r.partner_slug,
      ...(type === "story.published" && r.published_at ? { publishedAt: new Date(r.published_at).toISOString() } : {}),
    },
    r.email ? { email: r.email, firstName: r.first_name } : null,
  );
}
