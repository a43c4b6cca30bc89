import type { Queryable } from "../../db/types.js";
import { enqueueMessage } from "./queue.js";

/**
 * A story's emails to its author (only when they gave an email; never under 13): the receipt on
 * submission, and the moderation decision. In the caller's transaction.
 */
export async function queueStoryMessage(q: Queryable, storyId: string, kind: "story.receipt" | "story.published" | "story.declined", baseUrl: string | null): Promise<void> {
  const rows = await q.query<{ person_id: string | null; partner_id: string; coalition_id: string; locale: string }>(
    "select s.person_id, s.partner_id, c.coalition_id, s.locale from stories s join story_campaigns c on c.id = s.campaign_id where s.id = $1",
    [storyId],
  );
  const story = rows[0];
  if (!story?.person_id) return;
  await enqueueMessage(q, {
    coalitionId: story.coalition_id,
    partnerId: story.partner_id,
    personId: story.person_id,
    kind,
    dedupeKey: `${kind}:${storyId}`,
    storyId,
    locale: story.locale,
    baseUrl,
  });
}

/**
 * Ask the parent or guardian of a story's author (under 13) to agree, in the child's language. It
 * goes to the guardian's address only; the child's own record gets no email. In the caller's
 * transaction.
 */
export async function queueStoryGuardianMessage(q: Queryable, storyId: string, guardianAddress: string, baseUrl: string | null): Promise<void> {
  const rows = await q.query<{ person_id: string | null; partner_id: string; coalition_id: string; locale: string }>(
    "select s.person_id, s.partner_id, c.coalition_id, s.locale from stories s join story_campaigns c on c.id = s.campaign_id where s.id = $1",
    [storyId],
  );
  const story = rows[0];
  if (!story) return;
  await enqueueMessage(q, {
    coalitionId: story.coalition_id,
    partnerId: story.partner_id,
    personId: story.person_id,
    kind: "story.guardian",
    dedupeKey: `story.guardian:${storyId}`,
    storyId,
    guardianAddress,
    locale: story.locale,
    baseUrl,
  });
}
