import type { Context } from "hono";
import { pickLocale } from "@coalition-kit/schema";
import { readBody } from "./body.js";
import { choicePage, outcomePage } from "./html.js";

/** The page language for an emailed link: the person's own, else the link's `lang`, else the browser's. */
export function linkLocale(c: Context, known: string | null | undefined): "en" | "es" {
  if (known) return known.startsWith("es") ? "es" : "en";
  const asked = c.req.query("lang");
  if (asked === "es" || asked === "en") return asked;
  return pickLocale(c.req.header("accept-language"));
}

/** A page answering an emailed link: never cached (it is personal). Failed links answer 400. */
export function linkOutcome(c: Context, message: string, ok: boolean, lang: "en" | "es"): Response {
  c.header("Cache-Control", "no-store");
  return c.html(outcomePage(message, ok, lang), ok ? 200 : 400);
}

/** The question an emailed link asks before it acts (a GET must change nothing: mail scanners prefetch links). */
export function linkQuestion(c: Context, title: string, paragraphs: string[], token: string, choices: Array<{ value: string; label: string }>, lang: "en" | "es"): Response {
  c.header("Cache-Control", "no-store");
  return c.html(choicePage(title, paragraphs, token, choices, lang));
}

/** The token and decision an emailed link's form posts (or the token in its address). */
export async function linkForm(c: Context, maxBodyBytes: number): Promise<{ token: string; decision: string }> {
  const body = await readBody(c, maxBodyBytes).catch(() => ({ data: {} as Record<string, unknown> }));
  const field = (name: string) => (typeof body.data[name] === "string" ? (body.data[name] as string) : "");
  return { token: field("token") || (c.req.query("token") ?? ""), decision: field("decision") };
}
