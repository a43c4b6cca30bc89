// Test harness: the real API on a free loopback port, with a fresh database per test file —
// PGlite in memory, or a fresh schema in PostgreSQL when CK_TEST_DATABASE_URL is set.
import { randomBytes } from "node:crypto";
import { openDb } from "../db/open.js";
import { migrate } from "../db/migrate.js";
import type { Db } from "../db/types.js";
import { SEEDS_DIR } from "../paths.js";
import { loadSeedFile, seed } from "../seed/seed.js";
import type { SeedData, SeedPetition, SeedTrainingSeries } from "../seed/types.js";
import { startServer, type RunningServer, type StartOptions } from "../server-start.js";
import { createLogger } from "../log.js";

export const PG_URL = process.env.CK_TEST_DATABASE_URL || undefined;
export const DB_LABEL = PG_URL ? "PostgreSQL" : "PGlite";
export const ORIGIN = "https://partner.example.org";
export const SLUG = "ct-funding-gap";
export const E4E = "pk_demo_e4e";
export const CONNCAN = "pk_demo_conncan";

export interface Harness {
  db: Db;
  url: string;
  /** The app the server runs: its registered routes. */
  app: RunningServer["app"];
  stop(): Promise<void>;
  /** POST JSON to a path with the partner key and allowed Origin unless overridden. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  count(sql?: string, params?: unknown[]): Promise<number>;
}

/** Server options for a test, plus petitions and training series seeded beside the CT seed file's. */
export type HarnessOptions = Partial<Omit<StartOptions, "db" | "port">> & { extraPetitions?: SeedPetition[]; extraTrainings?: SeedTrainingSeries[] };

/** The API with its own fresh database, seeded from seeds/ct-funding-gap.json (plus any extras), on a free port. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const schema = PG_URL ? `t_${randomBytes(6).toString("hex")}` : undefined;
  const db = await openDb(PG_URL ? { url: PG_URL, schema } : { memory: true });
  await migrate(db);
  const data: SeedData = await loadSeedFile(`${SEEDS_DIR}ct-funding-gap.json`);
  (data.petitions ??= []).push(...(options.extraPetitions ?? []));
  (data.trainings ??= []).push(...(options.extraTrainings ?? []));
  await seed(db, data, { extraOrigins: [ORIGIN] });
  // Request lines stay out of the test output (LOG_LEVEL=info shows them); errors are printed.
  const logger = createLogger(process.env.LOG_LEVEL ?? "warn");
  const server = await startServer({ rateLimit: { signaturesPerMinute: 10_000, keyWritesPerMinute: 100_000, adminAuthFailuresPerMinute: 10_000, adminRequestsPerMinute: 100_000, linkRequestsPerMinute: 100_000 }, logger, ...options, db, port: 0 });
  return {
    db,
    url: server.url,
    app: server.app,
    async stop() {
      await server.close();
      if (schema) await db.query(`drop schema if exists "${schema}" cascade`);
      await db.close();
    },
    post(path, body, headers = {}) {
      return fetch(server.url + path, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Partner-Key": E4E, Origin: ORIGIN, ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
    },
    async count(sql = "select count(*)::int as n from signatures", params = []) {
      const rows = await db.query<{ n: number }>(sql, params);
      return rows[0]?.n ?? 0;
    },
  };
}

let n = 0;
/** A signer (or registrant) with a fresh email each call; `overrides` change or add fields. */
export function signer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  n += 1;
  return { firstName: "Jordan", email: `signer${n}.${randomBytes(3).toString("hex")}@example.org`, zip: "06511", ageBand: "18_plus", ...overrides };
}

/** A petition to seed beside the CT ones, with plain consent texts ("{partner}" in the partner's). */
export function petitionFixture(slug: string, overrides: Partial<SeedPetition> = {}): SeedPetition {
  return {
    slug,
    title: `Fixture ${slug}`,
    body: "Fixture body.",
    target: "Fixture target",
    goal: 10,
    consent: {
      coalition: { text: "Coalition may email me.", version: "c1" },
      partner: { text: "{partner} may email me.", version: "p1" },
      guardian: { text: "I am the guardian.", version: "g1" },
    },
    ...overrides,
  };
}
