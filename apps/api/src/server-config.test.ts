import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readConfig } from "./config.js";
import { DataDirLockedError } from "./db/data-dir-lock.js";
import { openDb } from "./db/open.js";

const SERVER = fileURLToPath(new URL("./server.js", import.meta.url));

test("in production the API refuses to start without SMTP_URL, and says why", () => {
  const env = { ...process.env, NODE_ENV: "production", SMTP_URL: "", PORT: "0", DATABASE_URL: "", CK_DATA_DIR: "/nonexistent-ck-data" };
  const run = spawnSync(process.execPath, [SERVER], { env, encoding: "utf8", timeout: 60_000 });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /SMTP_URL is not set/);
});

test("a typo in any setting stops the start with a message naming each variable, instead of turning a limit off", () => {
  const env = {
    ...process.env,
    PORT: "0",
    DATABASE_URL: "",
    CK_DATA_DIR: "/nonexistent-ck-data",
    CK_SIGNATURES_PER_MINUTE: "20/min",
    CK_TRUST_PROXY: "yes please",
    SMTP_URL: "mail.example.org:25",
    CK_PUBLIC_URL: "api.example.org",
    LOG_LEVEL: "verbose",
    METRICS_TOKEN: "short",
  };
  const run = spawnSync(process.execPath, [SERVER], { env, encoding: "utf8", timeout: 60_000 });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /CK_SIGNATURES_PER_MINUTE must be a whole number from 1 to 1000000000 \(got "20\/min"\)/);
  assert.match(run.stderr, /CK_TRUST_PROXY must be a whole number from 0 to 10/);
  assert.match(run.stderr, /SMTP_URL must be a smtp:\/\/ or smtps:\/\/ address/);
  assert.match(run.stderr, /CK_PUBLIC_URL must be a http:\/\/ or https:\/\/ address/);
  assert.match(run.stderr, /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent \(got "verbose"\)/);
  assert.match(run.stderr, /METRICS_TOKEN must be 24 or more printable characters/);
  assert.doesNotMatch(run.stderr, /short/, "the token itself is not printed");
  assert.doesNotMatch(run.stderr, /Coalition Kit API on/, "it never started");
});

test("every setting has a checked default, and the documented ones are read", () => {
  assert.deepEqual(
    (({ signaturesPerMinute, keyWritesPerMinute, adminAuthFailuresPerMinute, trustedProxies, port }) => ({ signaturesPerMinute, keyWritesPerMinute, adminAuthFailuresPerMinute, trustedProxies, port }))(readConfig({})),
    { signaturesPerMinute: 20, keyWritesPerMinute: 600, adminAuthFailuresPerMinute: 10, trustedProxies: 0, port: 8787 },
  );
  assert.equal(readConfig({ CK_TRUST_PROXY: "2", CK_SIGNATURES_PER_MINUTE: "300" }).trustedProxies, 2);
  assert.throws(() => readConfig({ CK_KEY_WRITES_PER_MINUTE: "0" }), /CK_KEY_WRITES_PER_MINUTE must be a whole number/);
  assert.deepEqual(
    (({ logLevel, metricsToken, shutdownTimeoutMs }) => ({ logLevel, metricsToken, shutdownTimeoutMs }))(readConfig({})),
    { logLevel: "info", metricsToken: undefined, shutdownTimeoutMs: 10_000 },
  );
  assert.equal(readConfig({ LOG_LEVEL: "warn", METRICS_TOKEN: "a".repeat(32) }).logLevel, "warn");
  assert.deepEqual((({ adminRequestsPerMinute, linkRequestsPerMinute }) => ({ adminRequestsPerMinute, linkRequestsPerMinute }))(readConfig({})), { adminRequestsPerMinute: 600, linkRequestsPerMinute: 60 });
  assert.equal(readConfig({ CK_ADMIN_REQUESTS_PER_MINUTE: "1200", CK_LINK_REQUESTS_PER_MINUTE: "30" }).linkRequestsPerMinute, 30);
  assert.throws(() => readConfig({ CK_LINK_REQUESTS_PER_MINUTE: "60/min" }), /CK_LINK_REQUESTS_PER_MINUTE must be a whole number/);
  assert.throws(() => readConfig({ SMTP_URL: "smtps://user:s3cret@mail.example.org:465x" }), (error: Error) => !error.message.includes("s3cret"), "a password in a bad URL is not printed");
});

test("a second API process on the same PGlite data folder is refused with a clear message; the first keeps it (and says it started at LOG_LEVEL=warn)", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "ck-lock-"));
  const env = { ...process.env, PORT: "0", DATABASE_URL: "", CK_DATA_DIR: dataDir, NODE_ENV: "development" };
  // LOG_LEVEL=warn hides request lines, not the start line this waits for.
  const first = spawn(process.execPath, [SERVER], { env: { ...env, LOG_LEVEL: "warn" }, stdio: ["ignore", "pipe", "pipe"] });
  try {
    let out = "";
    await new Promise<void>((ready, fail) => {
      first.stdout.on("data", (chunk: Buffer) => {
        out += chunk;
        if (/Coalition Kit API on/.test(out)) ready();
      });
      first.once("exit", (code) => fail(new Error(`the first process ended (${code}): ${out}`)));
    });
    const second = spawnSync(process.execPath, [SERVER], { env, encoding: "utf8", timeout: 60_000 });
    assert.equal(second.status, 1);
    assert.match(second.stderr, new RegExp(`in use by another Coalition Kit process \\(pid ${first.pid}\\)`));
    assert.doesNotMatch(second.stdout, /applied migrations/, "the second never migrated");
  } finally {
    first.kill("SIGTERM");
    await new Promise((done) => first.once("exit", done));
  }
  const third = await openDb({ dataDir });
  await third.close();
  await rm(dataDir, { recursive: true, force: true });
});

test("a lock left by a process that died is taken over", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "ck-lock-"));
  const dead = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid!;
  await writeFile(join(dataDir, "coalition-kit.lock"), String(dead));
  const db = await openDb({ dataDir });
  await assert.rejects(openDb({ dataDir }), DataDirLockedError, "and held against a second open in this process");
  await db.close();
  await rm(dataDir, { recursive: true, force: true });
});
