import { Hono, type Context } from "hono";
import type { Db } from "../db/types.js";
import { requireAdmin } from "../http/admin-request.js";
import { ApiError, validationError } from "../services/errors.js";
import { findSurvey } from "../services/surveys/survey-queries.js";
import { surveyResults } from "../services/surveys/survey-results.js";
import { isFeedbackSession, responsesCsv } from "../services/surveys/surveys.js";
import { SURVEY_SESSION_MESSAGE, SessionId, pickLocale } from "@coalition-kit/schema";

/** Organizer access to a coalition's survey: aggregates (even when not public, per training session with ?session=) and the CSV export. */
export function adminSurveyRoutes(db: Db): Hono {
  const app = new Hono();

  async function ownSurvey(c: Context, slug: string) {
    const admin = await requireAdmin(db, c);
    const survey = await findSurvey(db, slug);
    if (!survey || survey.coalition_id !== admin.organizationId) throw new ApiError("not_found");
    return survey;
  }

  app.get("/:slug/results", async (c) => {
    const survey = await ownSurvey(c, c.req.param("slug"));
    // ?session=<id>: only the feedback given for one training session (with the same suppression).
    const session = c.req.query("session") || undefined;
    if (session && !(SessionId.safeParse(session).success && (await isFeedbackSession(db, survey.id, session)))) throw validationError({ session: SURVEY_SESSION_MESSAGE });
    return c.json(await surveyResults(db, survey, c.req.query("variant") || undefined, pickLocale(c.req.header("accept-language")), session));
  });

  app.get("/:slug/responses.csv", async (c) => {
    const survey = await ownSurvey(c, c.req.param("slug"));
    return c.body(responsesCsv(db, survey), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${survey.slug}-responses.csv"`,
      "Cache-Control": "no-store",
    });
  });

  return app;
}
