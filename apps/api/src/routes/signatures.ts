import { Hono, type Context } from "hono";
import type { Db } from "../db/types.js";
import { publicBaseUrl } from "../http/base-url.js";
import { linkForm, linkLocale, linkOutcome, linkQuestion } from "../http/link-page.js";
import { confirmSignature, guardianDecision, guardianRequest, type LinkOutcome } from "../services/petitions/signature-confirmation.js";
import { withdrawConsent } from "../services/people/consent-withdrawal.js";
import { verifyExpiringLink } from "../services/platform/signed-links.js";

const TEXT = {
  en: {
    confirmTitle: "Confirm your signature",
    confirmBody: (p: string) => `Confirm that you signed "${p}". It counts as soon as you do.`,
    confirmButton: "Confirm my signature",
    guardianTitle: (child: string) => `${child} asked to sign "${"{p}"}"`,
    guardianBody: "Agree, and the signature counts; refuse, and we erase the child's name, email and ZIP code, keeping only an anonymous count.",
    consent: "I agree: count the signature",
    refuse: "I do not agree: erase it",
    withdrawTitle: "Withdraw this consent?",
    withdrawBody: "You will get no more email from this organization about it. Your signature still counts.",
    withdrawButton: "Withdraw my consent",
    outcome: {
      confirmed: (p: string) => `Thank you: your signature on "${p}" counts.`,
      already_confirmed: (p: string) => `This signature on "${p}" was already confirmed. Nothing changed.`,
      refused: () => "The signature and the child's personal data are erased. Only an anonymous count remains.",
      expired: () => "This link has expired. Nothing changed.",
      invalid: () => "This link is not valid. Nothing changed.",
    },
    withdrawn: "Your consent is withdrawn.",
    alreadyWithdrawn: "This consent was already withdrawn. Nothing changed.",
  },
  es: {
    confirmTitle: "Confirma tu firma",
    confirmBody: (p: string) => `Confirma que firmaste «${p}». Cuenta en cuanto lo hagas.`,
    confirmButton: "Confirmar mi firma",
    guardianTitle: (child: string) => `${child} pidió firmar «${"{p}"}»`,
    guardianBody: "Si aceptas, la firma cuenta; si no, borramos el nombre, el correo y el código postal de la niña o el niño y solo guardamos un conteo anónimo.",
    consent: "Acepto: contar la firma",
    refuse: "No acepto: borrarla",
    withdrawTitle: "¿Retirar este consentimiento?",
    withdrawBody: "No recibirás más correos de esta organización sobre esto. Tu firma sigue contando.",
    withdrawButton: "Retirar mi consentimiento",
    outcome: {
      confirmed: (p: string) => `Gracias: tu firma en «${p}» cuenta.`,
      already_confirmed: (p: string) => `Esta firma en «${p}» ya estaba confirmada. No cambió nada.`,
      refused: () => "La firma y los datos personales de la niña o el niño se borraron. Solo queda un conteo anónimo.",
      expired: () => "Este enlace caducó. No cambió nada.",
      invalid: () => "Este enlace no es válido. No cambió nada.",
    },
    withdrawn: "Tu consentimiento se retiró.",
    alreadyWithdrawn: "Este consentimiento ya se había retirado. No cambió nada.",
  },
};
const textFor = (lang: "en" | "es") => TEXT[lang];

function answer(c: Context, outcome: LinkOutcome, locale: string | null, petition: string | null): Response {
  const lang = linkLocale(c, locale);
  const ok = outcome === "confirmed" || outcome === "already_confirmed" || outcome === "refused";
  return linkOutcome(c, textFor(lang).outcome[outcome](petition ?? ""), ok, lang);
}

/**
 * Emailed links about a signature: the signer's confirmation (double opt-in) and a parent's or
 * guardian's answer. A GET only shows the question (mail scanners prefetch links); the POST acts.
 */
export function signatureRoutes(db: Db, maxBodyBytes: number): Hono {
  const app = new Hono();

  app.get("/confirm", async (c) => {
    const token = c.req.query("token") ?? "";
    const id = await verifyExpiringLink(db, "confirm", token);
    if (!id || id === "expired") return answer(c, id === "expired" ? "expired" : "invalid", null, null);
    const row = (await db.query<{ locale: string; title: string; status: string }>("select s.locale, p.title, s.status from signatures s join petitions p on p.id = s.petition_id where s.id = $1", [id]))[0];
    if (!row) return answer(c, "invalid", null, null);
    if (row.status === "confirmed") return answer(c, "already_confirmed", row.locale, row.title);
    const lang = linkLocale(c, row.locale);
    const t = textFor(lang);
    return linkQuestion(c, t.confirmTitle, [t.confirmBody(row.title)], token, [{ value: "confirm", label: t.confirmButton }], lang);
  });

  app.post("/confirm", async (c) => {
    const { token } = await linkForm(c, maxBodyBytes);
    const result = await confirmSignature(db, token, publicBaseUrl(c));
    return answer(c, result.outcome, result.locale, result.petition);
  });

  app.get("/guardian", async (c) => {
    const token = c.req.query("token") ?? "";
    const request = await guardianRequest(db, token);
    if (request.outcome !== "confirmed") return answer(c, request.outcome, request.locale, request.petition);
    const lang = linkLocale(c, request.locale);
    const t = textFor(lang);
    const choices = [{ value: "consent", label: t.consent }, { value: "refuse", label: t.refuse }];
    if (c.req.query("decision") === "refuse") choices.reverse();
    return linkQuestion(c, t.guardianTitle(request.child ?? "").replace("{p}", request.petition ?? ""), [t.guardianBody], token, choices, lang);
  });

  app.post("/guardian", async (c) => {
    const { token, decision } = await linkForm(c, maxBodyBytes);
    const result = await guardianDecision(db, token, decision === "refuse" ? "refuse" : decision === "consent" ? "consent" : "");
    return answer(c, result.outcome, result.locale, result.petition);
  });

  return app;
}

/** /v1/consents/withdraw: the link in a thank-you email that withdraws one consent. */
export function consentRoutes(db: Db, maxBodyBytes: number): Hono {
  const app = new Hono();
  app.get("/withdraw", async (c) => {
    const token = c.req.query("token") ?? "";
    const id = await verifyExpiringLink(db, "withdraw-consent", token);
    if (!id || id === "expired") return answer(c, id === "expired" ? "expired" : "invalid", null, null);
    const lang = linkLocale(c, (await db.query<{ locale: string }>("select s.locale from consents co join signatures s on s.id = co.signature_id where co.id = $1", [id]))[0]?.locale);
    const t = textFor(lang);
    return linkQuestion(c, t.withdrawTitle, [t.withdrawBody], token, [{ value: "withdraw", label: t.withdrawButton }], lang);
  });
  app.post("/withdraw", async (c) => {
    const { token } = await linkForm(c, maxBodyBytes);
    const result = await withdrawConsent(db, token);
    if (result === "invalid" || result === "expired") return answer(c, result, null, null);
    const lang = linkLocale(c, result.locale);
    return linkOutcome(c, result.changed ? textFor(lang).withdrawn : textFor(lang).alreadyWithdrawn, true, lang);
  });
  return app;
}
