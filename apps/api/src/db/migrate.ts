import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Db, Queryable } from "./types.js";

const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations/", import.meta.url));
/** Any constant: the advisory lock that keeps two replicas from migrating at once. */
const MIGRATION_LOCK = 727_001;

/**
 * The committed migrations, in the order they apply: the numbered files once each, then each file
 * in functions/ (a database function as it is now, `create or replace`) whenever its words change,
 * recorded as `functions/<file>@<digest>`. A function changes in one file, not in a copy of its
 * whole body per migration; a numbered migration drops it first when its parameters change.
 */
async function migrationFiles(): Promise<string[]> {
  const numbered = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f)).sort();
  const functions = (await readdir(`${MIGRATIONS_DIR}functions/`)).filter((f) => /^[\w-]+\.sql$/.test(f)).sort();
  const versions = await Promise.all(
    functions.map(async (f) => `functions/${f}@${createHash("sha256").update(await readFile(`${MIGRATIONS_DIR}functions/${f}`)).digest("hex").slice(0, 12)}`),
  );
  return [...numbered, ...versions];
}

/** A migration's SQL: a numbered file, or a function file named by its version. */
const migrationSql = (version: string) => readFile(MIGRATIONS_DIR + version.replace(/@[0-9a-f]+$/, ""), "utf8");

/** Apply committed SQL migrations in order, each once, in one transaction. Returns the names applied. */
export async function migrate(db: Db): Promise<string[]> {
  const files = await migrationFiles();
  return db.tx(async (q) => {
    await q.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await q.query("create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())");
    const done = new Set((await q.query<{ version: string }>("select version from schema_migrations")).map((r) => r.version));
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      const sql = await migrationSql(file);
      for (const statement of splitStatements(sql)) await q.query(statement);
      await q.query("insert into schema_migrations (version) values ($1)", [file]);
      applied.push(file);
    }
    return applied;
  });
}

let committed: Promise<string[]> | undefined;
/** Committed migrations this database has not applied (all of them on a database never migrated). */
export async function pendingMigrations(q: Queryable): Promise<string[]> {
  committed ??= migrationFiles();
  const [files, table] = await Promise.all([committed, q.query<{ present: boolean }>("select to_regclass('schema_migrations') is not null as present")]);
  if (!table[0]?.present) return files;
  const done = new Set((await q.query<{ version: string }>("select version from schema_migrations")).map((r) => r.version));
  return files.filter((file) => !done.has(file));
}

/** Split a migration into statements at semicolons outside $$-quoted bodies (functions, triggers). */
export function splitStatements(sql: string): string[] {
  const text = sql
    .split("\n")
    .filter((line) => !line.trim().startsWith("--"))
    .join("\n");
  const statements: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    if (text.startsWith("$$", i)) {
      quoted = !quoted;
      current += "$$";
      i += 1;
    } else if (text[i] === ";" && !quoted) {
      statements.push(current);
      current = "";
    } else current += text[i];
  }
  statements.push(current);
  return statements.map((s) => s.trim()).filter(Boolean);
}
