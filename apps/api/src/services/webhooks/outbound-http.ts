// One HTTP request from the API to an address an organization gave (a webhook endpoint, a CRM):
// only ever to a public address, no redirects followed, a timeout, and at most the start of the
// answer read back.
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { blockedAddress, guardedLookup } from "./webhook-address.js";

/** How much of an answer is read (enough for a person resource or an error message). */
const MAX_ANSWER_BYTES = 64 * 1024;

export interface OutboundAnswer {
  status: number;
  /** The start of the answer's body, as text. */
  body: string;
}

/**
 * Send `body` to `url` and answer the status code and the start of the body. The connection goes
 * only to a public address: a literal IP is checked here, and a name on every address it resolves
 * to (guardedLookup). A refused address rejects with an error starting "refused: ".
 */
export function sendOutbound(
  method: "POST" | "DELETE",
  url: string,
  headers: Record<string, string>,
  body: string | undefined,
  options: { timeoutMs: number; allowLoopback: boolean; signal?: AbortSignal | undefined },
): Promise<OutboundAnswer> {
  const target = new URL(url);
  const literal = blockedAddress(target.hostname, options.allowLoopback);
  if (literal) return Promise.reject(new Error(`refused: ${target.hostname} is not a public address`));
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  const length = body === undefined ? {} : { "Content-Length": String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      { method, headers: { ...headers, ...length }, lookup: guardedLookup(options.allowLoopback), timeout: options.timeoutMs, ...(options.signal ? { signal: options.signal } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error(`no answer within ${options.timeoutMs} ms`), { name: "TimeoutError" })));
    req.on("error", reject);
    req.end(body);
  });
}
