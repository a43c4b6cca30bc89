import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { lockDataDir } from "./data-dir-lock.js";
import type { Db, Queryable } from "./types.js";

/** Embedded PostgreSQL. One connection: transactions are serialized by PGlite itself. */
export async function openPglite(dataDir: string | undefined): Promise<Db> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  // One process per folder: a second one is refused before it opens anything.
  const release = dataDir ? await lockDataDir(dataDir) : async () => undefined;
  let pg: PGlite;
  try {
    pg = await PGlite.create(dataDir ? { dataDir } : {});
  } catch (error) {
    await release();
    throw error;
  }
  const wrap = (q: { query: PGlite["query"] }): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await q.query<T>(sql, params as unknown[])).rows;
    },
  });
  const root = wrap(pg);
  return {
    kind: "pglite",
    query: root.query,
    tx: (fn) => pg.transaction((t) => fn(wrap(t))),
    close: async () => {
      await pg.close();
      await release();
    },
  };
}
