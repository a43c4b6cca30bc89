import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedHook {
  /** The request's headers, lower-case names (webhook-id, webhook-timestamp, webhook-signature…). */
  headers: Record<string, string>;
  /** The deprecated `CK-Signature` header, still sent beside the standard ones. */
  signature: string;
  /** The raw body, exactly as received. */
  body: string;
}

/** A webhook receiver on loopback: answers 204 and keeps every delivery (headers and raw body). */
export async function startWebhookReceiver(): Promise<{ url: string; received: ReceivedHook[]; waitFor(match: (hook: ReceivedHook) => boolean, timeoutMs?: number): Promise<ReceivedHook | undefined>; close(): void }> {
  const received: ReceivedHook[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : String(value ?? "")]));
      received.push({ headers, signature: headers["ck-signature"] ?? "", body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/ck`,
    received,
    async waitFor(match, timeoutMs = 30_000) {
      for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
        const hook = received.find(match);
        if (hook) return hook;
      }
      return received.find(match);
    },
    close: () => server.close(),
  };
}
