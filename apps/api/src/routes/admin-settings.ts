import { Hono } from "hono";
import { SettingsPatch } from "@coalition-kit/schema";
import type { Db } from "../db/types.js";
import { adminWriter, requireAdmin } from "../http/admin-request.js";
import { parseOrReject, validationError } from "../services/errors.js";
import { changeSettings, readSettings } from "../services/retention/settings.js";

/** /v1/admin/settings: the coalition's retention period and organizer digest, and when they run. */
export function adminSettingsRoutes(db: Db, maxBodyBytes: number): Hono {
  const app = new Hono();
  const write = adminWriter(db, maxBodyBytes);
  const coalitionOnly = { coalitionOnly: true };

  app.get("/settings", async (c) => c.json({ settings: await readSettings(db, (await requireAdmin(db, c, coalitionOnly)).organizationId) }));
  app.patch("/settings", (c) =>
    write(c, "admin:settings:patch", coalitionOnly, async (q, admin, data) => {
      const result = await changeSettings(q, admin.organizationId, parseOrReject(SettingsPatch, data));
      if ("fields" in result) throw validationError(result.fields);
      return { status: 200, body: result };
    }),
  );

  return app;
}
