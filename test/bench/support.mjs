// Shared by the benchmark and reliability scripts: fresh databases, the API as a real child process
// (so it can be measured and killed), percentiles and Markdown tables.
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { loadSeedFile, migrate, openDb, seed, SEEDS_DIR } from "@coalition-kit/api";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Where fresh PostgreSQL databases are made: CK_BENCH_PG_URL, else the `postgres` database of the server at CK_TEST_DATABASE_URL. */
export const PG_ADMIN_URL = process.env.CK_BENCH_PG_URL ?? adminUrl(process.env.CK_TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test");

function adminUrl(testUrl) {
  const url = new URL(testUrl);
  url.pathname = "/postgres";
  return url.toString();
}
export const ORIGIN = "https://partner.example.org";
export const PARTNER_KEY = "pk_demo_e4e";
export const SLUG = "ct-funding-gap";

/** A fresh, empty database: a PGlite directory, or a new PostgreSQL database. */
export async function freshTarget(kind) {
  if (kind === "pglite") {
    const dir = await mkdtemp(join(tmpdir(), "ck-bench-"));
    return { kind, label: "PGlite", env: { CK_DATA_DIR: dir }, open: () => openDb({ dataDir: dir }), cleanup: () => rm(dir, { recursive: true, force: true }) };
  }
  const name = `ck_bench_${randomBytes(5).toString("hex")}`;
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  await adminQuery(`create database ${name}`);
  return {
    kind,
    label: "PostgreSQL",
    env: { DATABASE_URL: url.toString() },
    open: () => openDb({ url: url.toString() }),
    cleanup: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

async function adminQuery(sql) {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Migrate and seed (the CT petition unless told; every partner accepts ORIGIN); `extra(db)` runs before closing. */
export async function prepare(target, extra, seedFiles = ["ct-funding-gap.json"]) {
  const db = await target.open();
  try {
    await migrate(db);
    for (const file of seedFiles) await seed(db, await loadSeedFile(`${SEEDS_DIR}${file}`), { extraOrigins: [ORIGIN] });
    return extra ? await extra(db) : undefined;
  } finally {
    await db.close();
  }
}

/** `node apps/api/dist/server.js` on a free port, with its rate limits out of the way; resolves once it listens. */
export function startApi(target, env = {}) {
  const unlimited = { CK_SIGNATURES_PER_MINUTE: "100000000", CK_KEY_WRITES_PER_MINUTE: "100000000", CK_ADMIN_REQUESTS_PER_MINUTE: "100000000", CK_LINK_REQUESTS_PER_MINUTE: "100000000" };
  return startProcess(join(ROOT, "apps/api/dist/server.js"), { ...target.env, ...unlimited, ...env }, /Coalition Kit API on (\S+)/);
}

export function startProcess(script, env, ready) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { env: { ...process.env, PORT: "0", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const timer = setTimeout(() => reject(new Error(`${script} did not start: ${out}`)), 180_000); // an upper bound on a busy machine
    const onData = (chunk) => {
      out += chunk;
      const match = ready.exec(out);
      if (match) {
        clearTimeout(timer);
        child.stdout.off("data", onData);
        resolve({
          url: match[1],
          pid: child.pid,
          child,
          exited: new Promise((r) => child.once("exit", r)),
          async stop(signal = "SIGTERM") {
            if (child.exitCode !== null || child.signalCode !== null) return;
            child.kill(signal);
            await new Promise((r) => child.once("exit", r));
          },
        });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk) => (out += chunk));
    child.once("exit", (code) => reject(new Error(`${script} exited (${code}) before listening: ${out}`)));
  });
}

let n = 0;
/** A valid signer with a unique email. */
export function signer(tag = "bench") {
  n += 1;
  return { firstName: "Bench", email: `${tag}.${process.pid}.${n}.${randomBytes(3).toString("hex")}@example.org`, zip: "06511", ageBand: "18_plus" };
}

export const signHeaders = (key = randomUUID()) => ({ "Content-Type": "application/json", "X-Partner-Key": PARTNER_KEY, Origin: ORIGIN, "Idempotency-Key": key });

export function sign(url, body = signer(), key = randomUUID()) {
  return fetch(`${url}/v1/petitions/${SLUG}/signatures`, { method: "POST", headers: signHeaders(key), body: JSON.stringify(body) });
}

export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Peak and current resident memory of a process, in MiB (Linux /proc). */
export async function memoryOf(pid) {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { peakMiB: kb("VmHWM") / 1024, rssMiB: kb("VmRSS") / 1024 };
}

/** A Markdown table: the same text is printed and written to docs/benchmarks.md. */
export function markdownTable(header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length), 3));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(all[0]), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...all.slice(1).map(line)].join("\n");
}

/** Replace the text between `<!-- name:start -->` and `<!-- name:end -->` in docs/benchmarks.md. */
export async function recordSection(name, markdown) {
  const file = join(ROOT, "docs/benchmarks.md");
  let text = await readFile(file, "utf8").catch(() => "# Benchmarks and reliability\n");
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  text = text.includes(start) ? text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block) : `${text.trimEnd()}\n\n${block}\n`;
  await writeFile(file, text);
}

export const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : "—");

/** An autocannon result as the bench tables show it: rate, latency, answers that worked (2xx, and 304s) and the rest. */
export const loadSummary = (r) => ({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, ok: r["2xx"] + (r["3xx"] ?? 0), bad: r.non2xx - (r["3xx"] ?? 0) + r.errors + r.timeouts });
