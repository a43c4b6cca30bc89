import { extname, join, normalize } from "node:path";

export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** The file under `dir` a request path names (after `prefix`), or undefined for traversal and unknown types. */
export function staticFile(dir: string, path: string, prefix: RegExp): { file: string; rel: string; type: string } | undefined {
  let rel: string;
  try {
    rel = normalize(decodeURIComponent(path.replace(prefix, ""))).replace(/^([/\\])+/, "");
  } catch {
    return undefined;
  }
  const type = CONTENT_TYPES[extname(rel)];
  if (!rel || rel.startsWith("..") || !type) return undefined;
  return { file: join(dir, rel), rel, type };
}
