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
} from "@coalition-kit/schema";
import type { Db, Queryable } from "../db/types.js";
import { ApiError, parseOrReject, validationError } from "../http/errors.js";
import type { PartnerContext } from "../http/partner.js";
import { idempotentWrite, requestHash } from "./idempotency.js";
import { enqueueEvent } from "./webhooks.js";
import { recordConsents, upsertPerson, type ConsentRow } from "./people.js";
import type { AdminContext } from "./secret-keys.js";
import { signLink, verifyLink } from "./signed-links.js";
import { MODERATION_SELECT, findStoryCampaign, toModerationStory, toStoryCampaign, wallPage, type ModerationRow, type StoryCampaignRow } from "./story-queries.js";

export async function getStoryCampaign(db: Db, slug: string, partner: PartnerContext | undefined): Promise<StoryCampaignResponse> {
  const row = await findStoryCampaign(db, slug);
  if (!row || (partner && partner.coalitionId !== row.coalition_id)) throw new ApiError("not_found");
  return { campaign: toStoryCampaign(row, partner) };
}

export async function storyWall(db: Db, slug: string, query: { page?: string; pageSize?: string; role?: string }): Promise<StoryWallResponse> {
  const row = await findStoryCampaign(db, slug);
  if (!row) throw new ApiError("not_found");
  const page = Math.max(1, Math.min(10_000, Number.parseInt(query.page ?? "1", 10) || 1));
  const pageSize = Math.max(1, Math.min(50, Number.parseInt(query.pageSize ?? "10", 10) || 10));
  const role = query.role && ["student", "parent", "educator", "community"].includes(query.role) ? query.role : undefined;
  return { ...(await wallPage(db, row.id, role, page, pageSize)), page, pageSize };
}

/**
 * Store a story as pending. Least data: the first name only when publishing with it; no person
 * record unless an email was given (and, under 13, a guardian agreed).
 */
export async function submitStory(
  db: Db,
  slug: string,
  partner: PartnerContext,
  input: Record<string, unknown>,
  idempotencyKey: string | undefined,
  baseUrl: string,
): Promise<{ status: number; body: SubmitStoryResponse; replayed: boolean }> {
  const campaign = await findStoryCampaign(db, slug);
  if (!campaign || campaign.coalition_id !== partner.coalitionId) throw new ApiError("not_found");
  const data = parseOrReject(SubmitStoryRequest, input);
  return idempotentWrite<SubmitStoryResponse>(db, { partnerId: partner.id, key: idempotencyKey, hash: requestHash(`story:${slug}`, data) }, async (q) => {
    const firstName = data.publish === "first_name" ? (data.firstName ?? "") : "";
    const personId = data.email ? await upsertPerson(q, campaign.coalition_id, { email: data.email, firstName }) : null;
    const rows = await q.query<{ id: string }>(
      `insert into stories (campaign_id, partner_id, person_id, title, body, role, school, age_band, publish_as, author_first_name, source)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
      [
        campaign.id, partner.id, personId, data.title, data.story, data.role, data.school || null, data.ageBand, data.publish,
        data.publish === "first_name" ? data.firstName : null, data.source ?? null,
      ],
    );
    const storyId = rows[0]!.id;
    await recordConsents(q, personId, { storyId }, storyConsents(campaign, partner, data));
    await enqueueEvent(q, {
      type: "story.submitted",
      coalitionId: campaign.coalition_id,
      partnerOrganizationId: partner.organizationId,
      personId,
      consent: { coalition: Boolean(data.email && data.consentCoalition), partner: Boolean(data.email && data.consentPartner) },
      // The story itself is read in the moderation queue, not sent around.
      data: { story: storyId, campaign: campaign.slug, role: data.role, ageBand: data.ageBand, publishAs: data.publish, partner: partner.slug },
      person: data.email ? { email: data.email, firstName: firstName || null } : null,
    });
    return { status: 201, body: { status: "pending", withdrawUrl: `${baseUrl}/v1/stories/withdraw?token=${encodeURIComponent(await signLink(q, "withdraw", storyId))}` } };
  });
}

function storyConsents(campaign: StoryCampaignRow, partner: PartnerContext, data: SubmitStoryParsed): ConsentRow[] {
  const rows: ConsentRow[] = [];
  if (data.publish !== "internal" && data.consentPublish) rows.push({ organizationId: campaign.coalition_id, scope: "publish", text: campaign.consent_publish_text, version: campaign.consent_publish_version });
  if (data.email && data.consentCoalition) rows.push({ organizationId: campaign.coalition_id, scope: "coalition", text: campaign.consent_coalition_text, version: campaign.consent_coalition_version });
  if (data.email && data.consentPartner) {
    rows.push({ organizationId: partner.organizationId, scope: "partner", text: campaign.consent_partner_text.replaceAll("{partner}", partner.name), version: campaign.consent_partner_version });
  }
  if (data.ageBand === "under_13" && data.guardianConsent) {
    rows.push({ organizationId: campaign.coalition_id, scope: "guardian", text: campaign.consent_guardian_text, version: campaign.consent_guardian_version, guardianEmail: data.guardianEmail ?? null });
  }
  return rows;
}

export async function listForModeration(db: Db, admin: AdminContext, status: string | undefined): Promise<ModerationStory[]> {
  const wanted = status && ["pending", "approved", "rejected", "withdrawn"].includes(status) ? status : "pending";
  const rows = await db.query<ModerationRow>(`${MODERATION_SELECT} where c.coalition_id = $1 and s.status = $2 order by s.submitted_at, s.id limit 500`, [admin.organizationId, wanted]);
  return rows.map(toModerationStory);
}

/** Approve or reject, inside the caller's transaction (the admin write that claimed the Idempotency-Key). */
export async function moderateStory(q: Queryable, admin: AdminContext, storyId: string, input: Record<string, unknown>): Promise<ModerationStory> {
  const request = parseOrReject(ModerateStoryRequest, input);
  if (!/^[0-9a-f-]{36}$/i.test(storyId)) throw new ApiError("not_found");
  const approve = request.decision === "approve";
  const rows = await q.query<{ id: string }>(
    `update stories s set status = $3, rejection_reason = $4, moderated_by = $5, moderated_at = now(),
            published_at = case when $3 = 'approved' then coalesce(s.published_at, now()) end
       from story_campaigns c
      where s.id = $1 and c.id = s.campaign_id and c.coalition_id = $2 and s.status <> 'withdrawn'
      returning s.id`,
    [storyId, admin.organizationId, approve ? "approved" : "rejected", approve ? null : (request.reason ?? null), admin.keyId],
  );
  if (!rows[0]) throw new ApiError("not_found");
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

