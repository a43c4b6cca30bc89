import { publicJson, publicRead } from "../http/public-read.js";
import { acceptPartnerWrite, optionalPartner, replyWritten, type WriteOptions } from "../http/partner-request.js";
import { Hono } from "hono";
import type { Db } from "../db/types.js";
import { ApiError } from "../services/errors.js";
import { findSurvey } from "../services/surveys/survey-queries.js";
import { surveyResults } from "../services/surveys/survey-results.js";
import { getSurvey, submitSurveyResponse } from "../services/surveys/surveys.js";
import { pickLocale } from "@coalition-kit/schema";

export function surveyRoutes(db: Db, options: WriteOptions): Hono {
  const app = new Hono();

  app.get("/:slug", publicRead(db), async (c) => {
    const partner = await optionalPartner(db, c);
    return publicJson(c, await getSurvey(db, c.req.param("slug"), partner, pickLocale(c.req.header("accept-language"))));
  });

  /** Public aggregates, only for surveys that publish them, in the viewer's language. */
  app.get("/:slug/results", publicRead(db, 60), async (c) => {
    const survey = await findSurvey(db, c.req.param("slug"));
    if (!survey || !survey.public_results) throw new ApiError("not_found");
    return publicJson(c, await surveyResults(db, survey, c.req.query("variant") || undefined, pickLocale(c.req.header("accept-language"))));
  });

  app.post("/:slug/responses", async (c) => {
    // Long-text answers need more room than a signature.
    const { data, writer } = await acceptPartnerWrite(db, c, options, `survey:${c.req.param("slug")}`, options.maxBodyBytes * 4);
    return replyWritten(c, await submitSurveyResponse(db, c.req.param("slug"), data, writer));
  });

  return app;
}
