import { Hono } from "hono";
import type { Db } from "../db/types.js";
import { adminWriter, requireAdmin } from "../http/admin-request.js";
import { listMeetings, saveMeeting } from "../services/meetings/admin-meetings.js";
import { listSurveys, saveSurvey } from "../services/surveys/admin-surveys.js";
import { listRegistrations, listTrainings, saveTrainingSeries } from "../services/trainings/admin-trainings.js";
import { getTrainingSeries } from "../services/trainings/training-detail.js";
import { getMeeting } from "../services/meetings/meeting-detail.js";
import { getSurvey } from "../services/surveys/survey-detail.js";
import { changeMeetingWeek, restoreMeetingWeek } from "../services/meetings/admin-meeting-weeks.js";
import { changeTrainingSession } from "../services/trainings/admin-sessions.js";
import type { Clock } from "../services/platform/rate-limit.js";

/**
 * /v1/admin/{trainings,surveys,meetings}: list with numbers, read one as saved (GET, to edit it), create-or-change by address (PUT), and
 * change one training session (PATCH) or one meeting week (PUT, DELETE to undo), which email the
 * people they affect (so they need an Idempotency-Key).
 */
export function adminCampaignRoutes(db: Db, maxBodyBytes: number, clock: Clock = () => new Date()): Hono {
  const app = new Hono();
  const write = adminWriter(db, maxBodyBytes);
  const coalitionOnly = { coalitionOnly: true };
  const notifying = { coalitionOnly: true, requireKey: true };
  const saved = (result: { created: boolean }) => ({ status: result.created ? 201 : 200, body: result });

  app.get("/trainings", async (c) => c.json(await listTrainings(db, await requireAdmin(db, c, coalitionOnly))));
  app.get("/trainings/:slug", async (c) => c.json(await getTrainingSeries(db, await requireAdmin(db, c, coalitionOnly), c.req.param("slug"), clock())));
  app.get("/trainings/:slug/registrations", async (c) => c.json(await listRegistrations(db, await requireAdmin(db, c, coalitionOnly), c.req.param("slug"))));
  app.put("/trainings/:slug", (c) => write(c, `admin:trainings:${c.req.param("slug")}`, coalitionOnly, async (q, admin, data) => saved(await saveTrainingSeries(q, admin, c.req.param("slug"), data))));
  app.patch("/trainings/:slug/sessions/:key", (c) => {
    const { slug, key } = c.req.param();
    return write(c, `admin:trainings:${slug}:sessions:${key}`, notifying, async (q, admin, data) => ({ status: 200, body: await changeTrainingSession(q, admin, slug, key, data) }));
  });

  app.get("/surveys", async (c) => c.json(await listSurveys(db, await requireAdmin(db, c, coalitionOnly))));
  app.get("/surveys/:slug", async (c) => c.json(await getSurvey(db, await requireAdmin(db, c, coalitionOnly), c.req.param("slug"))));
  app.put("/surveys/:slug", (c) => write(c, `admin:surveys:${c.req.param("slug")}`, coalitionOnly, async (q, admin, data) => saved(await saveSurvey(q, admin, c.req.param("slug"), data))));

  app.get("/meetings", async (c) => c.json(await listMeetings(db, await requireAdmin(db, c, coalitionOnly))));
  app.get("/meetings/:slug", async (c) => c.json(await getMeeting(db, await requireAdmin(db, c, coalitionOnly), c.req.param("slug"))));
  app.put("/meetings/:slug", (c) => write(c, `admin:meetings:${c.req.param("slug")}`, coalitionOnly, async (q, admin, data) => saved(await saveMeeting(q, admin, c.req.param("slug"), data))));
  app.put("/meetings/:slug/weeks/:date", (c) => {
    const { slug, date } = c.req.param();
    return write(c, `admin:meetings:${slug}:weeks:${date}`, notifying, async (q, admin, data) => ({ status: 200, body: await changeMeetingWeek(q, admin, slug, date, data) }));
  });
  app.delete("/meetings/:slug/weeks/:date", (c) => {
    const { slug, date } = c.req.param();
    return write(c, `admin:meetings:${slug}:weeks:${date}:restore`, { ...notifying, body: false }, async (q, admin) => ({ status: 200, body: await restoreMeetingWeek(q, admin, slug, date) }));
  });

  return app;
}
