import { envConfig } from "../config.js";
import { createHash } from "node:crypto";
import pg from "pg";
import type { Db, Queryable } from "./types.js";
import { logError } from "../log.js";

// Return bigint counts as numbers (they stay far below 2^53) and keep timestamps as ISO strings.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1184, (v) => new Date(v).toISOString());
pg.types.setTypeParser(1082, (v) => v); // dates stay "YYYY-MM-DD"

/** One name per SQL text (the statements are the code's own, so their number is bounded). */
const names = new Map<string, string>();
function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) names.set(sql, (name = `ck_${createHash("sha1").update(sql).digest("hex").slice(0, 20)}`));
  return name;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openPostgres(url: string, schema: string | undefined): Promise<Db> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists "${schema}"`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: envConfig().dbPoolSize,
    ...(schema ? { options: `-c search_path="${schema}",public` } : {}),
  });
  pool.on("error", (error) => logError("postgres pool error", error));
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      // With parameters: a named statement, parsed and planned once per connection. Without them
      // (migrations, several statements in one string): the simple protocol.
      const query = params.length > 0 ? { name: statementName(sql), text: sql, values: params as unknown[] } : sql;
      return (await c.query(query)).rows as T[];
    },
  });
  const root = wrap(pool);
  return {
    kind: "postgres",
    query: root.query,
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query("begin");
        const result = await fn(wrap(client));
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
