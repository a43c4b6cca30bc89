import type { Db } from "@coalition-kit/api";

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
  close(): Promise<void>;
}

export declare function startDemo(options?: DemoOptions): Promise<RunningDemo>;
