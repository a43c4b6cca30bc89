// `pnpm seed`: migrate and load every campaign in seeds/ (idempotent).
import { readdir } from "node:fs/promises";
import { openDb } from "./db/open.js";
import { migrate } from "./db/migrate.js";
import { SEEDS_DIR } from "./paths.js";
import { loadSeedFile, seed } from "./seed/seed.js";

const db = await openDb();
await migrate(db);
for (const file of (await readdir(SEEDS_DIR)).filter((f) => f.endsWith(".json")).sort()) {
  const data = await loadSeedFile(SEEDS_DIR + file);
  await seed(db, data);
  console.log(`seeded ${file}: ${data.coalition.name}`);
  for (const p of data.partners) console.log(`  ${p.publishableKey.padEnd(22)} ${p.name}`);
}
await db.close();
