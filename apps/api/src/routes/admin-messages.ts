import { Hono } from "hono";
import type { Db } from "../db/types.js";
import { adminWriter, requireAdmin } from "../http/admin-request.js";
import { listMessages, listSuppressions, resendMessage } from "../services/messages/message-log.js";
import { csvRow, UTF8_BOM } from "../services/platform/csv.js";

/**
 * /v1/admin/messages: what was sent, queued or failed (and why), per campaign or person; resend
 * one; the coalition's suppression list (JSON and CSV).
 */
export function adminMessageRoutes(db: Db, maxBodyBytes: number): Hono {
  const app = new Hono();
  const write = adminWriter(db, maxBodyBytes);
  const coalitionOnly = { coalitionOnly: true };

  app.get("/", async (c) => {
    const admin = await requireAdmin(db, c, coalitionOnly);
    return c.json(await listMessages(db, admin, { campaign: c.req.query("campaign") || undefined, email: c.req.query("email") || undefined, status: c.req.query("status") || undefined }));
  });

  app.get("/suppressions", async (c) => c.json(await listSuppressions(db, await requireAdmin(db, c, coalitionOnly))));
  app.get("/suppressions.csv", async (c) => {
    const { suppressions } = await listSuppressions(db, await requireAdmin(db, c, coalitionOnly));
    const rows = suppressions.map((s) => csvRow([s.email, s.reason, s.since], new Set([0]))).join("");
    return c.body(`${UTF8_BOM}${csvRow(["email", "reason", "since"])}${rows}`, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="suppressions.csv"',
      "Cache-Control": "no-store",
    });
  });

  app.post("/:id/resend", (c) => write(c, `admin:messages:resend:${c.req.param("id")}`, { ...coalitionOnly, body: false }, async (q, admin) => ({ status: 201, body: await resendMessage(q, admin, c.req.param("id")) })));

  return app;
}
