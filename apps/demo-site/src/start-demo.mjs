// Starts everything the demo needs: the API (with migrations and the seeded CT funding-gap
// petition) and the demo partner site. Used by `npm run demo` and by the end-to-end tests.
import { fileURLToPath } from "node:url";
import { loadSeedFile, migrate, openDb, seed, startServer } from "@coalition-kit/api";
import { startStaticSite } from "./static-site.mjs";

export const SEED_FILE = fileURLToPath(new URL("../../../seeds/ct-funding-gap.json", import.meta.url));

/**
 * @param {{ apiPort?: number, sitePort?: number, host?: string, databaseUrl?: string, dataDir?: string, memory?: boolean, dbSchema?: string }} [options]
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
    // The seed lists the demo site's usual origins; add the actual one when ports differ.
    await seed(db, await loadSeedFile(SEED_FILE), { extraOrigins: [site.url, site.url.replace("127.0.0.1", "localhost")] });
    const api = await startServer({ port: options.apiPort ?? 8787, host, db });
    apiUrl = api.url;
    return {
      db,
      apiUrl: api.url,
      siteUrl: site.url,
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
