import { createLogger, loadSeedFile, migrate, openDb, seed, startServer, type Db } from "@coalition-kit/api";
import { SEED_FILE } from "@coalition-kit/demo-site";
import { isolatedDb } from "./env.js";
import { responseChecker, type ResponseChecker } from "./openapi.js";

/**
 * The real API on a free loopback port with a fresh, seeded database. `fetch` checks every answer
 * against the API's OpenAPI document (`openapi.problems` lists what did not match).
 */
export async function startIsolatedApi(
  serverOptions: Pick<Parameters<typeof startServer>[0], "rateLimit"> = {},
): Promise<{ db: Db; url: string; fetch: typeof fetch; openapi: ResponseChecker; stop(): Promise<void> }> {
  const options = isolatedDb();
  const db = await openDb("databaseUrl" in options ? { url: options.databaseUrl, schema: options.dbSchema } : { memory: true });
  await migrate(db);
  await seed(db, await loadSeedFile(SEED_FILE));
  const server = await startServer({ port: 0, db, logger: createLogger(process.env.LOG_LEVEL ?? "warn"), ...serverOptions });
  const openapi = await responseChecker(server.url);
  return {
    db,
    url: server.url,
    fetch: openapi.fetch,
    openapi,
    async stop() {
      await server.close();
      if ("dbSchema" in options) await db.query(`drop schema if exists "${options.dbSchema}" cascade`);
      await db.close();
    },
  };
}
