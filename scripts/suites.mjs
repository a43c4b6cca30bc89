// Runs every test suite in order, streams its output, and tallies passed/failed tests.
import { spawn } from "node:child_process";

/** name, pnpm args, extra env, database (`db`: CK_TEST_DATABASE_URL is the run's PostgreSQL or empty for PGlite), how to read its counts */
export const SUITES = [
  { name: "Embedded PostgreSQL (the fallback for a machine without one)", args: ["exec", "node", "--test", "--test-concurrency=1", "scripts/embedded-postgres.test.mjs"], env: {}, kind: "node" },
  { name: "API on PGlite", args: ["--filter", "@coalition-kit/api", "test"], env: {}, db: "pglite", kind: "node" },
  { name: "API on PostgreSQL", args: ["--filter", "@coalition-kit/api", "test"], env: {}, db: "postgres", kind: "node" },
  { name: "SDK contract + demo end-to-end in Chromium (PGlite)", args: ["--filter", "@coalition-kit/test", "test"], env: {}, db: "pglite", kind: "node" },
  { name: "SDK contract + demo end-to-end in Chromium (PostgreSQL)", args: ["--filter", "@coalition-kit/test", "test"], env: {}, db: "postgres", kind: "node" },
  { name: "Widgets in Chromium against the API", args: ["--filter", "@coalition-kit/widgets", "test"], env: {}, kind: "wtr" },
  { name: "Package lint (publint: schema, sdk, widgets)", args: ["-r", "--filter", "./packages/*", "run", "lint:package"], env: {}, kind: "build" },
  { name: "Changesets: every one parses, none mixes ignored and published packages", args: ["exec", "changeset", "status", "--since=HEAD"], env: {}, kind: "build" },
  { name: "Packed packages in fresh Vite + TypeScript apps (plain, React, Vue): README snippets type-check and build", args: ["--filter", "@coalition-kit/test", "run", "test:consumer"], env: {}, kind: "node" },
  { name: "Bundle size budgets (min+gzip)", args: ["--filter", "@coalition-kit/widgets", "run", "size"], env: {}, kind: "wtr" },
  { name: "Storybook build", args: ["--filter", "@coalition-kit/stories", "run", "build-storybook"], env: {}, kind: "build" },
  { name: "Reliability: kill -9 recovery, 10,000-request fuzz, security in Chromium (PGlite + PostgreSQL), email drain with a killed replica (1,000), two replicas on one PostgreSQL, a classroom of 300 behind one address", args: ["--filter", "@coalition-kit/test", "run", "reliability"], env: { CK_RECORD: "0", CK_DRAIN_MESSAGES: "1000", CK_CLASSROOM_WORK: "5000" }, kind: "wtr" },
  { name: "Accessibility: axe-core on every story in Chromium", args: ["--filter", "@coalition-kit/test", "run", "test:a11y"], env: {}, kind: "node" },
];

function runCaptured(pnpm, root, suite, postgres) {
  // The reliability suite makes its databases through CK_BENCH_PG_URL; the API and contract suites
  // pick PGlite or PostgreSQL by CK_TEST_DATABASE_URL.
  const env = { ...pnpm.env, CK_BENCH_PG_URL: postgres.adminUrl, ...suite.env, FORCE_COLOR: "0", NO_COLOR: "1" };
  if (suite.db) env.CK_TEST_DATABASE_URL = suite.db === "postgres" ? postgres.url : "";
  else if (env.CK_TEST_DATABASE_URL) env.CK_TEST_DATABASE_URL = postgres.url; // set by hand: the server that answered
  return new Promise((resolve) => {
    const child = spawn(pnpm.cmd[0], [...pnpm.cmd.slice(1), ...suite.args], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const forward = (stream) => (chunk) => { output += chunk; stream.write(chunk); };
    child.stdout.on("data", forward(process.stdout));
    child.stderr.on("data", forward(process.stderr));
    child.on("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}

function counts(kind, output, code) {
  const last = (re) => { const all = [...output.matchAll(re)]; return all.length ? Number(all[all.length - 1][1]) : undefined; };
  if (kind === "node") {
    const passed = [...output.matchAll(/^\s*(?:#|ℹ) pass (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
    const failed = [...output.matchAll(/^\s*(?:#|ℹ) fail (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
    return { passed, failed: failed || (code === 0 ? 0 : Math.max(1, failed)) };
  }
  if (kind === "wtr") {
    const passed = last(/(\d+) passed/g) ?? 0;
    const failed = last(/(\d+) failed/g) ?? 0;
    return { passed, failed: failed || (code === 0 ? 0 : 1) };
  }
  return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

/** "4 min 05 s" / "38 s" */
export function duration(ms) {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

/** The suites whose name contains `only` (any case); every suite without it. */
export function selectSuites(only) {
  if (!only) return SUITES;
  const chosen = SUITES.filter((s) => s.name.toLowerCase().includes(only.toLowerCase()));
  if (!chosen.length) throw new Error(`no suite's name contains "${only}". Suites:\n  ${SUITES.map((s) => s.name).join("\n  ")}`);
  return chosen;
}

/**
 * Run the suites against `postgres` ({ url, adminUrl } from ensurePostgres); `setupStarted`
 * (performance.now() before install and build) adds set-up time to the summary.
 */
export async function runSuites(pnpm, root, postgres, suites = SUITES, setupStarted = performance.now()) {
  const results = [];
  const started = performance.now();
  for (const suite of suites) {
    console.log(`\n━━━ ${suite.name} ━━━`);
    const suiteStarted = performance.now();
    const { code, output } = await runCaptured(pnpm, root, suite, postgres);
    const c = counts(suite.kind, output, code);
    if (code === 0 && c.passed === 0) c.failed = Math.max(c.failed, 1); // a suite that ran nothing is a failure
    results.push({ name: suite.name, code, ms: performance.now() - suiteStarted, ...c });
  }
  console.log("\n━━━ Summary ━━━");
  for (const r of results) console.log(`${r.code === 0 && r.failed === 0 ? "✔" : "✖"} ${r.name}: ${r.passed} passed, ${r.failed} failed (${duration(r.ms)})`);
  console.log(`time: ${duration(performance.now() - setupStarted)} in all (install + build ${duration(started - setupStarted)}, suites ${duration(performance.now() - started)})`);
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  const ok = results.every((r) => r.code === 0 && r.failed === 0);
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
  return ok;
}
