import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { Hono } from "hono";
import { staticFile } from "../http/static-path.js";

/**
 * The organizer console (apps/admin, built) at /admin/, on the API's own origin: the secret key only
 * ever goes to this origin, and a strict policy allows nothing inline and no other hosts.
 */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export function adminConsoleRoutes(dir: string): Hono {
  const app = new Hono();
  app.get("/", (c) => c.redirect("/admin/", 301));
  app.get("/*", async (c) => {
    const found = c.req.path === "/admin/" ? { file: join(dir, "index.html"), rel: "index.html", type: "text/html; charset=utf-8" } : staticFile(dir, c.req.path, /^\/admin\/?/);
    const notFound = () => c.text("Not found", 404);
    if (!found) return notFound();
    try {
      if (!(await stat(found.file)).isFile()) return notFound();
      return c.body(await readFile(found.file), 200, {
        "Content-Type": found.type,
        "Content-Security-Policy": CSP,
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": found.rel.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      });
    } catch {
      return notFound();
    }
  });
  return app;
}
