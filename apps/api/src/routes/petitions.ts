import { Hono } from "hono";
import type { Db } from "../db/types.js";
import { readBody } from "../http/body.js";
import { clientIp } from "../http/client-ip.js";
import { ApiError } from "../http/errors.js";
import { errorPage, thankYouPage } from "../http/html.js";
import { resolvePartner } from "../http/partner.js";
import { optionalPartner, type WriteOptions } from "../http/partner-request.js";
import { validIdempotencyKey } from "../services/idempotency.js";
import { getPetition, getStats, signPetition } from "../services/petitions.js";
import { enforceRateLimit, ipBucket } from "../services/rate-limit.js";

/** Fields only the no-JS form sends; they are not part of the signature. */
const FORM_CONTROL_FIELDS = ["partner_key", "idempotency_key", "return_to"] as const;

export function petitionRoutes(db: Db, options: WriteOptions): Hono {
  const app = new Hono();

  app.get("/:slug", async (c) => {
    const partner = await optionalPartner(db, c);
    c.header("Cache-Control", "no-store");
    return c.json(await getPetition(db, c.req.param("slug"), partner));
  });

  app.get("/:slug/stats", async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json({ stats: await getStats(db, c.req.param("slug")) });
  });

  app.post("/:slug/signatures", async (c) => {
    const slug = c.req.param("slug");
    let body: Awaited<ReturnType<typeof readBody>> | undefined;
    try {
      body = await readBody(c, options.maxBodyBytes);
      const form = body.format === "form" ? takeFormControls(body.data) : undefined;
      const partner = await resolvePartner(db, form?.partner_key ?? c.req.header("x-partner-key") ?? c.req.query("key"), c.req.header("origin"));
      const idempotencyKey = validIdempotencyKey(c.req.header("idempotency-key") ?? form?.idempotency_key);
      await enforceRateLimit(db, await ipBucket(db, `sign:${slug}`, clientIp(c, options.trustProxy)), options.signaturesPerMinute);

      const outcome = await signPetition(db, slug, partner, body.data, idempotencyKey);
      if (outcome.replayed) c.header("Idempotent-Replayed", "true");
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

function takeFormControls(data: Record<string, unknown>): Partial<Record<(typeof FORM_CONTROL_FIELDS)[number], string>> {
  const out: Partial<Record<(typeof FORM_CONTROL_FIELDS)[number], string>> = {};
  for (const name of FORM_CONTROL_FIELDS) {
    const value = data[name];
    if (typeof value === "string" && value !== "") out[name] = value;
    delete data[name];
  }
  return out;
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
