import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp, type AppOptions } from "./app.js";
import { startWebhookWorker, type WebhookWorkerOptions } from "./services/webhook-delivery.js";

export interface StartOptions extends AppOptions {
  port: number;
  host?: string;
  /** Outbox delivery settings; false runs no webhook worker in this process. */
  webhooks?: WebhookWorkerOptions | false;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Start the API on host:port (port 0 picks a free one), with the webhook worker unless turned off. */
export function startServer(options: StartOptions): Promise<RunningServer> {
  const app = createApp(options);
  const worker = options.webhooks === false ? undefined : startWebhookWorker(options.db, options.webhooks);
  const host = options.host ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: host }, (info: AddressInfo) => {
      resolve({
        url: `http://${host.includes(":") ? `[${host}]` : host}:${info.port}`,
        port: info.port,
        close: async () => {
          await worker?.stop();
          await new Promise<void>((done) => {
            if ("closeAllConnections" in server) server.closeAllConnections();
            server.close(() => done());
          });
        },
      });
    });
    server.once("error", (error) => {
      void worker?.stop();
      reject(error);
    });
  });
}
