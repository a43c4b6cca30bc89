// `node dist/server.js`: migrate, then serve. PORT (8787), DATABASE_URL (else PGlite in CK_DATA_DIR).
import { openDb } from "./db/open.js";
import { migrate } from "./db/migrate.js";
import { startServer } from "./server-start.js";

const db = await openDb();
const applied = await migrate(db);
if (applied.length) console.log(`applied migrations: ${applied.join(", ")}`);
const server = await startServer({ db, port: Number(process.env.PORT ?? 8787), host: process.env.HOST ?? "127.0.0.1" });
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
