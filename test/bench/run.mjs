// `pnpm bench`: bundle sizes, signing throughput (one webhook endpoint configured) and petition
// reads against bare baselines, the widgets' first render and layout shift in Chromium, 1,000
// concurrent signers, deliveries to a CRM connector and a 1,000,000-signature petition, on PGlite and PostgreSQL. Prints Markdown tables and writes
// them to docs/benchmarks.md.
import { readFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { concurrency } from "./concurrency.mjs";
import { scale } from "./scale.mjs";
import { ROOT, fmt, markdownTable, recordSection } from "./support.mjs";
import { reads } from "./reads.mjs";
import { throughput } from "./throughput.mjs";
import { widgetLoad } from "./widget-load.mjs";
import { challengeSolve } from "./challenge-solve.mjs";
import { recordConnectorDelivery } from "./connector-delivery.mjs";

const KINDS = (process.env.CK_BENCH_DBS ?? "pglite,postgres").split(",");
const sections = [];
const print = (title, table) => {
  const block = `### ${title}\n\n${table}\n`;
  console.log(`\n${block}`);
  sections.push(block);
};

const sizes = JSON.parse(await readFile(join(ROOT, "packages/widgets/dist/embed/sizes.json"), "utf8"));
const budgets = { petition: 15_000, "coalition-kit": 40_000 };
print(
  "Bundle sizes (embed, min / min+gzip / min+brotli)",
  markdownTable(
    ["bundle", "min", "min+gz", "min+br", "budget (gz)"],
    Object.entries(sizes).map(([name, s]) => [name === "coalition-kit" ? "all widgets" : name, `${fmt(s.min)} B`, `${fmt(s.gzip)} B`, `${fmt(s.brotli)} B`, budgets[name] ? `${fmt(budgets[name])} B` : "—"]),
  ),
);

const speed = [];
for (const kind of KINDS) speed.push(await throughput(kind));
print(
  `Signing throughput (autocannon, 20 connections, ${process.env.CK_BENCH_SECONDS ?? 10} s, loopback, one webhook endpoint configured; the round with the median ratio)`,
  markdownTable(
    ["database", "server", "req/s", "p50 ms", "p99 ms", "2xx", "other"],
    speed.flatMap((s) => [
      [s.label, "Coalition Kit sign", fmt(s.sign.rps), fmt(s.sign.p50), fmt(s.sign.p99), fmt(s.sign.ok), fmt(s.sign.bad)],
      [s.label, "bare Hono + 1 INSERT", fmt(s.baseline.rps), fmt(s.baseline.p50), fmt(s.baseline.p99), fmt(s.baseline.ok), fmt(s.baseline.bad)],
      [s.label, `ratio (sign / baseline), median of ${s.ratios.length} rounds: ${s.ratios.map((r) => `${fmt(r * 100)} %`).join(", ")}`, `${fmt(s.ratio * 100)} %`, "", "", "", ""],
    ]),
  ),
);

const served = [];
for (const kind of KINDS) served.push(await reads(kind));
print(
  `Petition reads (GET /v1/petitions/:slug?key=, autocannon, 20 connections, ${process.env.CK_BENCH_SECONDS ?? 10} s, loopback, no CDN)`,
  markdownTable(
    ["database", "server", "req/s", "p50 ms", "p99 ms", "2xx/304", "other"],
    served.flatMap((r) => [
      [r.label, "Coalition Kit, page views of one petition (no HTTP cache; 1 s in the API's memory)", fmt(r.uncached.rps), fmt(r.uncached.p50), fmt(r.uncached.p99), fmt(r.uncached.ok), fmt(r.uncached.bad)],
      [r.label, "Coalition Kit, the same page views gzipped, as a browser asks (Accept-Encoding: gzip, deflate, br, zstd)", fmt(r.gzipped.rps), fmt(r.gzipped.p50), fmt(r.gzipped.p99), fmt(r.gzipped.ok), fmt(r.gzipped.bad)],
      [r.label, "Coalition Kit, revalidated (If-None-Match → 304)", fmt(r.revalidated.rps), fmt(r.revalidated.p50), fmt(r.revalidated.p99), fmt(r.revalidated.ok), fmt(r.revalidated.bad)],
      [r.label, "Coalition Kit, every read reaches the database (a new URL each)", fmt(r.database.rps), fmt(r.database.p50), fmt(r.database.p99), fmt(r.database.ok), fmt(r.database.bad)],
      [r.label, `bare Hono, the same ${fmt(r.bytes)} B as a constant`, fmt(r.baseline.rps), fmt(r.baseline.p50), fmt(r.baseline.p99), fmt(r.baseline.ok), fmt(r.baseline.bad)],
      [r.label, "ratio (page views / baseline)", `${fmt(r.ratio * 100)} %`, "", "", "", ""],
    ]),
  ),
);

const loads = await widgetLoad({ runs: Number(process.env.CK_BENCH_LOADS ?? 5) });
print(
  "Widgets on the demo pages in Chromium (median of cold loads, 1350 × 940; CLS is the worst load)",
  markdownTable(
    ["page", "CPU", "form on screen ms", "long tasks", "long task ms", "requests before", "bytes before", "sequential hops", "preflights", "CLS"],
    loads.map((l) => [l.page, l.throttle > 1 ? `${l.throttle}× slower` : "as is", fmt(l.readyMs), fmt(l.longTasks), fmt(l.longTaskMs), fmt(l.requestsBefore), `${fmt(l.bytesBefore)} B`, fmt(l.hops), fmt(l.preflights), fmt(l.cls, 3)]),
  ),
);

const solves = await challengeSolve();
print(
  "Proof-of-work past the per-address rate: the widgets' solver in Chromium (challenges as the API makes them)",
  markdownTable(
    ["CPU", "challenges", "hashes at most", "p50 ms", "p95 ms", "slowest ms"],
    solves.map((s) => [s.throttle > 1 ? `${s.throttle}× slower` : "as is", fmt(s.runs), fmt(s.work), fmt(s.p50), fmt(s.p95), fmt(s.max)]),
  ),
);

// Recorded in its own section (connector-delivery.mjs also runs alone: pnpm --filter @coalition-kit/test run bench:connectors).
await recordConnectorDelivery(KINDS);

const crowd = [];
for (const kind of KINDS) crowd.push(await concurrency(kind));
print(
  "1,000 concurrent signers on one petition (+100 double clicks with the same Idempotency-Key)",
  markdownTable(
    ["database", "acknowledged", "rows stored", "lost", "doubled", "replays answered", "failed requests", "seconds"],
    crowd.map((c) => [c.label, fmt(c.acknowledged), fmt(c.stored), fmt(c.missing), fmt(c.doubled), fmt(c.replays), fmt(c.failed), fmt(c.seconds, 1)]),
  ),
);

const big = [];
for (const kind of (process.env.CK_BENCH_SCALE_DBS ?? KINDS.join(",")).split(",")) big.push(await scale(kind));
print(
  "A petition with 1,000,000 signatures",
  markdownTable(
    ["database", "signatures", "fill s", "count read p50 ms", "count read p99 ms", "CSV rows", "CSV MiB", "CSV s", "API RSS before MiB", "API peak MiB"],
    big.map((b) => [b.label, fmt(b.rows), fmt(b.fillSeconds, 0), fmt(b.p50, 1), fmt(b.p99, 1), fmt(b.csvRows), fmt(b.csvMiB, 1), fmt(b.csvSeconds, 1), fmt(b.rssBeforeMiB), fmt(b.peakMiB)]),
  ),
);

const machine = `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}.`;
await recordSection("bench", `## Benchmarks (\`pnpm bench\`)\n\n${machine}\n\n${sections.join("\n")}`);
console.log("\nbench: recorded in docs/benchmarks.md");
