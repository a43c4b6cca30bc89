import { envConfig } from "../../config.js";
import type { Queryable } from "../../db/types.js";
import { signLink } from "../platform/signed-links.js";
import type { Brand, EmailContent } from "./render/content.js";
import { composeDigest } from "./compose-digest.js";
import { DIGEST_KIND } from "./digest.js";
import { renderText } from "./render/content.js";
import { renderHtml } from "./render/html.js";
import { say } from "./render/strings.js";
import { composeMeetingMessage } from "./compose-meeting.js";
import { ASKED_FOR, TO_GUARDIAN } from "./queue.js";
import { composeTrainingMessage } from "./compose-training.js";
import { composeStoryMessage } from "./compose-story.js";
import { composePetitionMessage } from "./compose-petition.js";

/** A queued message row, as the worker leased it. */
export interface MessageRow {
  id: string;
  coalition_id: string;
  partner_id: string | null;
  person_id: string | null;
  kind: string;
  registration_id: string | null;
  attendee_id: string | null;
  story_id: string | null;
  signature_id: string | null;
  to_address: string | null;
  occurrence_date: string | Date | null;
  scope: string | null;
  locale: string;
  base_url: string | null;
  send_at: string | Date;
  attempts: number;
}

export interface OutgoingEmail {
  from: { name: string; address: string };
  replyTo: string | undefined;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  attachments: Array<{ filename: string; content: string; contentType: string }>;
}

/** What a kind-specific composer returns: the words, and what goes with them. */
export interface Composed {
  content: EmailContent;
  attachments?: OutgoingEmail["attachments"];
  /** For reminders: the one-click unsubscribe scope. */
  unsubscribable?: boolean;
}

export interface ComposeContext {
  q: Queryable;
  message: MessageRow;
  person: { firstName: string; email: string };
  baseUrl: string;
  locale: string;
  /** "Coalition" or "Coalition via Partner", for "you signed up through …". */
  through: string;
}

interface IdentityRow {
  coalition_name: string;
  email_from_name: string | null;
  email_from_address: string | null;
  email_reply_to: string | null;
  brand_color: string | null;
  partner_name: string | null;
  partner_is_coalition: boolean | null;
}

/** Fallback sender when a coalition has not set its own address (MAIL_FROM, else a local placeholder). */
const defaultFrom = () => envConfig().mailFrom ?? "no-reply@coalition-kit.localhost";

async function identityOf(q: Queryable, coalitionId: string, partnerId: string | null): Promise<IdentityRow> {
  const rows = await q.query<IdentityRow>(
    `select c.name as coalition_name, c.email_from_name, c.email_from_address, c.email_reply_to, c.brand_color,
            po.name as partner_name, (pa.organization_id = c.id) as partner_is_coalition
       from organizations c
       left join partners pa on pa.id = $2
       left join organizations po on po.id = pa.organization_id
      where c.id = $1`,
    [coalitionId, partnerId],
  );
  return rows[0]!;
}

const isSuppressed = async (q: Queryable, coalitionId: string, address: string) =>
  (await q.query("select 1 from suppressions where coalition_id = $1 and email = $2", [coalitionId, address])).length > 0;

/** The finished email: the coalition's sender identity, both renderings, headers and files. */
async function assemble(identity: IdentityRow, brand: Brand, to: string, content: EmailContent, headers: Record<string, string>, attachments: OutgoingEmail["attachments"]): Promise<OutgoingEmail> {
  return {
    from: { name: identity.email_from_name ?? identity.coalition_name, address: identity.email_from_address ?? defaultFrom() },
    replyTo: identity.email_reply_to ?? identity.email_from_address ?? undefined,
    to,
    subject: content.subject,
    html: await renderHtml(content, brand),
    text: renderText(content, brand),
    headers,
    attachments,
  };
}

