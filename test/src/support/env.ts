import { randomBytes } from "node:crypto";
import { chromium, type Browser } from "playwright-core";

/** Set by the test command for the PostgreSQL run; empty means PGlite in memory. */
export const PG_URL = process.env.CK_TEST_DATABASE_URL || undefined;
export const DB_LABEL = PG_URL ? "PostgreSQL" : "PGlite";

/** Database options for one isolated test database (fresh PGlite, or a fresh schema on PostgreSQL). */
export function isolatedDb(): { memory: true } | { databaseUrl: string; dbSchema: string } {
  return PG_URL ? { databaseUrl: PG_URL, dbSchema: `t_${randomBytes(6).toString("hex")}` } : { memory: true };
}

export const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/** A unique, valid email for one test signer. */
export function email(tag: string): string {
  return `${tag}.${randomBytes(4).toString("hex")}@example.org`;
}
