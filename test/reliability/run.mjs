// `pnpm reliability`: kill -9 during load, 10,000 malformed requests, and the security checks, on
// PGlite and PostgreSQL. Prints Markdown tables, writes them to docs/benchmarks.md, and exits 1 if
// any promise is broken (a lost acknowledged signature, a 5xx, a stored row, a failed check).
import { crash } from "./crash.mjs";
import { fuzz } from "./fuzz.mjs";
import { security } from "./security.mjs";
import { fmt, markdownTable, recordSection } from "../bench/support.mjs";

const KINDS = (process.env.CK_BENCH_DBS ?? "pglite,postgres").split(",");
const sections = [];
let broken = 0;
const print = (title, table) => {
  const block = `### ${title}\n\n${table}\n`;
  console.log(`\n${block}`);
  sections.push(block);
};

const crashes = [];
for (const kind of KINDS) crashes.push(await crash(kind));
broken += crashes.filter((c) => c.lost > 0).length;
print(
  "kill -9 during signing, then restart (20 writers)",
  markdownTable(
    ["database", "acknowledged before kill", "in flight at kill", "stored after restart", "acknowledged but lost", "count after restart"],
    crashes.map((c) => [c.label, fmt(c.acknowledged), fmt(c.inFlightAtKill), fmt(c.storedAfterRestart), fmt(c.lost), fmt(c.totalAfterRestart)]),
  ),
);

const fuzzed = [];
for (const kind of KINDS) fuzzed.push(await fuzz(kind));
broken += fuzzed.filter((f) => f.fiveHundreds.length > 0 || f.written.length > 0).length;
for (const f of fuzzed) for (const line of f.fiveHundreds.slice(0, 10)) console.log(`5xx: ${line}`);
print(
  "Fuzz: malformed requests across 14 write endpoints",
  markdownTable(
    ["database", "requests", "answers by status", "5xx", "rows written"],
    fuzzed.map((f) => [f.label, fmt(f.requests), Object.entries(f.statuses).map(([s, n]) => `${s}: ${fmt(n)}`).join(", "), fmt(f.fiveHundreds.length), f.written.length ? f.written.join(", ") : "0"]),
  ),
);

const checks = await security();
broken += checks.filter((c) => !c.ok).length;
print("Security checks (API + Chromium)", markdownTable(["check", "result", "detail"], checks.map((c) => [c.name, c.ok ? "✔ pass" : "✖ FAIL", c.detail])));

const checksPassed = crashes.filter((c) => c.lost === 0).length + fuzzed.filter((f) => !f.fiveHundreds.length && !f.written.length).length + checks.filter((c) => c.ok).length;
if (process.env.CK_RECORD !== "0") await recordSection("reliability", `## Reliability (\`pnpm reliability\`)\n\nMeasured ${new Date().toISOString().slice(0, 10)}.\n\n${sections.join("\n")}`);
console.log(`\nreliability checks: ${checksPassed} passed, ${broken} failed`);
process.exit(broken === 0 ? 0 : 1);
