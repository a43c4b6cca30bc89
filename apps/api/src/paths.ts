import { fileURLToPath } from "node:url";

/** The repository's seeds/ folder, wherever the process was started from. */
export const SEEDS_DIR = fileURLToPath(new URL("../../../seeds/", import.meta.url));
