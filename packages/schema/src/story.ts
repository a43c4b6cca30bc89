import * as z from "zod/mini";
import { AgeBand, Checkbox, ConsentText, isEmail, IsoDateTime, OptionalEmailText, OrganizationSummary, Slug, text, TextLanguages } from "./common.js";
import {
  EMAIL_MESSAGE,
  GUARDIAN_CONSENT_MESSAGE,
  GUARDIAN_EMAIL_MESSAGE,
  NAME_REQUIRED_FOR_PUBLISH,
  PUBLISH_CHOICES,
  PUBLISH_CONSENT_MESSAGE,
  STORY_MAX,
  STORY_MIN,
  STORY_ROLES,
  LOCALES,
} from "./vocabulary.js";

export { NAME_REQUIRED_FOR_PUBLISH, PUBLISH_CHOICES, PUBLISH_CONSENT_MESSAGE, STORY_MAX, STORY_MIN, STORY_ROLES, UNDER_13_NO_DATA } from "./vocabulary.js";

export const StoryRole = z.enum(STORY_ROLES, "Choose how you are connected to the schools.");
export type StoryRole = z.infer<typeof StoryRole>;

export const PublishChoice = z.enum(PUBLISH_CHOICES, "Choose whether and how we may share your story.");
export type PublishChoice = z.infer<typeof PublishChoice>;

export const StoryCampaign = z.object({
  slug: Slug,
  title: z.string(),
  /** The question people answer. Plain text. */
  prompt: z.string(),
  coalition: OrganizationSummary,
  partner: z.nullable(OrganizationSummary),
  consent: z.object({
    publish: ConsentText,
    coalition: ConsentText,
    partner: z.nullable(ConsentText),
    guardian: ConsentText,
  }),
  /** Fallback fields: title, prompt, consent.publish, consent.coalition, consent.partner, consent.guardian. */
  ...TextLanguages,
});
export type StoryCampaign = z.infer<typeof StoryCampaign>;

export const StoryCampaignResponse = z.object({ campaign: StoryCampaign });
export type StoryCampaignResponse = z.infer<typeof StoryCampaignResponse>;




/** POST /v1/stories/:campaign */
export const SubmitStoryFields = z.object({
  title: text("a title", 120, true),
  story: z.string("Tell us your story.").check(
    z.trim(),
    z.minLength(STORY_MIN, `Tell us a little more (at least ${STORY_MIN} characters).`),
    z.maxLength(STORY_MAX, `Stories can be at most ${STORY_MAX} characters.`),
  ),
  role: StoryRole,
  school: z.optional(text("your school or district", 120, false)),
  ageBand: AgeBand,
  publish: PublishChoice,
  /** Only for publish = first_name. */
  firstName: z.optional(text("your first name", 80, false)),
  /** Optional: only to follow up, and only with the coalition opt-in. */
  email: OptionalEmailText,
  guardianEmail: OptionalEmailText,
  guardianConsent: Checkbox,
  consentPublish: Checkbox,
  consentCoalition: Checkbox,
  consentPartner: Checkbox,
  source: z.optional(z.string().check(z.maxLength(100, "Source codes are at most 100 characters."))),
});


export const SubmitStoryRequest = SubmitStoryFields.check(
  z.superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message, input: undefined });
    if (v.email && !isEmail(v.email)) issue("email", EMAIL_MESSAGE);
    if (v.publish !== "internal" && !v.consentPublish) issue("consentPublish", PUBLISH_CONSENT_MESSAGE);
    if (v.publish === "first_name" && !v.firstName) issue("firstName", NAME_REQUIRED_FOR_PUBLISH);
    if (v.ageBand === "under_13") {
      const wantsData = Boolean(v.firstName || v.email || v.school);
      if (wantsData && !v.guardianConsent) issue("guardianConsent", GUARDIAN_CONSENT_MESSAGE);
      if (wantsData && (!v.guardianEmail || !isEmail(v.guardianEmail))) issue("guardianEmail", GUARDIAN_EMAIL_MESSAGE);
    }
  }),
);
export type SubmitStoryRequest = z.input<typeof SubmitStoryRequest>;
export type SubmitStoryParsed = z.output<typeof SubmitStoryRequest>;

