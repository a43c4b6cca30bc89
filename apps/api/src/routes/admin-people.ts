import { Hono } from "hono";
import type { Db } from "../db/types.js";
import { adminWriter, requireAdmin } from "../http/admin-request.js";
import { deletePerson, exportPerson } from "../services/people/people-requests.js";

/** /v1/admin/people: data subject requests (export, erase) across the coalition's campaigns. */
export function adminPeopleRoutes(db: Db, maxBodyBytes: number): Hono {
  const app = new Hono();
  const write = adminWriter(db, maxBodyBytes);

  app.get("/", async (c) => c.json(await exportPerson(db, await requireAdmin(db, c, { coalitionOnly: true }), { email: c.req.query("email") })));
  // POST, not DELETE with a body: proxies drop DELETE bodies. All or nothing, in the write's transaction.
  app.post("/erase", (c) => write(c, "admin:people:erase", { coalitionOnly: true }, async (q, admin, data) => ({ status: 200, body: await deletePerson(q, admin, data) })));

  return app;
}
