import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp, type AppOptions } from "./app.js";

export interface StartOptions extends AppOptions {
  port: number;
  host?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Start the API on host:port (port 0 picks a free one). */
export function startServer(options: StartOptions): Promise<RunningServer> {
  const app = createApp(options);
  const host = options.host ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: host }, (info: AddressInfo) => {
      resolve({
        url: `http://${host.includes(":") ? `[${host}]` : host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            if ("closeAllConnections" in server) server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
    server.once("error", reject);
  });
}
