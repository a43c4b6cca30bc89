// The floor to compare the API against: bare Hono, parse JSON, one INSERT, answer 201. Same
// database driver and the same database kind as the API in the same run (CK_DATA_DIR or DATABASE_URL).
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { openDb } from "@coalition-kit/api";

const db = await openDb();
await db.query("create table if not exists baseline_signatures (id uuid primary key default gen_random_uuid(), email text not null, created_at timestamptz not null default now())");
const app = new Hono();
app.post("/sign", async (c) => {
  const body = await c.req.json();
  await db.query("insert into baseline_signatures (email) values ($1)", [String(body.email)]);
  return c.json({ status: "signed" }, 201);
});
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: "127.0.0.1" }, (info) => console.log(`Baseline on http://127.0.0.1:${info.port}`));
process.on("SIGTERM", () => server.close(() => db.close().then(() => process.exit(0))));
