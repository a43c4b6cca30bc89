// `node dist/server.js`: migrate, then serve. PORT (8787), DATABASE_URL (else PGlite in CK_DATA_DIR).
import { ConfigError, envConfig } from "./config.js";
import { DataDirLockedError } from "./db/data-dir-lock.js";
import { openDb } from "./db/open.js";
import { migrate } from "./db/migrate.js";
import { startServer } from "./server-start.js";

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
if (applied.length) console.log(`applied migrations: ${applied.join(", ")}`);
const server = await startServer({
  db,
  port: config.port,
  host: config.host,
  messages: smtpUrl ? { smtpUrl, intervalMs: config.messagesIntervalMs, batch: config.messagesBatch } : false,
});
if (!smtpUrl) console.log("SMTP_URL is not set: emails are queued, not sent.");
console.log(`Coalition Kit API on ${server.url} (${db.kind})`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await db.close();
    process.exit(0);
  });
}
