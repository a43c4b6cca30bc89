// `node dist/server.js`: migrate, then serve. PORT (8787), DATABASE_URL (else PGlite in CK_DATA_DIR).
import { ConfigError, envConfig } from "./config.js";
import { DataDirLockedError } from "./db/data-dir-lock.js";
import { openDb } from "./db/open.js";
import { migrate } from "./db/migrate.js";
import { startServer } from "./server-start.js";
import { endLog, log, logError } from "./log.js";

let config;
try {
  config = envConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
const smtpUrl = config.smtpUrl;
let db;
try {
  db = await openDb();
} catch (error) {
  if (!(error instanceof DataDirLockedError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const applied = await migrate(db);
if (applied.length) log().info({ migrations: applied }, `applied migrations: ${applied.join(", ")}`);
const server = await startServer({
  db,
  port: config.port,
  host: config.host,
  messages: smtpUrl ? { smtpUrl, intervalMs: config.messagesIntervalMs, batch: config.messagesBatch } : false,
});
if (!smtpUrl) log().warn("SMTP_URL is not set: emails are queued, not sent.");
// The start line is printed at any LOG_LEVEL but silent: scripts and operators wait for it.
if (log().level !== "silent") log().child({}, { level: "info" }).info({ url: server.url, db: db.kind }, `Coalition Kit API on ${server.url} (${db.kind})`);

// SIGTERM (orchestrators) or SIGINT (Ctrl-C): finish what is in flight, then exit 0. /ready answers
// 503 at once, the workers stop and release their leases, requests in flight get their answers (up
// to CK_SHUTDOWN_TIMEOUT_MS), and the database closes. A second signal does not cut this short.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    log().info({ signal }, "stopping");
    let code = 0;
    try {
      await server.close();
      await db.close();
    } catch (error) {
      logError("shutdown failed", error);
      code = 1;
    }
    log().info("stopped");
    await endLog();
    process.exit(code);
  });
}
