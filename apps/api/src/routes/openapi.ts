import { Hono } from "hono";
import { publicBaseUrl } from "../http/base-url.js";
import { openApiDocument, type OpenApiDocument } from "../openapi/document.js";

/** GET /v1/openapi.json: the OpenAPI 3.1 document, generated from the same zod schemas the routes use. */
export function openApiRoutes(): Hono {
  const app = new Hono();
  // Generated once; only the server address differs per request (it follows the public URL).
  let document: OpenApiDocument | undefined;
  app.get("/", (c) => {
    document ??= openApiDocument("/");
    const body = JSON.stringify({ ...document, servers: [{ url: publicBaseUrl(c) }] });
    return c.body(body, 200, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" });
  });
  return app;
}
