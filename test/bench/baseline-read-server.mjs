// The floor for reads: bare Hono answering a constant JSON body (the petition read's own bytes,
// from CK_BASELINE_BODY), no database.
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const body = process.env.CK_BASELINE_BODY ?? "{}";
const app = new Hono();
app.get("/read", (c) => c.body(body, 200, { "Content-Type": "application/json" }));
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: "127.0.0.1" }, (info) => console.log(`Baseline on http://127.0.0.1:${info.port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
