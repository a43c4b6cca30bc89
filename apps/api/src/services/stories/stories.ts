import {
  ModerateStoryRequest,
  SubmitStoryRequest,
  WithdrawStoryRequest,
  type ModerationStory,
  type StoryCampaignResponse,
  type StoryWallResponse,
  type SubmitStoryParsed,
  type SubmitStoryResponse,
  type WithdrawStoryResponse,
  type Locale,
  STORY_AWAITS_GUARDIAN_MESSAGE,
  type StoryDecision,
} from "@coalition-kit/schema";
import type { Db, Queryable } from "../../db/types.js";
import { ApiError, parseOrReject, validationError } from "../errors.js";
import type { PartnerContext } from "../partners/partner-lookup.js";
import type { PartnerWriter } from "../partners/partner-writer.js";
import { idempotentWrite, requestHash } from "../platform/idempotency.js";
import { queueStoryGuardianMessage, queueStoryMessage } from "../messages/story-messages.js";
import { storyPublishedEvent, storySubmittedEvent } from "./story-events.js";
import { campaignFor, consentsGiven } from "../campaigns.js";
import { recordConsents, upsertPerson, type ConsentRow } from "../people/people.js";
import type { AdminContext } from "../keys/secret-keys.js";
import { signLink, verifyLink } from "../platform/signed-links.js";
import { MODERATION_SELECT, findStoryCampaign, localizeStoryCampaign, toModerationStory, toStoryCampaign, wallPage, withLanguages, type ModerationRow, type StoryCampaignRow } from "./story-queries.js";

/** A story campaign with its prompt and consent texts in the asker's language where translated; not_found for another coalition's partner. */
export async function getStoryCampaign(db: Db, slug: string, partner: PartnerContext | undefined, locale?: Locale): Promise<StoryCampaignResponse> {
  return { campaign: toStoryCampaign(campaignFor(await findStoryCampaign(db, slug), partner), partner, locale) };
}

/** One page of a campaign's published stories, optionally of one role. */
export async function storyWall(db: Db, slug: string, query: { page?: string; pageSize?: string; role?: string }): Promise<StoryWallResponse> {
  const row = campaignFor(await findStoryCampaign(db, slug), undefined);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(query.page ?? "1", 10) || 1));
  const pageSize = Math.max(1, Math.min(50, Number.parseInt(query.pageSize ?? "10", 10) || 10));
  const role = query.role && ["student", "parent", "educator", "community"].includes(query.role) ? query.role : undefined;
  return { ...(await wallPage(db, row.id, role, page, pageSize)), page, pageSize };
}

/**
 * Store a story as pending moderation. Least data: the first name only when publishing with it; no
 * person record unless an email was given. An author under 13 who gave a name, an email or a
 * school waits for a parent or guardian, who is emailed (story-guardian.ts): until they agree the
 * opt-ins are held, no webhook goes out and the child gets no email.
 */
export async function submitStory(db: Db, slug: string, input: Record<string, unknown>, writer: PartnerWriter): Promise<{ status: number; body: SubmitStoryResponse; replayed: boolean }> {
  const { partner, idempotencyKey, baseUrl, locale } = writer;
  const campaign = campaignFor(await findStoryCampaign(db, slug), partner);
  const data = parseOrReject(SubmitStoryRequest, input);
  return idempotentWrite<SubmitStoryResponse>(db, { partnerId: partner.id, key: idempotencyKey, hash: requestHash(`story:${slug}`, data) }, async (q) => {
    const firstName = data.publish === "first_name" ? (data.firstName ?? "") : "";
    // Under 13 with anything that identifies the child: a parent or guardian is asked first.
    const askGuardian = data.ageBand === "under_13" && Boolean(firstName || data.email || data.school) && Boolean(data.guardianEmail);
    const personId = data.email ? await upsertPerson(q, campaign.coalition_id, { email: data.email, firstName }) : null;
    // The consent texts exactly as the author was shown them: in their language where translated.
    const shown = localizeStoryCampaign(campaign, locale).row;
    const consents = withLanguages(campaign, locale, storyConsents(shown, partner, data));
    const rows = await q.query<{ id: string }>(
      `insert into stories (campaign_id, partner_id, person_id, title, body, role, school, age_band, publish_as, author_first_name, source, locale,
                            guardian_status, guardian_email, pending_consents)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) returning id`,
      [
        campaign.id, partner.id, personId, data.title, data.story, data.role, data.school || null, data.ageBand, data.publish,
        data.publish === "first_name" ? data.firstName : null, data.source ?? null, locale,
        askGuardian ? "pending" : null, askGuardian ? data.guardianEmail : null, askGuardian ? JSON.stringify(consents) : null,
      ],
    );
    const storyId = rows[0]!.id;
    if (askGuardian) {
      // Nothing takes effect and nothing about the child goes out until the guardian answers.
      await queueStoryGuardianMessage(q, storyId, data.guardianEmail!, baseUrl);
    } else {
      const guardianTick = data.ageBand === "under_13" && data.guardianConsent;
      const guardian = guardianTick ? withLanguages(campaign, locale, [{ organizationId: campaign.coalition_id, scope: "guardian", text: shown.consent_guardian_text, version: shown.consent_guardian_version, guardianEmail: data.guardianEmail ?? null }]) : [];
      await recordConsents(q, personId, { storyId }, [...consents, ...guardian]);
      await queueStoryMessage(q, storyId, "story.receipt", baseUrl);
      await storySubmittedEvent(q, storyId);
    }
    const withdrawUrl = `${baseUrl}/v1/stories/withdraw?token=${encodeURIComponent(await signLink(q, "withdraw", storyId))}`;
    return { status: 201, body: { status: askGuardian ? "guardian_pending" : "pending", withdrawUrl } };
  });
}