export const SubmitStoryResponse = z.object({
  /**
   * "pending": waiting for moderation. "guardian_pending": the author is under 13 and gave a name,
   * an email or a school, so a parent or guardian was emailed; the story waits for their answer.
   */
  status: z.enum(["pending", "guardian_pending"]),
  /** Signed link with which the author can withdraw the story at any time. */
  withdrawUrl: z.string(),
});
export type SubmitStoryResponse = z.infer<typeof SubmitStoryResponse>;

/** A story as it appears on a wall: no email, no school for under-13s without consent, a name only if chosen. */
export const PublicStory = z.object({
  id: z.string(),
  title: z.string(),
  story: z.string(),
  role: StoryRole,
  school: z.nullable(z.string()),
  authorName: z.nullable(z.string()),
  publishedAt: IsoDateTime,
  /** The language the author wrote in (the one their form was in), for the wall's `lang`. */
  language: z._default(z.enum(LOCALES), "en"),
});
export type PublicStory = z.infer<typeof PublicStory>;

export const StoryWallResponse = z.object({
  stories: z.array(PublicStory),
  page: z.number().check(z.int(), z.positive()),
  pageSize: z.number().check(z.int(), z.positive()),
  total: z.number().check(z.int(), z.nonnegative()),
});
export type StoryWallResponse = z.infer<typeof StoryWallResponse>;

export const STORY_STATUSES = ["pending", "approved", "rejected", "withdrawn"] as const;

/** What an organizer sees in the moderation queue. */
export const ModerationStory = z.object({
  id: z.string(),
  campaign: Slug,
  title: z.string(),
  story: z.string(),
  role: StoryRole,
  school: z.nullable(z.string()),
  ageBand: AgeBand,
  publish: PublishChoice,
  authorName: z.nullable(z.string()),
  partner: z.nullable(z.string()),
  status: z.enum(STORY_STATUSES),
  /**
   * True while an under-13 author's parent or guardian has not agreed: the story cannot be approved
   * yet, and the author's name and school are withheld.
   */
  guardianPending: z.boolean(),
  rejectionReason: z.nullable(z.string()),
  /** The language the author used (the form's, and the consent texts they were shown). */
  language: z._default(z.enum(LOCALES), "en"),
  submittedAt: IsoDateTime,
  moderatedAt: z.nullable(IsoDateTime),
});
export type ModerationStory = z.infer<typeof ModerationStory>;

/** One moderation decision, as the history lists it (newest first). */
export const StoryDecision = z.object({
  story: z.string(),
  title: z.string(),
  campaign: Slug,
  decision: z.enum(["approved", "rejected"]),
  /** The reason given for a rejection (the author may see it). */
  reason: z.nullable(z.string()),
  /** Who decided: the prefix of the secret key used (`sk_…`), or null for a key since deleted. */
  decidedBy: z.nullable(z.string()),
  decidedAt: IsoDateTime,
});
export type StoryDecision = z.infer<typeof StoryDecision>;
/** GET /v1/admin/stories/decisions */
export const StoryDecisionList = z.object({ decisions: z.array(StoryDecision) });

export const ModerationListResponse = z.object({ stories: z.array(ModerationStory) });
export type ModerationListResponse = z.infer<typeof ModerationListResponse>;

/** Refusal to approve a story whose author is under 13 before a parent or guardian agreed. */
export const STORY_AWAITS_GUARDIAN_MESSAGE = "A parent or guardian has not agreed yet: this story can be approved once they do.";

export const ModerateStoryRequest = z
  .object({
    decision: z.enum(["approve", "reject"], "Choose approve or reject."),
    reason: z.optional(text("a reason", 500, false)),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.decision === "reject" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "Give a reason for rejecting (the author may see it).", input: v.reason });
    }),
  );
export type ModerateStoryRequest = z.input<typeof ModerateStoryRequest>;

export const ModerateStoryResponse = z.object({ story: ModerationStory });

export const WithdrawStoryRequest = z.object({ token: z.string("This link is not valid.").check(z.minLength(10, "This link is not valid."), z.maxLength(400)) });
export const WithdrawStoryResponse = z.object({ status: z.enum(["withdrawn", "already_withdrawn"]) });
export type WithdrawStoryResponse = z.infer<typeof WithdrawStoryResponse>;
