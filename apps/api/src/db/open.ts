import { envConfig } from "../config.js";
import { DEFAULT_DATA_DIR } from "../paths.js";
import { openPglite } from "./pglite.js";
import { openPostgres } from "./postgres.js";
import type { Db, OpenDbOptions } from "./types.js";

/** PostgreSQL when a URL is given (or DATABASE_URL is set), otherwise embedded PGlite. */
export async function openDb(options: OpenDbOptions = {}): Promise<Db> {
  const url = options.url ?? (options.memory ? undefined : envConfig().databaseUrl);
  if (url) return openPostgres(url, options.schema);
  if (options.memory) return openPglite(undefined);
  return openPglite(options.dataDir ?? envConfig().dataDir ?? DEFAULT_DATA_DIR);
}
