import type { Db, Queryable } from "../../db/types.js";
import { erasePending } from "../people/erase-pending.js";
import { recordConsents, type ConsentRow } from "../people/people.js";
import type { LinkAnswer } from "../petitions/signature-confirmation.js";
import { verifyExpiringLink } from "../platform/signed-links.js";
import { storySubmittedEvent } from "./story-events.js";
import { pickLocale } from "@coalition-kit/schema";
import { columnIn, type TranslatedColumns } from "../content/languages.js";
import { localizeStoryCampaign, withLanguages } from "./story-queries.js";

/** Days a parent or guardian has to answer before the child's story and data are erased. */
export const STORY_GUARDIAN_DAYS = 7;

interface PendingStory extends TranslatedColumns {
  id: string;
  campaign_id: string;
  coalition_id: string;
  person_id: string | null;
  guardian_status: string | null;
  guardian_email: string | null;
  pending_consents: ConsentRow[] | string | null;
  locale: string;
  campaign: string;
  consent_guardian_text: string;
  consent_guardian_version: string;
}

async function lockStory(q: Queryable, storyId: string): Promise<PendingStory | undefined> {
  const rows = await q.query<PendingStory>(
    `select s.id, s.campaign_id, c.coalition_id, s.person_id, s.guardian_status, s.guardian_email, s.pending_consents, s.locale,
            ${columnIn("c", "title", "s.locale")} as campaign, c.consent_guardian_text, c.consent_guardian_version, c.language, c.translations
       from stories s join story_campaigns c on c.id = s.campaign_id where s.id = $1 for update of s`,
    [storyId],
  );
  return rows[0];
}

/**
 * Erase a child's story that a parent or guardian refused or never answered: the story, its held
 * opt-ins, the child's person record when nothing else of theirs is kept, and the content of its
 * messages. Only an anonymous count per campaign and reason remains.
 */
export async function eraseGuardianPendingStory(q: Queryable, story: Pick<PendingStory, "id" | "campaign_id" | "person_id">, reason: "guardian_refused" | "guardian_no_answer"): Promise<void> {
  await erasePending(q, "story", { id: story.id, campaignId: story.campaign_id, personId: story.person_id }, reason);
}

/** What a guardian's link about a story shows before they answer. */
export async function storyGuardianRequest(db: Db, token: string): Promise<LinkAnswer & { child: string | null }> {
  const id = await verifyExpiringLink(db, "story-guardian", token);
  if (!id || id === "expired") return { outcome: id === "expired" ? "expired" : "invalid", locale: null, petition: null, child: null };
  const rows = await db.query<{ guardian_status: string | null; locale: string; campaign: string; child: string | null }>(
    `select s.guardian_status, s.locale, ${columnIn("c", "title", "s.locale")} as campaign, coalesce(s.author_first_name, pe.first_name) as child
       from stories s join story_campaigns c on c.id = s.campaign_id left join people pe on pe.id = s.person_id where s.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) return { outcome: "invalid", locale: null, petition: null, child: null };
  return { outcome: row.guardian_status === "consented" ? "already_confirmed" : "confirmed", locale: row.locale, petition: row.campaign, child: row.child || null };
}

/**
 * A parent's or guardian's answer about a child's story: consent records the held opt-ins and their
 * own consent (with the text shown), sends the `story.submitted` webhook and lets organizers
 * approve it; refusal erases the story and the child's data. Either answer is final.
 */
export async function storyGuardianDecision(db: Db, token: string, decision: string): Promise<LinkAnswer> {
  const id = await verifyExpiringLink(db, "story-guardian", token);
  if (!id || id === "expired") return { outcome: id === "expired" ? "expired" : "invalid", locale: null, petition: null };
  return db.tx(async (q) => {
    const row = await lockStory(q, id);
    if (!row) return { outcome: "invalid", locale: null, petition: null };
    if (row.guardian_status === "consented") return { outcome: "already_confirmed", locale: row.locale, petition: row.campaign };
    if (row.guardian_status !== "pending" || (decision !== "consent" && decision !== "refuse")) return { outcome: "invalid", locale: row.locale, petition: row.campaign };
    if (decision === "refuse") {
      await eraseGuardianPendingStory(q, row, "guardian_refused");
      return { outcome: "refused", locale: row.locale, petition: row.campaign };
    }
    const held = (typeof row.pending_consents === "string" ? JSON.parse(row.pending_consents) : (row.pending_consents ?? [])) as ConsentRow[];
    // The guardian's consent in the language of the child's form (the guardian's email is in it too).
    const locale = pickLocale(row.locale);
    const shown = localizeStoryCampaign(row, locale).row;
    const [guardian] = withLanguages(row, locale, [{ organizationId: row.coalition_id, scope: "guardian", text: shown.consent_guardian_text, version: shown.consent_guardian_version, guardianEmail: row.guardian_email }]) as [ConsentRow];
    await q.query("update stories set guardian_status = 'consented', guardian_email = null, pending_consents = null where id = $1", [row.id]);
    await recordConsents(q, row.person_id, { storyId: row.id }, [...held, guardian]);
    await storySubmittedEvent(q, row.id);
    return { outcome: "confirmed", locale: row.locale, petition: row.campaign };
  });
}

/** The daily clean-up: a child's story whose guardian has not answered within 7 days is erased. Time is injectable. */
export async function expireStoryGuardians(db: Db, now = new Date()): Promise<number> {
  const due = await db.query<{ id: string }>(
    "select id from stories where guardian_status = 'pending' and submitted_at <= $1::timestamptz - make_interval(days => $2)",
    [now.toISOString(), STORY_GUARDIAN_DAYS],
  );
  for (const { id } of due) {
    await db.tx(async (q) => {
      const row = await lockStory(q, id);
      if (row?.guardian_status === "pending") await eraseGuardianPendingStory(q, row, "guardian_no_answer");
    });
  }
  return due.length;
}
