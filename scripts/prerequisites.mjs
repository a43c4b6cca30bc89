// Things the test suites need from the machine: Debian's Chromium and a PostgreSQL server (an embedded
// one for the run when none answers).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { connect } from "node:net";

export const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";
export const TEST_DATABASE_URL = process.env.CK_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export async function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("▶ installing Debian's chromium (apt-get)");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (existsSync(CHROMIUM)) return;
  }
  throw new Error(`Chromium not found at ${CHROMIUM}. Install it (Debian: sudo apt-get install chromium) or set CHROME_PATH.`);
}

/** Whether anything accepts a TCP connection at the URL's host and port (within 3 s). */
function answers(url) {
  const port = Number(url.port || 5432);
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port }, () => { socket.end(); resolve(true); });
    socket.on("error", () => resolve(false));
    socket.setTimeout(3000, () => { socket.destroy(); resolve(false); });
  });
}

/**
 * The PostgreSQL the suites use: the server at `configured` (CK_TEST_DATABASE_URL) when it answers,
 * else an embedded one started for this run on a free port, with the same database name. Resolves to
 * `{ url, adminUrl, embedded, stop }`; stop() shuts an embedded server down and deletes its data
 * (and does nothing for the machine's server).
 */
export async function ensurePostgres(configured = TEST_DATABASE_URL) {
  const url = new URL(configured);
  if (await answers(url)) {
    const admin = new URL(configured);
    admin.pathname = "/postgres";
    return { url: configured, adminUrl: process.env.CK_BENCH_PG_URL ?? admin.toString(), embedded: false, stop: async () => {} };
  }
  const started = performance.now();
  const { startEmbeddedPostgres } = await import("./embedded-postgres.mjs");
  const server = await startEmbeddedPostgres({ database: decodeURIComponent(url.pathname.slice(1)) || "test" });
  console.log(
    `▶ No PostgreSQL answers at ${url.hostname}:${url.port || 5432}: started an embedded PostgreSQL ${server.version} for this run ` +
      `at 127.0.0.1:${server.port} in ${((performance.now() - started) / 1000).toFixed(1)} s (data in ${server.dataDir}, removed at the end)`,
  );
  return { url: server.url, adminUrl: server.adminUrl, embedded: true, stop: server.stop };
}
