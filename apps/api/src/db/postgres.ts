import pg from "pg";
import type { Db, Queryable } from "./types.js";

// Return bigint counts as numbers (they stay far below 2^53) and keep timestamps as ISO strings.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1184, (v) => new Date(v).toISOString());
pg.types.setTypeParser(1082, (v) => v); // dates stay "YYYY-MM-DD"

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
    max: Number(process.env.CK_DB_POOL_SIZE ?? 10),
    ...(schema ? { options: `-c search_path="${schema}",public` } : {}),
  });
  pool.on("error", (error) => console.error("postgres pool error:", error.message));
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await c.query(sql, params as unknown[])).rows as T[];
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
