import { Hono, type Context } from "hono";
import type { Db } from "../db/types.js";
import { linkForm, linkLocale, linkOutcome, linkQuestion } from "../http/link-page.js";
import type { LinkOutcome } from "../services/petitions/signature-confirmation.js";
import { storyGuardianDecision, storyGuardianRequest } from "../services/stories/story-guardian.js";

const TEXT = {
  en: {
    title: (child: string, campaign: string) => `${child} asked to share a story with "${campaign}"`,
    body: "Agree, and the organizers may read it and share it as your child chose; refuse, and we erase the story and everything that identifies your child, keeping only an anonymous count.",
    child: "Your child",
    consent: "I agree",
    refuse: "I do not agree: erase it",
    outcome: {
      confirmed: (c: string) => `Thank you: the organizers of "${c}" may now read the story.`,
      already_confirmed: (c: string) => `You already agreed to this story for "${c}". Nothing changed.`,
      refused: () => "The story and your child's personal data are erased. Only an anonymous count remains.",
      expired: () => "This link has expired. Nothing changed.",
      invalid: () => "This link is not valid. Nothing changed.",
    },
  },
  es: {
    title: (child: string, campaign: string) => `${child} pidió compartir una historia con «${campaign}»`,
    body: "Si aceptas, los organizadores pueden leerla y compartirla como eligió tu hija o hijo; si no, borramos la historia y todo lo que identifica a tu hija o hijo, y solo guardamos un conteo anónimo.",
    child: "Tu hija o hijo",
    consent: "Acepto",
    refuse: "No acepto: borrarla",
    outcome: {
      confirmed: (c: string) => `Gracias: los organizadores de «${c}» ya pueden leer la historia.`,
      already_confirmed: (c: string) => `Ya habías aceptado esta historia para «${c}». No cambió nada.`,
      refused: () => "La historia y los datos personales de tu hija o hijo se borraron. Solo queda un conteo anónimo.",
      expired: () => "Este enlace caducó. No cambió nada.",
      invalid: () => "Este enlace no es válido. No cambió nada.",
    },
  },
};

function answer(c: Context, outcome: LinkOutcome, locale: string | null, campaign: string | null): Response {
  const lang = linkLocale(c, locale);
  const ok = outcome === "confirmed" || outcome === "already_confirmed" || outcome === "refused";
  return linkOutcome(c, TEXT[lang].outcome[outcome](campaign ?? ""), ok, lang);
}

/**
 * /v1/stories/guardian: a parent's or guardian's answer about a story by a child under 13. The GET
 * only shows the question (mail scanners prefetch links); the POST acts.
 */
export function storyGuardianRoutes(db: Db, maxBodyBytes: number): Hono {
  const app = new Hono();

  app.get("/", async (c) => {
    const token = c.req.query("token") ?? "";
    const request = await storyGuardianRequest(db, token);
    if (request.outcome !== "confirmed") return answer(c, request.outcome, request.locale, request.petition);
    const lang = linkLocale(c, request.locale);
    const t = TEXT[lang];
    const choices = [{ value: "consent", label: t.consent }, { value: "refuse", label: t.refuse }];
    if (c.req.query("decision") === "refuse") choices.reverse();
    return linkQuestion(c, t.title(request.child ?? t.child, request.petition ?? ""), [t.body], token, choices, lang);
  });

  app.post("/", async (c) => {
    const { token, decision } = await linkForm(c, maxBodyBytes);
    const result = await storyGuardianDecision(db, token, decision);
    return answer(c, result.outcome, result.locale, result.petition);
  });

  return app;
}
