import { Hono } from "hono";
import type { Db } from "../db/types.js";
import { readBody } from "../http/body.js";
import { clientIp } from "../http/client-ip.js";
import { ApiError } from "../http/errors.js";
import { resolvePartner } from "../http/partner.js";
import { validIdempotencyKey } from "../services/idempotency.js";
import { enforceRateLimit, ipBucket } from "../services/rate-limit.js";
import { findSurvey } from "../services/survey-queries.js";
import { surveyResults } from "../services/survey-results.js";
import { getSurvey, submitSurveyResponse } from "../services/surveys.js";
import type { PetitionRouteOptions } from "./petitions.js";

export function surveyRoutes(db: Db, options: PetitionRouteOptions): Hono {
  const app = new Hono();

  app.get("/:slug", async (c) => {
    const key = c.req.header("x-partner-key") ?? c.req.query("key");
    const partner = key === undefined ? undefined : await resolvePartner(db, key, c.req.header("origin"));
    return c.json(await getSurvey(db, c.req.param("slug"), partner));
  });

  /** Public aggregates, only for surveys that publish them. */
  app.get("/:slug/results", async (c) => {
    const survey = await findSurvey(db, c.req.param("slug"));
    if (!survey || !survey.public_results) throw new ApiError("not_found");
    c.header("Cache-Control", "public, max-age=0, s-maxage=60");
    return c.json(await surveyResults(db, survey, c.req.query("variant") || undefined));
  });

  app.post("/:slug/responses", async (c) => {
    const body = await readBody(c, options.maxBodyBytes * 4);
    if (body.format !== "json") throw new ApiError("unsupported_media_type");
    const partner = await resolvePartner(db, c.req.header("x-partner-key") ?? c.req.query("key"), c.req.header("origin"));
    const idempotencyKey = validIdempotencyKey(c.req.header("idempotency-key"));
    await enforceRateLimit(db, await ipBucket(db, `survey:${c.req.param("slug")}`, clientIp(c, options.trustProxy)), options.signaturesPerMinute);
    const outcome = await submitSurveyResponse(db, c.req.param("slug"), partner, body.data, idempotencyKey);
    if (outcome.replayed) c.header("Idempotent-Replayed", "true");
    return c.json(outcome.body, 201);
  });

  return app;
}
