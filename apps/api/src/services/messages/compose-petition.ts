import { signExpiringLink } from "../platform/signed-links.js";
import type { ComposeContext, Composed } from "./compose.js";
import { say } from "./render/strings.js";

/** How long a consent-withdrawal link in a thank-you email works. */
const WITHDRAW_DAYS = 365;
const DAY = 86_400_000;

interface SignatureRow {
  status: string;
  created_at: string | Date;
  age_band: string | null;
  petition_slug: string;
  title: string;
  target: string;
  share_url: string | null;
  pending_days: number;
  coalition_name: string;
  partner_name: string;
  first_name: string;
  last_name: string | null;
  zip: string | null;
  pending_consents: Array<{ scope: string; text: string }> | string | null;
}

/**
 * Petition emails: "confirm your signature" (double opt-in), a parent or guardian's consent
 * request for a signer under 13 (what the child did, exactly what is held, who sees it, consent
 * and refusal links), and the thank-you with the share link, the consents given (their exact
 * texts) and a link to withdraw each one.
 */
export async function composePetitionMessage(ctx: ComposeContext): Promise<Composed | undefined> {
  const { q, message, locale } = ctx;
  if (!message.signature_id) return undefined;
  const rows = await q.query<SignatureRow>(
    `select s.status, s.created_at, s.age_band, p.slug as petition_slug, p.title, p.target, p.share_url, p.pending_days,
            c.name as coalition_name, po.name as partner_name, pe.first_name, pe.last_name, pe.zip, s.pending_consents
       from signatures s join petitions p on p.id = s.petition_id join organizations c on c.id = p.coalition_id
       join partners pa on pa.id = s.partner_id join organizations po on po.id = pa.organization_id
       join people pe on pe.id = s.person_id
      where s.id = $1`,
    [message.signature_id],
  );
  const sig = rows[0];
  if (!sig) return undefined;
  const names = { petition: sig.title, target: sig.target, coalition: sig.coalition_name, partner: sig.partner_name };
  // Pages behind the links speak the signer's language even once the record is gone (an expired link).
  const lang = locale.startsWith("es") ? "es" : "en";
  const link = async (path: string, purpose: "confirm" | "guardian", days: number) =>
    `${ctx.baseUrl}${path}?token=${encodeURIComponent(await signExpiringLink(q, purpose, message.signature_id!, new Date(new Date(sig.created_at).getTime() + days * DAY)))}&lang=${lang}`;

  switch (message.kind) {
    case "petition.confirm":
      if (sig.status !== "pending_email") return undefined;
      return {
        content: {
          subject: say(locale, "confirmSubject", names),
          preheader: say(locale, "confirmHeading"),
          heading: say(locale, "confirmHeading"),
          paragraphs: [say(locale, "hello", { name: ctx.person.firstName }), say(locale, "confirmBody", names), say(locale, "confirmIgnore", { days: sig.pending_days })],
          details: [],
          actions: [{ label: say(locale, "confirmButton"), url: await link("/v1/signatures/confirm", "confirm", sig.pending_days) }],
          footer: [],
        },
      };
    case "petition.guardian": {
      if (sig.status !== "pending_guardian") return undefined;
      const pending = (typeof sig.pending_consents === "string" ? JSON.parse(sig.pending_consents) : (sig.pending_consents ?? [])) as Array<{ scope: string }>;
      const held = [say(locale, "heldName", { name: [sig.first_name, sig.last_name].filter(Boolean).join(" ") }), say(locale, "heldEmail", { email: ctx.person.email })];
      if (sig.zip) held.push(say(locale, "heldZip", { zip: sig.zip }));
      held.push(say(locale, "heldAge"));
      const optIns = pending.map((c) => say(locale, c.scope === "coalition" ? "heldOptInCoalition" : "heldOptInPartner", names));
      const url = await link("/v1/signatures/guardian", "guardian", 7);
      return {
        content: {
          subject: say(locale, "guardianSubject", { name: sig.first_name }),
          preheader: say(locale, "guardianHeading", { name: sig.first_name }),
          heading: say(locale, "guardianHeading", { name: sig.first_name }),
          paragraphs: [say(locale, "guardianDid", { name: sig.first_name, ...names }), say(locale, "guardianHeld"), say(locale, "guardianWho", names), say(locale, "guardianUntil")],
          details: [...held, ...optIns].map((line, i) => [String(i + 1), line] as [string, string]),
          actions: [
            { label: say(locale, "guardianConsent"), url: `${url}&decision=consent` },
            { label: say(locale, "guardianRefuse"), url: `${url}&decision=refuse` },
          ],
          footer: [say(locale, "guardianWhy")],
        },
      };
    }
    case "petition.thanks": {
      if (sig.status !== "confirmed") return undefined;
      const consents = await q.query<{ id: string; text: string; withdrawn_at: string | null }>(
        "select id, text, withdrawn_at from consents where signature_id = $1 and scope in ('coalition', 'partner') order by scope",
        [message.signature_id],
      );
      const actions = sig.share_url ? [{ label: say(locale, "shareButton"), url: sig.share_url }] : [];
      for (const c of consents.filter((c) => !c.withdrawn_at)) {
        const token = await signExpiringLink(q, "withdraw-consent", c.id, new Date(Date.now() + WITHDRAW_DAYS * DAY));
        actions.push({ label: say(locale, "withdrawConsent", { text: c.text.length > 60 ? `${c.text.slice(0, 57)}…` : c.text }), url: `${ctx.baseUrl}/v1/consents/withdraw?token=${encodeURIComponent(token)}&lang=${lang}` });
      }
      return {
        content: {
          subject: say(locale, "thanksSubject", names),
          preheader: say(locale, "thanksHeading"),
          heading: say(locale, "thanksHeading"),
          paragraphs: [say(locale, "hello", { name: ctx.person.firstName }), say(locale, "thanksBody", names), say(locale, consents.length ? "thanksConsents" : "thanksNoConsents")],
          details: consents.map((c, i) => [String(i + 1), c.text] as [string, string]),
          actions,
          footer: [],
        },
      };
    }
    default:
      return undefined;
  }
}
