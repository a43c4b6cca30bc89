// Size budgets (min+gzip): what the petition and the all-widgets bundle load before their first render
// (the build and the chunks it imports statically, as sizes.json counts them). Exits 1 when over.
import { readFile } from "node:fs/promises";

const BUDGETS = { petition: 15_000, "coalition-kit": 40_000 };
const sizes = JSON.parse(await readFile(new URL("../dist/embed/sizes.json", import.meta.url), "utf8"));
let failed = 0;
let passed = 0;
console.log("bundle              min+gz     budget");
for (const [name, s] of Object.entries(sizes)) {
  const budget = BUDGETS[name];
  const over = budget !== undefined && s.gzip > budget;
  if (budget !== undefined) over ? (failed += 1) : (passed += 1);
  console.log(`${over ? "✖" : "✔"} ${name.padEnd(18)} ${String(s.gzip).padStart(6)} B  ${budget ? `${budget} B` : "—"}`);
}
console.log(`\nsize budgets: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