function storyConsents(campaign: StoryCampaignRow, partner: PartnerContext, data: SubmitStoryParsed): ConsentRow[] {
  const rows: ConsentRow[] = [];
  if (data.publish !== "internal" && data.consentPublish) rows.push({ organizationId: campaign.coalition_id, scope: "publish", text: campaign.consent_publish_text, version: campaign.consent_publish_version });
  // Opt-ins to hear from the coalition or the partner mean something only with an email.
  if (data.email) rows.push(...consentsGiven(campaign, partner, data));
  return rows;
}

/** The coalition's stories in one moderation status (default pending), oldest first. */
export async function listForModeration(db: Db, admin: AdminContext, status: string | undefined): Promise<ModerationStory[]> {
  const wanted = status && ["pending", "approved", "rejected", "withdrawn"].includes(status) ? status : "pending";
  const rows = await db.query<ModerationRow>(`${MODERATION_SELECT} where c.coalition_id = $1 and s.status = $2 order by s.submitted_at, s.id limit 500`, [admin.organizationId, wanted]);
  return rows.map(toModerationStory);
}

/** The coalition's last 200 moderation decisions, newest first, each with the key that made it. */
export async function storyDecisions(db: Db, admin: AdminContext): Promise<StoryDecision[]> {
  const rows = await db.query<{ story: string; title: string; campaign: string; decision: StoryDecision["decision"]; reason: string | null; prefix: string | null; decided_at: Date | string }>(
    `select s.id as story, s.title, c.slug as campaign, d.decision, d.reason, k.prefix, d.decided_at
       from story_decisions d join stories s on s.id = d.story_id join story_campaigns c on c.id = s.campaign_id
       left join secret_keys k on k.id = d.decided_by
      where c.coalition_id = $1
      order by d.decided_at desc, d.id desc limit 200`,
    [admin.organizationId],
  );
  return rows.map((r) => ({ story: r.story, title: r.title, campaign: r.campaign, decision: r.decision, reason: r.reason, decidedBy: r.prefix, decidedAt: new Date(r.decided_at).toISOString() }));
}

/** Approve or reject, inside the caller's transaction (the admin write that claimed the Idempotency-Key). */
export async function moderateStory(q: Queryable, admin: AdminContext, storyId: string, input: Record<string, unknown>): Promise<ModerationStory> {
  const request = parseOrReject(ModerateStoryRequest, input);
  if (!/^[0-9a-f-]{36}$/i.test(storyId)) throw new ApiError("not_found");
  const approve = request.decision === "approve";
  if (approve) {
    const waiting = await q.query("select 1 from stories s join story_campaigns c on c.id = s.campaign_id where s.id = $1 and c.coalition_id = $2 and s.guardian_status = 'pending'", [storyId, admin.organizationId]);
    if (waiting.length) throw validationError({ decision: STORY_AWAITS_GUARDIAN_MESSAGE });
  }
  const rows = await q.query<{ id: string; was: string }>(
    `update stories s set status = $3, rejection_reason = $4, moderated_by = $5, moderated_at = now(),
            published_at = case when $3 = 'approved' then coalesce(s.published_at, now()) end
       from story_campaigns c, (select id, status as was from stories where id::text = $1) old
      where s.id = old.id and c.id = s.campaign_id and c.coalition_id = $2 and s.status <> 'withdrawn'
      returning s.id, old.was`,
    [storyId, admin.organizationId, approve ? "approved" : "rejected", approve ? null : (request.reason ?? null), admin.keyId],
  );
  if (!rows[0]) throw new ApiError("not_found");
  await q.query("insert into story_decisions (story_id, decision, reason, decided_by) values ($1, $2, $3, $4)", [
    rows[0].id,
    approve ? "approved" : "rejected",
    approve ? null : (request.reason ?? null),
    admin.keyId,
  ]);
  await queueStoryMessage(q, storyId, approve ? "story.published" : "story.declined", null);
  // Approving a story already on the wall publishes nothing new.
  if (approve && rows[0].was !== "approved") await storyPublishedEvent(q, storyId);
  return toModerationStory((await q.query<ModerationRow>(`${MODERATION_SELECT} where s.id = $1`, [storyId]))[0]!);
}

/** The author's signed link: the story leaves every wall, whatever its moderation status. */
export async function withdrawStory(db: Db, input: Record<string, unknown>): Promise<WithdrawStoryResponse> {
  const request = parseOrReject(WithdrawStoryRequest, input);
  const storyId = await verifyLink(db, "withdraw", request.token);
  if (!storyId) throw validationError({ token: "This link is not valid." });
  const rows = await db.query<{ was: string }>(
    `update stories s set status = 'withdrawn', withdrawn_at = now(), published_at = null
       from (select id, status as was from stories where id = $1) old
      where s.id = old.id and s.status <> 'withdrawn' returning old.was`,
    [storyId],
  );
  return { status: rows[0] ? "withdrawn" : "already_withdrawn" };
}

