import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { createApp, type AppOptions } from "./app.js";
import { envConfig } from "./config.js";
import { answerKeptPageView } from "./http/kept-page-views.js";
import { startWebhookWorker, type WebhookWorkerOptions } from "./services/webhooks/webhook-delivery.js";
import { startMessageWorker, type MessageWorkerOptions } from "./services/messages/delivery.js";

export interface StartOptions extends AppOptions {
  port: number;
  host?: string;
  /** Outbox delivery settings; false runs no webhook worker in this process. */
  webhooks?: WebhookWorkerOptions | false;
  /** Email delivery: an SMTP server to send through (e.g. from SMTP_URL). Without it messages stay queued. */
  messages?: (Omit<MessageWorkerOptions, "publicUrl"> & { publicUrl?: string }) | false;
}

export interface RunningServer {
  url: string;
  /** The Hono app this server runs (tests read its routes). */
  app: Hono;
  port: number;
  /**
   * Stop gracefully: /ready answers 503, no new connection is accepted, the workers stop (releasing
   * their leases), and requests in flight finish; after `timeoutMs` (CK_SHUTDOWN_TIMEOUT_MS, 10 s)
   * the connections still open are cut.
   */
  close(timeoutMs?: number): Promise<void>;
}

/** Start the API on host:port (port 0 picks a free one), with the webhook worker unless turned off. */
export function startServer(options: StartOptions): Promise<RunningServer> {
  let draining = false;
  const app = createApp({ draining: () => draining, ...options });
  const worker = options.webhooks === false ? undefined : startWebhookWorker(options.db, options.webhooks);
  let mailer: ReturnType<typeof startMessageWorker> | undefined;
  const host = options.host ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    // A page view kept in memory is answered before the app (http/kept-page-views.ts); while
    // stopping, every request goes through the app, which says Connection: close.
    const listen = (serverOptions: object, listener: (req: IncomingMessage, res: ServerResponse) => void) =>
      createServer(serverOptions, (req, res) => (!draining && answerKeptPageView(options.db, req, res)) || listener(req, res));
    const server = serve({ fetch: app.fetch, port: options.port, hostname: host, createServer: listen as never }, (info: AddressInfo) => {
      const url = `http://${host.includes(":") ? `[${host}]` : host}:${info.port}`;
      if (options.messages) mailer = startMessageWorker(options.db, { publicUrl: envConfig().publicUrl ?? url, ...options.messages });
      resolve({
        url,
        app,
        port: info.port,
        close: async (timeoutMs = envConfig().shutdownTimeoutMs) => {
          draining = true;
          const http = server as Server;
          const closed = new Promise<void>((done) => http.close(() => done()));
          // Connections between requests close now; one with a request in flight closes after its answer.
          http.closeIdleConnections();
          const deadline = setTimeout(() => http.closeAllConnections(), timeoutMs);
          try {
            await Promise.all([mailer?.stop(), worker?.stop(), closed]);
          } finally {
            clearTimeout(deadline);
          }
        },
      });
    });
    server.once("error", (error) => {
      void worker?.stop();
      reject(error);
    });
  });
}
