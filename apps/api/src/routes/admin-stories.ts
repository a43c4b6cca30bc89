import { Hono } from "hono";
import type { Db } from "../db/types.js";
import { adminWriter, requireAdmin } from "../http/admin-request.js";
import { listForModeration, moderateStory, storyDecisions } from "../services/stories/stories.js";

/** Organizer endpoints, authorized by a secret key scoped to the coalition. */
export function adminStoryRoutes(db: Db, maxBodyBytes: number): Hono {
  const app = new Hono();

  app.get("/", async (c) => c.json({ stories: await listForModeration(db, await requireAdmin(db, c), c.req.query("status")) }));

  // Who approved or rejected what, and when: newest first.
  app.get("/decisions", async (c) => c.json({ decisions: await storyDecisions(db, await requireAdmin(db, c)) }));

  app.post("/:id/moderation", (c) =>
    adminWriter(db, maxBodyBytes)(c, `admin:stories:moderate:${c.req.param("id")}`, {}, async (q, admin, data) => ({ status: 200, body: { story: await moderateStory(q, admin, c.req.param("id"), data) } })),
  );

  return app;
}
