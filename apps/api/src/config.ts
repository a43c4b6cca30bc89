// Every environment variable the API reads, checked once at startup: a typo (CK_SIGNATURES_PER_MINUTE=20/min)
// stops the server with a message naming the variable, instead of silently turning a limit off.

export interface ApiConfig {
  production: boolean;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  publicUrl: string | undefined;
  /** Writes per minute from one IP address, per action, before a proof-of-work challenge is asked. */
  signaturesPerMinute: number;
  /** Writes per minute from one IP address, per action, with a solved challenge; past it, 429. */
  challengedWritesPerMinute: number;
  /** How much work a challenge asks: the counter its solver must reach, at most (SHA-256 hashes). */
  challengeWork: number;
  /** Writes per minute with one partner key, from all addresses together. */
  keyWritesPerMinute: number;
  /** Failed secret-key attempts per minute from one address before it is refused (429). */
  adminAuthFailuresPerMinute: number;
  /** Admin API requests per minute with one secret key. */
  adminRequestsPerMinute: number;
  /** Requests per minute from one address to the pages emailed links open (confirm, withdraw, guardian, unsubscribe, cancel). */
  linkRequestsPerMinute: number;
  /** How many proxies in front of the API append to X-Forwarded-For (0: trust none of it). */
  trustedProxies: number;
  messageLeaseSeconds: number;
  messagesIntervalMs: number;
  messagesBatch: number;
  dbPoolSize: number;
  /** pino level for the API's JSON logs (LOG_LEVEL: fatal, error, warn, info, debug, trace or silent). */
  logLevel: LogLevel;
  /** Bearer token that opens /metrics (METRICS_TOKEN); without it /metrics is not served. */
  metricsToken: string | undefined;
  /** How long a stopping server waits for requests in flight before closing their connections. */
  shutdownTimeoutMs: number;
  /**
   * The 32-byte key that encrypts connectors' API keys at rest (CK_CONNECTOR_KEY: 64 hex digits).
   * Outside production a fixed development key stands in; in production, without it, no OSDI
   * connector can be saved.
   */
  connectorKey: Buffer | undefined;
}

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The API's environment is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

type Env = Record<string, string | undefined>;

/** Read and check the environment; throws ConfigError listing every problem at once. */
export function readConfig(env: Env = process.env): ApiConfig {
  const problems: string[] = [];
  const present = (name: string) => (env[name] === undefined || env[name] === "" ? undefined : env[name]);

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = present(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
      return fallback;
    }
    return Number(raw);
  };
  const url = (name: string, protocols: string[]): string | undefined => {
    const raw = present(name);
    if (raw === undefined) return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) throw new Error();
      return raw;
    } catch {
      problems.push(`${name} must be a ${protocols.map((p) => p.replace(":", "://")).join(" or ")} address (got "${redact(raw)}").`);
      return undefined;
    }
  };

  const nodeEnv = present("NODE_ENV");
  if (nodeEnv !== undefined && !["production", "development", "test"].includes(nodeEnv)) problems.push(`NODE_ENV must be production, development or test (got "${nodeEnv}").`);
  const production = nodeEnv === "production";
  const smtpUrl = url("SMTP_URL", ["smtp:", "smtps:"]);
  if (production && !smtpUrl && !problems.some((p) => p.startsWith("SMTP_URL"))) {
    problems.push("SMTP_URL is not set: in production the API needs an SMTP server to send confirmations and reminders (e.g. SMTP_URL=smtps://user:password@smtp.example.org:465).");
  }
  const mailFrom = present("MAIL_FROM");
  if (mailFrom !== undefined && !/^[^\s@<>]+@[^\s@<>]+$/.test(mailFrom)) problems.push(`MAIL_FROM must be an email address like no-reply@example.org (got "${mailFrom}").`);
  const trustRaw = present("CK_TRUST_PROXY");
  const trustedProxies = trustRaw === "true" ? 1 : trustRaw === "false" ? 0 : int("CK_TRUST_PROXY", 0, 0, 10);

  const logLevel = present("LOG_LEVEL") ?? "info";
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")} (got "${logLevel}").`);
  const metricsToken = present("METRICS_TOKEN");
  if (metricsToken !== undefined && !/^[\x21-\x7e]{24,512}$/.test(metricsToken)) problems.push("METRICS_TOKEN must be 24 or more printable characters without spaces (e.g. from `openssl rand -hex 24`).");

  const connectorRaw = present("CK_CONNECTOR_KEY");
  if (connectorRaw !== undefined && !/^[0-9a-f]{64}$/i.test(connectorRaw)) problems.push("CK_CONNECTOR_KEY must be 64 hex digits (32 bytes, e.g. from `openssl rand -hex 32`).");
  const connectorKey = connectorRaw && /^[0-9a-f]{64}$/i.test(connectorRaw) ? Buffer.from(connectorRaw, "hex") : undefined;

  const config: ApiConfig = {
    production,
    port: int("PORT", 8787, 0, 65_535),
    host: present("HOST") ?? "127.0.0.1",
    databaseUrl: url("DATABASE_URL", ["postgres:", "postgresql:"]),
    dataDir: present("CK_DATA_DIR"),
    smtpUrl,
    mailFrom,
    publicUrl: url("CK_PUBLIC_URL", ["http:", "https:"])?.replace(/\/+$/, ""),
    signaturesPerMinute: int("CK_SIGNATURES_PER_MINUTE", 20, 1, 1_000_000_000),
    challengedWritesPerMinute: int("CK_CHALLENGED_WRITES_PER_MINUTE", 300, 1, 1_000_000_000),
    challengeWork: int("CK_CHALLENGE_WORK", 50_000, 2, 100_000_000),
    keyWritesPerMinute: int("CK_KEY_WRITES_PER_MINUTE", 600, 1, 1_000_000_000),
    adminAuthFailuresPerMinute: int("CK_ADMIN_AUTH_FAILURES_PER_MINUTE", 10, 1, 100_000),
    adminRequestsPerMinute: int("CK_ADMIN_REQUESTS_PER_MINUTE", 600, 1, 1_000_000_000),
    linkRequestsPerMinute: int("CK_LINK_REQUESTS_PER_MINUTE", 60, 1, 1_000_000_000),
    trustedProxies,
    messageLeaseSeconds: int("CK_MESSAGE_LEASE_SECONDS", 120, 5, 86_400),
    messagesIntervalMs: int("CK_MESSAGES_INTERVAL_MS", 1000, 10, 3_600_000),
    messagesBatch: int("CK_MESSAGES_BATCH", 50, 1, 10_000),
    dbPoolSize: int("CK_DB_POOL_SIZE", 10, 1, 1000),
    logLevel: logLevel as LogLevel,
    metricsToken,
    shutdownTimeoutMs: int("CK_SHUTDOWN_TIMEOUT_MS", 10_000, 0, 600_000),
    connectorKey,
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** A URL with its password hidden, for messages. */
function redact(raw: string): string {
  return raw.replace(/\/\/([^:/@]+):([^@]+)@/, "//$1:***@");
}

let cached: ApiConfig | undefined;
/** The process's configuration, read once (server.ts reads it first, so a bad one stops the start). */
export function envConfig(): ApiConfig {
  cached ??= readConfig(process.env);
  return cached;
}
