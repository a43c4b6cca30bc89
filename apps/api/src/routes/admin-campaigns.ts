import { Hono } from "hono";
import type { Db } from "../db/types.js";
import { adminWriter, requireAdmin } from "../http/admin-request.js";
import { listMeetings, listRegistrations, listSurveys, listTrainings } from "../services/admin-campaign-lists.js";
import { saveMeeting, saveSurvey, saveTrainingSeries } from "../services/admin-campaigns.js";

/** /v1/admin/{trainings,surveys,meetings}: list with numbers, and create-or-change by address (PUT). */
export function adminCampaignRoutes(db: Db, maxBodyBytes: number): Hono {
  const app = new Hono();
  const write = adminWriter(db, maxBodyBytes);
  const coalitionOnly = { coalitionOnly: true };
  const saved = (result: { created: boolean }) => ({ status: result.created ? 201 : 200, body: result });

  app.get("/trainings", async (c) => c.json(await listTrainings(db, await requireAdmin(db, c, coalitionOnly))));
  app.get("/trainings/:slug/registrations", async (c) => c.json(await listRegistrations(db, await requireAdmin(db, c, coalitionOnly), c.req.param("slug"))));
  app.put("/trainings/:slug", (c) => write(c, `admin:trainings:${c.req.param("slug")}`, coalitionOnly, async (q, admin, data) => saved(await saveTrainingSeries(q, admin, c.req.param("slug"), data))));

  app.get("/surveys", async (c) => c.json(await listSurveys(db, await requireAdmin(db, c, coalitionOnly))));
  app.put("/surveys/:slug", (c) => write(c, `admin:surveys:${c.req.param("slug")}`, coalitionOnly, async (q, admin, data) => saved(await saveSurvey(q, admin, c.req.param("slug"), data))));

  app.get("/meetings", async (c) => c.json(await listMeetings(db, await requireAdmin(db, c, coalitionOnly))));
  app.put("/meetings/:slug", (c) => write(c, `admin:meetings:${c.req.param("slug")}`, coalitionOnly, async (q, admin, data) => saved(await saveMeeting(q, admin, c.req.param("slug"), data))));

  return app;
}
