// Error logs never carry personal data: an unexpected error is reduced to its kind, a redacted
// message and where it happened. A PostgreSQL error's `detail` ("Key (email)=(maya@example.org)
// already exists") and parameters are never printed. Every log line is one JSON object from pino
// on stdout (LOG_LEVEL sets the level); request lines come from http/request-log.ts.
import { pino, type Logger } from "pino";
import { envConfig } from "./config.js";

export type { Logger };

const REDACTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(smtps?|postgres(?:ql)?|https?):\/\/[^@\s/]+@/gi, "$1://***@"],
  [/[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi, "[email]"],
  [/\bsk_[A-Za-z0-9_-]{8,}/g, "[secret key]"],
  [/\bwhsec_[A-Za-z0-9_-]{8,}/g, "[webhook secret]"],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.\d{6,12}\.[A-Za-z0-9_-]{20,}/gi, "[link token]"],
  [/\((?:[^()]*)\)=\((?:[^()]*)\)/g, "(…)=(…)"],
];

/** A string with emails, keys, tokens, key values and credentials in URLs replaced. */
export function redact(text: string): string {
  return REDACTIONS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** One line describing an error, safe to log: its name and code, a redacted message and the top of its stack (code locations only). */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return redact(String(error)).slice(0, 300);
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? "").split("\n").slice(1, 5).map((line) => line.trim().replace(/\(file:\/\/\/.*?\/(apps|packages|node_modules)\//, "($1/"));
  return [`${error.name}${typeof code === "string" ? ` [${code}]` : ""}: ${redact(error.message).slice(0, 300)}`, ...frames].join(" | ");
}

/**
 * A JSON logger at `level` on stdout, or on `destination`. Stdout is written asynchronously:
 * pino's default writes every line synchronously, and under load a request line per request cost
 * more of the API's time than the signature itself (writev on the pipe, in a profile of the signing
 * bench). Lines written while one is in flight go out together; pino flushes what is left when the
 * process exits (a kill -9 can lose the last lines, never a signature). Lines are gathered up to
 * STDOUT_BATCH_BYTES, or for at most STDOUT_FLUSH_MS, before each write (see stdout()).
 */
export function createLogger(level: string = envConfig().logLevel, destination?: pino.DestinationStream): Logger {
  return pino({ level }, destination ?? stdout());
}

/** Bytes of log lines gathered before one write to stdout (about 30 request lines). */
export const STDOUT_BATCH_BYTES = 4096;
/** The longest a line waits in that batch before it is written anyway. */
export const STDOUT_FLUSH_MS = 100;

/**
 * Stdout as the loggers write it: asynchronous, in batches of STDOUT_BATCH_BYTES, flushed at
 * least every STDOUT_FLUSH_MS. At 20,000 page views a second a write per line (or per few lines)
 * was about a tenth of the API's CPU in a profile of the reads bench (fs writeString from
 * sonic-boom); batches cut those system calls about thirtyfold, and a quiet API still prints
 * each line within STDOUT_FLUSH_MS. What is left is written at exit (pino's exit handler, or endLog).
 */
function stdout(): ReturnType<typeof pino.destination> {
  return pino.destination({ dest: 1, sync: false, minLength: STDOUT_BATCH_BYTES, periodicFlush: STDOUT_FLUSH_MS });
}

let processLogger: Logger | undefined;
let processStream: ReturnType<typeof pino.destination> | undefined;
/** The process's logger (made on first use, at LOG_LEVEL). */
export function log(): Logger {
  processLogger ??= createLogger(envConfig().logLevel, (processStream = stdout()));
  return processLogger;
}

/**
 * Write out every line still buffered and close the process's log stream; resolves once stdout
 * has them all (call it last, then exit). `logger.flush(cb)` is not enough: with an asynchronous
 * destination it calls back at once, and a line still in the write in flight was lost or printed
 * out of order when the process exited right after.
 */
export function endLog(): Promise<void> {
  const stream = processStream;
  if (!stream || (stream as { destroyed?: boolean }).destroyed) return Promise.resolve();
  return new Promise((done) => {
    stream.once("close", () => done());
    stream.end();
  });
}

/** Log an error where it happened (`context`), redacted: `{"level":50,"msg":context,"error":"<describeError>"}`. */
export function logError(context: string, error: unknown, logger: Logger = log(), fields?: { reqId?: string }): void {
  logger.error({ ...fields, error: describeError(error) }, redact(context));
}
