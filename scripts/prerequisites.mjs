// Things the test suites need from the machine: Debian's Chromium and a PostgreSQL server.
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

export async function ensurePostgres() {
  const url = new URL(TEST_DATABASE_URL);
  const port = Number(url.port || 5432);
  const reachable = await new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port }, () => { socket.end(); resolve(true); });
    socket.on("error", () => resolve(false));
    socket.setTimeout(3000, () => { socket.destroy(); resolve(false); });
  });
  if (!reachable) {
    throw new Error(`PostgreSQL is not reachable at ${url.hostname}:${port}. The API suite runs against PGlite and PostgreSQL; start PostgreSQL or set CK_TEST_DATABASE_URL.`);
  }
}
