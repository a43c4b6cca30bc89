import { Hono } from "hono";
import type { Db } from "../db/types.js";
import { adminWriter, requireAdmin } from "../http/admin-request.js";
import { createConnector, listConnectorDeliveries, listConnectorTodos, listConnectors, replaceConnectorKey } from "../services/connectors/connectors.js";
import { deleteWebhook } from "../services/webhooks/webhooks.js";

/**
 * /v1/admin/connectors: where the organization's consented contacts go — webhook endpoints and
 * OSDI endpoints (Action Network) — with each one's delivery log and, for OSDI, a replacement key
 * (which resumes a connector paused by a refused key) and the erasures left to do by hand.
 */
export function adminConnectorRoutes(db: Db, maxBodyBytes: number): Hono {
  const app = new Hono();
  const write = adminWriter(db, maxBodyBytes);

  app.get("/", async (c) => c.json({ connectors: await listConnectors(db, await requireAdmin(db, c)) }));
  app.post("/", (c) => write(c, "admin:connectors:create", {}, async (q, admin, data) => ({ status: 201, body: await createConnector(q, admin, data) })));
  app.put("/:id/key", (c) =>
    write(c, `admin:connectors:key:${c.req.param("id")}`, {}, async (q, admin, data) => ({ status: 200, body: { connector: await replaceConnectorKey(q, admin, c.req.param("id"), data) } })),
  );
  app.delete("/:id", (c) =>
    write(c, `admin:connectors:delete:${c.req.param("id")}`, { body: false }, async (q, admin) => {
      await deleteWebhook(q, admin, c.req.param("id"));
      return { status: 200, body: { deleted: true } };
    }),
  );
  app.get("/:id/deliveries", async (c) => c.json({ deliveries: await listConnectorDeliveries(db, await requireAdmin(db, c), c.req.param("id")) }));
  app.get("/:id/todos", async (c) => c.json({ todos: await listConnectorTodos(db, await requireAdmin(db, c), c.req.param("id")) }));
  return app;
}
