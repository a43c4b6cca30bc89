import { Hono } from "hono";
import { publicBaseUrl } from "../http/base-url.js";
import { openApiDocument } from "../openapi/document.js";

/** GET /v1/openapi.json: the OpenAPI 3.1 document, generated from the same zod schemas the routes use. */
export function openApiRoutes(): Hono {
  const app = new Hono();
  const documents = new Map<string, string>();
  app.get("/", (c) => {
    const base = publicBaseUrl(c);
    let body = documents.get(base);
    if (!body) documents.set(base, (body = JSON.stringify(openApiDocument(base))));
    return c.body(body, 200, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" });
  });
  return app;
}
