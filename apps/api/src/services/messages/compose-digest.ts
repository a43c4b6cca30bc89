import type { Queryable } from "../../db/types.js";
import { digestFigures } from "./digest.js";
import type { MessageRow } from "./compose.js";
import type { EmailContent } from "./render/content.js";
import { say } from "./render/strings.js";

const utc = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");

/**
 * The organizer digest: new actions per partner in the 24 hours before it was queued, and what
 * waits now (stories to moderate, guardians to answer, failed messages). Counts only: no one's
 * name or address. Partner names are organizer-typed and are escaped by the renderer like all text.
 */
export async function composeDigest(q: Queryable, message: MessageRow, ctx: { coalitionName: string; baseUrl: string }): Promise<EmailContent | undefined> {
  const queued = (await q.query<{ created_at: string | Date }>("select created_at from messages where id = $1", [message.id]))[0];
  if (!queued) return undefined;
  const f = await digestFigures(q, message.coalition_id, new Date(queued.created_at));
  const locale = message.locale;
  const period = { from: utc(f.from), until: utc(f.until) };
  const details: Array<[string, string]> = f.partners.map((p) => [p.partner, say(locale, "digestCounts", { signatures: p.signatures, registrations: p.registrations, rsvps: p.rsvps, stories: p.stories })]);
  details.push(
    [say(locale, "digestStoriesPending"), String(f.storiesPending)],
    [say(locale, "digestGuardianPending"), String(f.guardianPending)],
    [say(locale, "digestFailed"), String(f.failedMessages)],
  );
  const total = f.partners.reduce((n, p) => n + p.signatures + p.registrations + p.rsvps + p.stories, 0);
  return {
    subject: say(locale, "digestSubject", { coalition: ctx.coalitionName, date: f.until.toISOString().slice(0, 10) }),
    preheader: say(locale, total ? "digestPeriod" : "digestNone", period),
    heading: say(locale, "digestHeading", { coalition: ctx.coalitionName }),
    paragraphs: [say(locale, total ? "digestPeriod" : "digestNone", period)],
    details,
    actions: [{ label: say(locale, "digestOpenConsole"), url: `${ctx.baseUrl}/admin/` }],
    footer: [say(locale, "digestWhy", { coalition: ctx.coalitionName })],
  };
}
