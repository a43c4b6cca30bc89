// A tiny static server for the demo partner site. Plain HTML pages; `__CK_API__` and `__SITE__`
// placeholders are filled in so the pages work on whatever ports the demo runs on.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const PUBLIC_DIR = fileURLToPath(new URL("../public/", import.meta.url));
const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml", ".ico": "image/x-icon" };

/** The policy a cautious partner might set: only its own origin and the API, nothing inline. */
export function strictCsp(api) {
  return `default-src 'none'; script-src 'self' ${api}; connect-src ${api}; style-src 'self'; img-src 'self'; form-action ${api}; base-uri 'none'; frame-ancestors 'none'`;
}

/**
 * @param {{ port: number, host?: string, apiUrl: () => string }} options
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startStaticSite({ port, host = "127.0.0.1", apiUrl }) {
  let siteUrl = "";
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      // A browser that asks for /favicon.ico anyway gets the site's SVG icon.
      const rel = path === "/favicon.ico" ? "favicon.svg" : normalize(path === "/" ? "/index.html" : path).replace(/^[/\\]+/, "");
      const file = join(PUBLIC_DIR, rel);
      if (!file.startsWith(PUBLIC_DIR) || rel.split(sep).includes("..")) throw Object.assign(new Error("bad path"), { code: "ENOENT" });
      let body = rel === "frameworks/config.js" ? Buffer.from(`window.CK_API = ${JSON.stringify(apiUrl())};\n`) : await readFile(file);
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      if (extname(file) === ".html") {
        body = Buffer.from(body.toString("utf8").replaceAll("__CK_API__", apiUrl()).replaceAll("__SITE__", siteUrl));
      }
      const headers = { "Content-Type": type, "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff" };
      if (rel === "strict-csp.html") headers["Content-Security-Policy"] = strictCsp(apiUrl());
      res.writeHead(200, headers);
      res.end(body);
    } catch (error) {
      const missing = error && typeof error === "object" && "code" in error && (error.code === "ENOENT" || error.code === "EISDIR");
      res.writeHead(missing ? 404 : 500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(missing ? "Not found" : "Server error");
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  siteUrl = `http://${host}:${actualPort}`;
  return {
    url: siteUrl,
    port: actualPort,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
