// The fallback `npm test` takes on a machine without PostgreSQL: with nothing at the configured
// address, ensurePostgres starts an embedded server the suites can use, and stop() leaves nothing behind.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { test } from "node:test";
import pg from "pg";
import { ensurePostgres } from "./prerequisites.mjs";

/** A loopback port that nothing listens on (the OS picks one, then it is closed again). */
async function closedPort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function query(url, sql, params) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

test("with no PostgreSQL at the configured address, an embedded one serves the run and is gone after stop()", async () => {
  const configured = `postgres://postgres@127.0.0.1:${await closedPort()}/test`;
  const postgres = await ensurePostgres(configured);
  let stopped = false;
  try {
    assert.equal(postgres.embedded, true);
    assert.notEqual(postgres.url, configured);
    const dataDir = (await query(postgres.adminUrl, "show data_directory"))[0].data_directory;
    assert.ok(existsSync(dataDir));

    // The suites' database exists, keeps UTF-8 text and lowercases it the way a Debian server does.
    const [row] = await query(postgres.url, "select current_database() as db, lower($1::text) as lowered", ["ÉCOLE Ñandú"]);
    assert.deepEqual(row, { db: "test", lowered: "école ñandú" });
    // Each API test makes its own schema; the bench and reliability suites make databases.
    await query(postgres.url, "create schema t_fallback; create table t_fallback.signatures (id int primary key, name text not null)");
    await query(postgres.url, "insert into t_fallback.signatures values (1, $1)", ["Zoë"]);
    assert.deepEqual(await query(postgres.url, "select name from t_fallback.signatures"), [{ name: "Zoë" }]);
    await query(postgres.adminUrl, "create database ck_fallback_check");
    await query(postgres.adminUrl, "drop database ck_fallback_check");

    // A server that answers is used as it is: nothing else is started.
    const again = await ensurePostgres(postgres.url);
    assert.deepEqual({ url: again.url, embedded: again.embedded }, { url: postgres.url, embedded: false });

    await postgres.stop();
    stopped = true;
    await assert.rejects(query(postgres.url, "select 1"), /ECONNREFUSED/);
    assert.equal(existsSync(dataDir), false);
  } finally {
    if (!stopped) await postgres.stop();
  }
});
