// Starts everything the demo needs: the API (with migrations and the seeded CT funding-gap
// petition) and the demo partner site. Used by `npm run demo` and by the end-to-end tests.
import { readdir } from "node:fs/promises";
import { createLogger, createSecretKey, loadSeedFile, migrate, openDb, seed, startServer, SEEDS_DIR } from "@coalition-kit/api";
import { startStaticSite } from "./static-site.mjs";

export const SEED_FILE = `${SEEDS_DIR}ct-funding-gap.json`;

/**
 * The API's request lines stay out of the demo's terminal and the tests' output: it logs at
 * `LOG_LEVEL` when that is set, else warnings and errors only.
 * @param {{ apiPort?: number, sitePort?: number, host?: string, databaseUrl?: string, dataDir?: string, memory?: boolean, dbSchema?: string, smtpUrl?: string, messageIntervalMs?: number }} [options]
 */
export async function startDemo(options = {}) {
  const host = options.host ?? "127.0.0.1";
  let apiUrl = "";
  const site = await startStaticSite({ port: options.sitePort ?? 5174, host, apiUrl: () => apiUrl });
  const db = await openDb({
    ...(options.databaseUrl ? { url: options.databaseUrl } : {}),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.memory ? { memory: true } : {}),
    ...(options.dbSchema ? { schema: options.dbSchema } : {}),
  });
  try {
    await migrate(db);
    // Every campaign in seeds/. The seeds list the demo site's usual origins; add the actual one when ports differ.
    const extraOrigins = [site.url, site.url.replace("127.0.0.1", "localhost")];
    /** @param {import("@coalition-kit/api").SeedData} data */
    const reseed = (data) => seed(db, data, { extraOrigins });
    for (const file of (await readdir(SEEDS_DIR)).filter((f) => f.endsWith(".json")).sort()) {
      await reseed(await loadSeedFile(SEEDS_DIR + file));
    }
    // With an SMTP server, the API sends its emails (confirmations, reminders, notices) there.
    const messages = options.smtpUrl ? { smtpUrl: options.smtpUrl, intervalMs: options.messageIntervalMs ?? 1000 } : false;
    const api = await startServer({ port: options.apiPort ?? 8787, host, db, messages, logger: createLogger(process.env.LOG_LEVEL || "warn") });
    apiUrl = api.url;
    // An organizer key for moderating stories in the demo (only its hash is stored).
    const organizerKey = (await createSecretKey(db, "ct-fund-our-schools")).key;
    return {
      db,
      organizerKey,
      apiUrl: api.url,
      siteUrl: site.url,
      reseed,
      async close() {
        await site.close();
        await api.close();
        await db.close();
      },
    };
  } catch (error) {
    await site.close();
    await db.close();
    throw error;
  }
}
