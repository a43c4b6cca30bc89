/** Something that runs parameterized SQL: the database, or one transaction on it. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Run fn in one transaction: committed when it resolves, rolled back when it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** PostgreSQL connection string. Falls back to DATABASE_URL; without either, PGlite is used. */
  url?: string;
  /** PGlite data folder (default: CK_DATA_DIR, else <repo>/data/pglite). */
  dataDir?: string;
  /** PGlite in memory (tests). */
  memory?: boolean;
  /** PostgreSQL only: use (and create) this schema, isolating tables (tests). */
  schema?: string;
}
