import { signExpiringLink, signLink } from "../platform/signed-links.js";
import { STORY_GUARDIAN_DAYS } from "../stories/story-guardian.js";
import type { ComposeContext, Composed } from "./compose.js";
import { say } from "./render/strings.js";
import { pickLocale } from "@coalition-kit/schema";
import { columnIn } from "../content/languages.js";

const DAY = 86_400_000;

interface GuardianStoryRow {
  title: string;
  length: number;
  publish_as: string;
  author_first_name: string | null;
  school: string | null;
  submitted_at: string | Date;
  guardian_status: string | null;
  pending_consents: Array<{ scope: string }> | string | null;
  campaign: string;
  coalition: string;
  partner: string;
  email: string | null;
}

/**
 * A parent's or guardian's consent request for a story by a child under 13: what the child did,
 * exactly what is held, who would see it, and consent and refusal links that expire in 7 days.
 */
async function composeStoryGuardian(ctx: ComposeContext, storyId: string): Promise<Composed | undefined> {
  const { q, locale } = ctx;
  const rows = await q.query<GuardianStoryRow>(
    `select s.title, char_length(s.body) as length, s.publish_as, s.author_first_name, s.school, s.submitted_at, s.guardian_status, s.pending_consents,
            ${columnIn("c", "title", "$2")} as campaign, co.name as coalition, po.name as partner, pe.email_normalized as email
       from stories s join story_campaigns c on c.id = s.campaign_id join organizations co on co.id = c.coalition_id
       join partners pa on pa.id = s.partner_id join organizations po on po.id = pa.organization_id
       left join people pe on pe.id = s.person_id
      where s.id = $1`,
    [storyId, pickLocale(locale)],
  );
  const story = rows[0];
  if (!story || story.guardian_status !== "pending") return undefined;
  const name = story.author_first_name || say(locale, "childAnon");
  const names = { name, story: story.title, campaign: story.campaign, coalition: story.coalition, partner: story.partner };
  const held = [say(locale, "heldStory", { story: story.title, length: story.length })];
  if (story.author_first_name) held.push(say(locale, "heldFirstName", { name: story.author_first_name }));
  if (story.email) held.push(say(locale, "heldEmail", { email: story.email }));
  if (story.school) held.push(say(locale, "heldSchool", { school: story.school }));
  held.push(say(locale, "heldAge"));
  const pending = (typeof story.pending_consents === "string" ? JSON.parse(story.pending_consents) : (story.pending_consents ?? [])) as Array<{ scope: string }>;
  for (const c of pending) if (c.scope === "coalition" || c.scope === "partner") held.push(say(locale, c.scope === "coalition" ? "heldOptInCoalition" : "heldOptInPartner", names));
  const who = story.publish_as === "internal" ? "storyGuardianWhoInternal" : story.publish_as === "first_name" ? "storyGuardianWhoFirstName" : "storyGuardianWhoAnonymous";
  const expires = new Date(new Date(story.submitted_at).getTime() + STORY_GUARDIAN_DAYS * DAY);
  const url = `${ctx.baseUrl}/v1/stories/guardian?token=${encodeURIComponent(await signExpiringLink(q, "story-guardian", storyId, expires))}&lang=${locale.slice(0, 2)}`;
  return {
    content: {
      subject: say(locale, "storyGuardianSubject", names),
      preheader: say(locale, "guardianHeading", names),
      heading: say(locale, "guardianHeading", names),
      paragraphs: [say(locale, "storyGuardianDid", names), say(locale, "storyGuardianHeld")],
      details: held.map((line, i) => [String(i + 1), line] as [string, string]),
      actions: [
        { label: say(locale, "storyGuardianConsent"), url: `${url}&decision=consent` },
        { label: say(locale, "guardianRefuse"), url: `${url}&decision=refuse` },
      ],
      footer: [say(locale, who, names), say(locale, "storyGuardianOptIns"), say(locale, "storyGuardianUntil"), say(locale, "guardianWhy")],
    },
  };
}

/**
 * Story emails to an author who gave an email: a receipt with the withdrawal link, then the
 * moderation decision (published, or declined with the organizer's note); and, for an author under
 * 13, the request to their parent or guardian.
 */
export async function composeStoryMessage(ctx: ComposeContext): Promise<Composed | undefined> {
  const { q, message, locale } = ctx;
  if (!message.story_id) return undefined;
  if (message.kind === "story.guardian") return composeStoryGuardian(ctx, message.story_id);
  const rows = await q.query<{ title: string; status: string; publish_as: string; rejection_reason: string | null; campaign: string }>(
    `select s.title, s.status, s.publish_as, s.rejection_reason, ${columnIn("c", "title", "$2")} as campaign from stories s join story_campaigns c on c.id = s.campaign_id where s.id = $1`,
    [message.story_id, pickLocale(locale)],
  );
  const story = rows[0];
  if (!story || story.status === "withdrawn") return undefined;
  const names = { story: story.title, campaign: story.campaign };
  const withdraw = { label: say(locale, "withdrawStory"), url: `${ctx.baseUrl}/v1/stories/withdraw?token=${encodeURIComponent(await signLink(q, "withdraw", message.story_id))}` };
  const hello = ctx.person.firstName ? say(locale, "hello", { name: ctx.person.firstName }) : say(locale, "helloAnon");
  switch (message.kind) {
    case "story.receipt":
      return { content: { subject: say(locale, "storyReceiptSubject", names), preheader: story.title, heading: say(locale, "storyReceiptHeading"), paragraphs: [hello, say(locale, "storyReceiptBody", names)], details: [], actions: [withdraw], footer: [] } };
    case "story.published":
      if (story.status !== "approved") return undefined;
      return {
        content: {
          subject: say(locale, "storyPublishedSubject", names),
          preheader: story.title,
          heading: say(locale, "storyPublishedHeading"),
          paragraphs: [hello, say(locale, story.publish_as === "internal" ? "storyAcceptedBody" : "storyPublishedBody", names)],
          details: [],
          actions: [withdraw],
          footer: [],
        },
      };
    case "story.declined":
      if (story.status !== "rejected") return undefined;
      return {
        content: {
          subject: say(locale, "storyDeclinedSubject", names),
          preheader: story.title,
          heading: say(locale, "storyDeclinedHeading"),
          paragraphs: [hello, say(locale, "storyDeclinedBody", names)],
          details: story.rejection_reason ? [[say(locale, "organizerNote"), story.rejection_reason]] : [],
          actions: [],
          footer: [],
        },
      };
    default:
      return undefined;
  }
}
