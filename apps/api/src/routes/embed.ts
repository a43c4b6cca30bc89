import { readFile, stat } from "node:fs/promises";
import { Hono } from "hono";
import { staticFile } from "../http/static-path.js";
/** Files whose name carries a content hash never change: cache them for a year. */
const HASHED = /\.[A-Za-z0-9_-]{8,}\.(?:m?js|css)(?:\.map)?$/;

/** Precompressed copies the embed build writes next to each script, best first. */
const ENCODINGS = [
  ["br", ".br"],
  ["gzip", ".gz"],
] as const;

/** The best precompressed copy of `file` this browser accepts, if the build made one. */
async function compressed(file: string, acceptEncoding: string | undefined) {
  const accepted = (acceptEncoding ?? "").split(",").map((part) => part.trim().split(";")[0]!.toLowerCase());
  for (const [encoding, suffix] of ENCODINGS) {
    if (!accepted.includes(encoding)) continue;
    try {
      return { encoding, body: await readFile(file + suffix) };
    } catch {
      // no precompressed copy of this file: try the next encoding
    }
  }
  return undefined;
}

/** Widget bundles for partner pages: /embed/v1/coalition-kit.js and friends, brotli or gzip when accepted. */
export function embedRoutes(embedDir: string): Hono {
  const app = new Hono();
  app.get("/*", async (c) => {
    const found = staticFile(embedDir, c.req.path, /^\/embed\/v1\/?/);
    if (!found || found.type.startsWith("text/html")) return c.json({ error: { code: "not_found", message: "We couldn't find that." } }, 404);
    const { file, rel, type } = found;
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      const packed = type.startsWith("text/javascript") ? await compressed(file, c.req.header("accept-encoding")) : undefined;
      const body = packed?.body ?? (await readFile(file));
      return c.body(body, 200, {
        ...(packed ? { "Content-Encoding": packed.encoding } : {}),
        Vary: "Accept-Encoding",
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
