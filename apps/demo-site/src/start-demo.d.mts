import type { Db, SeedData } from "@coalition-kit/api";

export declare const SEED_FILE: string;

export interface DemoOptions {
  apiPort?: number;
  sitePort?: number;
  host?: string;
  databaseUrl?: string;
  dataDir?: string;
  memory?: boolean;
  /** PostgreSQL schema to isolate this demo's tables (tests). */
  dbSchema?: string;
  /** An SMTP server for the API's emails (the CLI starts a local mail catcher); without it emails stay queued. */
  smtpUrl?: string;
  /** How often the API looks for emails to send (default 1000 ms). */
  messageIntervalMs?: number;
}

export interface RunningDemo {
  db: Db;
  /** A fresh secret key for the CT coalition (moderation API); shown once. */
  organizerKey: string;
  apiUrl: string;
  siteUrl: string;
  /**
   * Seed more data (campaigns changed by a test) keeping the demo site's actual origin on its
   * partners: a plain `seed()` would put back the seed file's origins and the page's reads would
   * fail CORS once the API's partner cache (5 s) expires.
   */
  reseed(data: SeedData): Promise<unknown>;
  close(): Promise<void>;
}

export declare function startDemo(options?: DemoOptions): Promise<RunningDemo>;
