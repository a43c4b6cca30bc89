import { publicJson, publicRead } from "../http/public-read.js";
import { Hono } from "hono";
import type { Db } from "../db/types.js";
import { readBody, type ParsedBody } from "../http/body.js";
import { ApiError } from "../services/errors.js";
import { errorPage, thankYouPage } from "../http/html.js";
import { admitPartnerWrite, optionalPartner, type WriteOptions } from "../http/partner-request.js";
import { getPetition, getStats, signPetition } from "../services/petitions/petitions.js";
import { IDEMPOTENT_REPLAYED_HEADER, pickLocale } from "@coalition-kit/schema";

/** /v1/petitions: read one (optionally as a partner), its live totals, and sign it by JSON or by the no-JS form. */
export function petitionRoutes(db: Db, options: WriteOptions): Hono {
  const app = new Hono();

  app.get("/:slug", publicRead(db), async (c) => {
    const partner = await optionalPartner(db, c);
    return publicJson(c, await getPetition(db, c.req.param("slug"), partner, pickLocale(c.req.header("accept-language"))));
  });

  app.get("/:slug/stats", publicRead(db), async (c) => {
    return publicJson(c, { stats: await getStats(db, c.req.param("slug")) });
  });

  app.post("/:slug/signatures", async (c) => {
    const slug = c.req.param("slug");
    // JSON from the widget, or the no-JS fallback form (answered with pages): the same partner gate.
    let body: ParsedBody | undefined;
    try {
      body = await readBody(c, options.maxBodyBytes);
      const { data, writer, form } = await admitPartnerWrite(db, c, options, `sign:${slug}`, body);
      const { partner } = writer;
      const outcome = await signPetition(db, slug, data, writer);
      if (outcome.replayed) c.header(IDEMPOTENT_REPLAYED_HEADER, "true");
      if (form) {
        const target = safeReturnUrl(form.return_to, partner.allowedOrigins);
        if (target) {
          target.searchParams.set("ck_signed", "1");
          return c.redirect(target.toString(), 303);
        }
        return c.html(thankYouPage(outcome.body.status === "already_signed", undefined), outcome.status);
      }
      return c.json(outcome.body, outcome.status);
    } catch (error) {
      if (body?.format === "form" && error instanceof ApiError) {
        const back = safeReturnUrl(c.req.header("referer"), "any");
        for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
        return c.html(errorPage(error.message, error.fields, back?.toString()), error.status as 400);
      }
      throw error;
    }
  });

  return app;
}

/** A URL to send the visitor back to: only http(s), and only on the allowed origins unless "any". */
function safeReturnUrl(raw: string | undefined, allowedOrigins: readonly string[] | "any"): URL | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
    if (allowedOrigins !== "any" && !allowedOrigins.includes(url.origin)) return undefined;
    return url;
  } catch {
    return undefined;
  }
}