/** A staff message (the digest): to its address, with no person behind it. */
async function composeStaffMessage(q: Queryable, message: MessageRow, publicUrl: string): Promise<OutgoingEmail | undefined> {
  const to = message.to_address;
  if (!to || message.person_id || (await isSuppressed(q, message.coalition_id, to))) return undefined;
  const identity = await identityOf(q, message.coalition_id, null);
  const content = await composeDigest(q, message, { coalitionName: identity.coalition_name, baseUrl: (message.base_url ?? publicUrl).replace(/\/+$/, "") });
  if (!content) return undefined;
  const brand: Brand = { lang: message.locale.slice(0, 2), coalitionName: identity.coalition_name, partnerName: null, color: identity.brand_color ?? "#1f5fbf" };
  return assemble(identity, brand, to, content, { "X-CK-Message-Key": message.id }, []);
}

/** What the one-click link says it stops: a meeting's reminders; a series' reminders; after a session, its follow-ups too. */
const unsubscribeLabel = (kind: string) => (kind.startsWith("meeting.") ? "stopMeetingReminders" : kind === "training.feedback" ? "stopSeriesEmails" : "stopReminders");

/**
 * The email for a queued message, composed from the records it points at now (so a reminder
 * carries a session's new time), or undefined when there is nothing left to send (the person was
 * erased, the registration was cancelled).
 */
export async function composeMessage(q: Queryable, message: MessageRow, publicUrl: string): Promise<OutgoingEmail | undefined> {
  if (message.kind === DIGEST_KIND) return composeStaffMessage(q, message, publicUrl);
  // A guardian's message may concern a child we hold no email for: it has an address and no person.
  const toGuardian = TO_GUARDIAN.includes(message.kind) && Boolean(message.to_address);
  if (!message.person_id && !toGuardian) return undefined;
  const people = message.person_id ? await q.query<{ first_name: string; email_normalized: string }>("select first_name, email_normalized from people where id = $1", [message.person_id]) : [];
  const person = people[0] ?? (toGuardian && !message.person_id ? { first_name: "", email_normalized: message.to_address! } : undefined);
  if (!person) return undefined;
  const identity = await identityOf(q, message.coalition_id, message.partner_id);
  const partnerName = identity.partner_name && !identity.partner_is_coalition ? identity.partner_name : null;
  const address = toGuardian ? message.to_address! : person.email_normalized;
  // Suppressed since it was queued (unsubscribed from everything, or refused for good): not sent.
  if (!ASKED_FOR.includes(message.kind) && (await isSuppressed(q, message.coalition_id, address))) return undefined;
  const ctx: ComposeContext = {
    q,
    message,
    person: { firstName: person.first_name, email: person.email_normalized },
    baseUrl: (message.base_url ?? publicUrl).replace(/\/+$/, ""),
    locale: message.locale,
    through: partnerName ? `${identity.coalition_name} · ${partnerName}` : identity.coalition_name,
  };
  const composers = { training: composeTrainingMessage, story: composeStoryMessage, petition: composePetitionMessage, meeting: composeMeetingMessage };
  const composer = composers[message.kind.split(".")[0] as keyof typeof composers] ?? composeMeetingMessage;
  const composed = await composer(ctx);
  if (!composed) return undefined;
  const headers: Record<string, string> = { "X-CK-Message-Key": message.id };
  const content = composed.content;
  content.footer.push(say(ctx.locale, "why", { where: ctx.through }), say(ctx.locale, "replies", { coalition: identity.coalition_name }));
  if (composed.unsubscribable) {
    const url = `${ctx.baseUrl}/v1/messages/unsubscribe?token=${encodeURIComponent(await signLink(q, "unsubscribe", message.id))}`;
    headers["List-Unsubscribe"] = `<${url}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
    content.actions.push({ label: say(ctx.locale, unsubscribeLabel(message.kind)), url });
  }
  const brand: Brand = { lang: ctx.locale.slice(0, 2), coalitionName: identity.coalition_name, partnerName, color: identity.brand_color ?? "#1f5fbf" };
  // A guardian's consent request goes to the guardian, never to the child.
  return assemble(identity, brand, address, content, headers, composed.attachments ?? []);
}
