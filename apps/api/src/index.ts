export { openDb } from "./db/open.js";
export type { Db, Queryable, OpenDbOptions } from "./db/types.js";
export { migrate } from "./db/migrate.js";
export { createApp, DEFAULT_EMBED_DIR, type AppOptions } from "./app.js";
export { startServer, type StartOptions, type RunningServer } from "./server-start.js";
export { seed, loadSeedFile, type SeedOptions } from "./seed/seed.js";
export type * from "./seed/types.js";
export { SEEDS_DIR } from "./paths.js";
export { createSecretKey } from "./services/keys/secret-keys.js";
