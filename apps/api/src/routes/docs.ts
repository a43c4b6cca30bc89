import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { Hono } from "hono";
import { compress } from "hono/compress";
import { escapeHtml } from "../http/html.js";

/** Scalar's standalone bundle, from the installed package (served by the API, never from a CDN). */
const SCALAR_JS = new URL("./browser/standalone.js", `file://${createRequire(import.meta.url).resolve("@scalar/api-reference")}`);

/** Scalar's settings, read from the page's data attribute (no inline script): no web fonts, no outside calls. */
const CONFIGURATION = JSON.stringify({ withDefaultFonts: false, hideClientButton: false, telemetry: false, agent: { disabled: true }, mcp: { disabled: true } });

/**
 * The policy of /docs, like the console's (/admin/): scripts only from this origin, none inline, no
 * eval, no other hosts. Styles may be inline: Scalar writes several <style> elements and style
 * attributes of its own, and a style cannot run code.
 */
export const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** /docs: the interactive reference of /v1/openapi.json (Scalar), and its script at /docs/scalar.js. */
export function docsRoutes(): Hono {
  const app = new Hono();
  let script: Promise<Buffer> | undefined;

  app.get("/", (c) => {
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Coalition Kit API reference</title></head><body><div id="api-reference" data-url="/v1/openapi.json" data-configuration="${escapeHtml(CONFIGURATION)}"></div><script src="/docs/scalar.js"></script></body></html>`;
    return c.body(page, 200, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": DOCS_CSP,
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "no-cache",
    });
  });

  app.get("/scalar.js", compress(), async (c) => {
    script ??= readFile(SCALAR_JS);
    return c.body(new Uint8Array(await script), 200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=3600" });
  });

  return app;
}
