import { fileURLToPath } from "node:url";

/** The repository's seeds/ folder, wherever the process was started from. */
export const SEEDS_DIR = fileURLToPath(new URL("../../../seeds/", import.meta.url));

/** Where PGlite keeps its files unless CK_DATA_DIR says otherwise: <repo>/data/pglite. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../../data/pglite/", import.meta.url));
