import { Readable } from "node:stream";
import type { Context } from "hono";
import { CONTROL_CHARACTERS, CONTROL_CHARACTER_MESSAGE } from "@coalition-kit/schema";
import { ApiError, validationError } from "../services/errors.js";

export type BodyFormat = "json" | "form";
export interface ParsedBody {
  format: BodyFormat;
  data: Record<string, unknown>;
}

/**
 * Read a JSON or form-encoded body, refusing oversize bodies and anything that is not an object.
 * Never throws anything but ApiError, so bad input is always a 4xx.
 */
export async function readBody(c: Context, maxBytes: number): Promise<ParsedBody> {
  const declared = Number(c.req.header("content-length") ?? 0);
  if (declared > maxBytes) throw new ApiError("payload_too_large");
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const format: BodyFormat | undefined = type === "application/json" ? "json" : type === "application/x-www-form-urlencoded" ? "form" : undefined;
  if (!format) throw new ApiError("unsupported_media_type");

  const raw = await readLimited(nodeRequest(c) ?? c.req.raw, maxBytes);
  if (format === "form") {
    const data: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(raw)) data[key] = value;
    refuseControlCharacters(data);
    return { format, data };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw validationError({ _form: "The request body is not valid JSON." });
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw validationError({ _form: "The request body must be a JSON object." });
  }
  refuseControlCharacters(parsed as Record<string, unknown>);
  return { format, data: parsed as Record<string, unknown> };
}

/**
 * Refuse a NUL or other control character anywhere in the body, with a field error at its path
 * ("answers.q1"), before any schema or database sees it (PostgreSQL refuses NUL in text).
 */
function refuseControlCharacters(data: Record<string, unknown>): void {
  const fields: Record<string, string> = {};
  const visit = (value: unknown, path: string[], depth: number) => {
    if (typeof value === "string") {
      if (CONTROL_CHARACTERS.test(value)) fields[path.join(".") || "_form"] ??= CONTROL_CHARACTER_MESSAGE;
    } else if (value && typeof value === "object" && depth < 8) {
      for (const [key, inner] of Object.entries(value)) visit(inner, [...path, key], depth + 1);
    }
  };
  for (const [key, value] of Object.entries(data)) {
    if (CONTROL_CHARACTERS.test(key)) fields._form ??= CONTROL_CHARACTER_MESSAGE;
    visit(value, [key], 0);
  }
  if (Object.keys(fields).length) throw validationError(fields);
}

/**
 * The Node.js request under @hono/node-server (`c.env.incoming`), while its body is unread. Read
 * from it directly, a body costs no WHATWG Request, AbortController and web stream around it
 * (about a tenth of the API's CPU per signature in a profile of the signing bench). Undefined
 * elsewhere (app.request in tests, other runtimes): then the body is read from c.req.raw.
 */
export function nodeRequest(c: Context): Readable | undefined {
  const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming;
  return incoming instanceof Readable && !incoming.readableEnded && !incoming.readableDidRead ? incoming : undefined;
}

/** A body of at most maxBytes as UTF-8 text (payload_too_large past it), from a web Request or a Node.js request. */
export async function readLimited(request: Request | Readable, maxBytes: number): Promise<string> {
  const bytes = request instanceof Readable ? await readNodeLimited(request, maxBytes) : await readWebLimited(request, maxBytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw validationError({ _form: "The request body must be UTF-8 text." });
  }
}

async function readWebLimited(request: Request, maxBytes: number): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ApiError("payload_too_large");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** As readWebLimited, from the Node.js stream; past maxBytes the rest is left unread (Node.js discards it once the 413 is sent). */
function readNodeLimited(incoming: Readable, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      incoming.off("data", onData).off("end", onEnd).off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBytes) {
        done();
        reject(new ApiError("payload_too_large"));
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    incoming.on("data", onData).once("end", onEnd).once("error", onError);
  });
}
