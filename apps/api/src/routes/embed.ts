import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { Hono } from "hono";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};
/** Files whose name carries a content hash never change: cache them for a year. */
const HASHED = /\.[A-Za-z0-9_-]{8,}\.(?:m?js|css)(?:\.map)?$/;

/** Widget bundles for partner pages: /embed/v1/coalition-kit.js and friends. */
export function embedRoutes(embedDir: string): Hono {
  const app = new Hono();
  app.get("/*", async (c) => {
    const rel = normalize(decodeURIComponent(c.req.path.replace(/^\/embed\/v1\/?/, ""))).replace(/^([/\\])+/, "");
    const type = TYPES[extname(rel)];
    if (!rel || rel.startsWith("..") || !type) return c.json({ error: { code: "not_found", message: "We couldn't find that." } }, 404);
    const file = join(embedDir, rel);
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      const body = await readFile(file);
      return c.body(body, 200, {
        "Content-Type": type,
        "Access-Control-Allow-Origin": "*",
        "Cross-Origin-Resource-Policy": "cross-origin",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": HASHED.test(rel) ? "public, max-age=31536000, immutable" : "public, max-age=300",
      });
    } catch {
      return c.json({ error: { code: "not_found", message: "We couldn't find that." } }, 404);
    }
  });
  return app;
}
