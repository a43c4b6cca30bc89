// SIGTERM on a real API process: the request in flight gets its answer, the webhook being
// delivered has its lease released in the database, and the process exits 0.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDb } from "./db/open.js";
import { migrate } from "./db/migrate.js";
import type { Db } from "./db/types.js";
import { SEEDS_DIR } from "./paths.js";
import { loadSeedFile, seed } from "./seed/seed.js";
import { createSecretKey } from "./services/keys/secret-keys.js";
import { COALITION } from "./testing/admin.js";
import { DB_LABEL, E4E, ORIGIN, PG_URL, SLUG, signer } from "./testing/harness.js";

const SERVER = fileURLToPath(new URL("./server.js", import.meta.url));

/** A database of its own, seeded, that a child process can open (PostgreSQL: a schema; PGlite: a data folder). */
async function preparedDatabase(): Promise<{ env: Record<string, string>; open(): Promise<Db>; key: string; remove(): Promise<void> }> {
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const dataDir = PG_URL ? undefined : await mkdtemp(join(tmpdir(), "ck-shutdown-"));
  const open = () => openDb(PG_URL ? { url: PG_URL, schema } : { dataDir: dataDir! });
  const db = await open();
  await migrate(db);
  await seed(db, await loadSeedFile(`${SEEDS_DIR}ct-funding-gap.json`), { extraOrigins: [ORIGIN] });
  const { key } = await createSecretKey(db, COALITION);
  await db.close();
  const env: Record<string, string> = PG_URL
    ? { DATABASE_URL: `${PG_URL}${PG_URL.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`, CK_DATA_DIR: "" }
    : { DATABASE_URL: "", CK_DATA_DIR: dataDir! };
  return {
    env,
    open,
    key,
    async remove() {
      if (PG_URL) {
        const db = await open();
        await db.query(`drop schema if exists "${schema}" cascade`);
        await db.close();
      } else await rm(dataDir!, { recursive: true, force: true });
    },
  };
}

/** A webhook receiver that takes each delivery and never answers it. */
async function silentReceiver(): Promise<{ url: string; firstEventId: Promise<string>; server: Server }> {
  let got!: (id: string) => void;
  const firstEventId = new Promise<string>((resolve) => (got = resolve));
  const server = createServer((req) => got(String(req.headers["ck-event-id"])));
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, firstEventId, server };
}

test(`SIGTERM: the request in flight is answered, the webhook lease is released, the process exits 0 (${DB_LABEL})`, async () => {
  const database = await preparedDatabase();
  const receiver = await silentReceiver();
  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, ...database.env, PORT: "0", NODE_ENV: "development", LOG_LEVEL: "info", SMTP_URL: "", METRICS_TOKEN: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  let out = "";
  let err = "";
  const waiting = new Set<() => void>();
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk;
    for (const check of waiting) check();
  });
  child.stderr.on("data", (chunk: Buffer) => (err += chunk));
  /** Resolves with the first match of `pattern` in what the process printed. */
  const printed = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((found, fail) => {
      const check = () => {
        const match = pattern.exec(out);
        if (match) {
          waiting.delete(check);
          found(match);
        }
      };
      waiting.add(check);
      check();
      void exited.then(() => fail(new Error(`the API exited before printing ${pattern}: ${out}${err}`)));
    });
  try {
    const url = new URL((await printed(/Coalition Kit API on (http:\/\/\S+)/))[1]!);

    // A webhook is being delivered: its outbox row is leased by this process.
    const hook = await fetch(`${url.origin}/v1/admin/webhooks`, {
      method: "POST",
      headers: { Authorization: `Bearer ${database.key}`, "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
      body: JSON.stringify({ url: receiver.url, events: ["signature.created"] }),
    });
    assert.equal(hook.status, 201);
    const sign = (body: string, headers: Record<string, string> = {}) => ({
      host: url.hostname,
      port: url.port,
      method: "POST",
      path: `/v1/petitions/${SLUG}/signatures`,
      headers: { "Content-Type": "application/json", "X-Partner-Key": E4E, Origin: ORIGIN, "Content-Length": String(Buffer.byteLength(body)), ...headers },
    });
    const first = await fetch(`${url.origin}${sign("").path}`, { method: "POST", headers: { "Content-Type": "application/json", "X-Partner-Key": E4E, Origin: ORIGIN }, body: JSON.stringify(signer()) });
    assert.equal(first.status, 201);
    const eventId = await receiver.firstEventId;

    // A request in flight: the server has taken it (100 Continue) and waits for its body.
    const lateSigner = signer({ firstName: "Late" });
    const body = JSON.stringify(lateSigner);
    const slow = request(sign(body, { Expect: "100-continue" }));
    const answered = new Promise<{ status: number; text: string }>((done, fail) => {
      slow.once("response", (res: IncomingMessage) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk));
        res.on("end", () => done({ status: res.statusCode ?? 0, text }));
      });
      slow.once("error", fail);
    });
    await new Promise<void>((done) => slow.once("continue", () => done()));

    child.kill("SIGTERM");
    await printed(/"msg":"stopping"/);
    slow.end(body);
    const late = await answered;
    assert.equal(late.status, 201, `the request in flight is answered: ${late.text}`);
    assert.equal((JSON.parse(late.text) as { status: string }).status, "signed");
    assert.equal(await exited, 0, `exit code 0: ${err}`);

    const lines = out.trim().split("\n").map((line) => JSON.parse(line) as { msg: string; route?: string; status?: number });
    assert.equal(lines.at(-1)?.msg, "stopped");
    assert.ok(lines.some((l) => l.msg === "request" && l.route === "/v1/petitions/:slug/signatures" && l.status === 201), "the late request is logged");

    const db = await database.open();
    try {
      const [row] = await db.query<{ released: boolean; attempts: number; delivered: boolean; tries: number }>(
        `select o.next_attempt_at <= now() as released, o.attempts, o.delivered_at is not null as delivered,
                (select count(*)::int from webhook_deliveries d where d.outbox_id = o.id) as tries
           from outbox o where o.payload like '%' || $1 || '%'`,
        [eventId],
      );
      assert.deepEqual(row, { released: true, attempts: 0, delivered: false, tries: 0 }, "the event is due again at once for another replica, its cut-off attempt not counted");
      const stored = await db.query("select 1 from signatures s join people p on p.id = s.person_id where p.email_normalized = $1", [lateSigner.email]);
      assert.equal(stored.length, 1, "the late signature is stored");
    } finally {
      await db.close();
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
    receiver.server.closeAllConnections();
    receiver.server.close();
    await database.remove();
  }
});
