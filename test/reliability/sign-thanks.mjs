// 1,000 people sign at once through two API processes on one PostgreSQL, 100 of them twice with the
// same Idempotency-Key, both processes sending email to one SMTP sink: every acknowledged signer
// must get exactly one thank-you (signing leaves it owed; either worker may queue it, never both).
// Usage: CK_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> node test/reliability/sign-thanks.mjs
import { randomUUID } from "node:crypto";
import { startSmtpSink } from "./smtp-sink.mjs";
import { freshTarget, prepare, sign, signer, startApi } from "../bench/support.mjs";

const SIGNERS = 1000;
const DOUBLE_CLICKS = 100;
const TO = /^to:\s*(\S+)/im;

/** An SMTP sink counting mails per recipient. */
async function startSink() {
  const byRecipient = new Map();
  const sink = await startSmtpSink((headers) => {
    const to = TO.exec(headers)?.[1]?.replace(/[<>]/g, "");
    if (to) byRecipient.set(to, (byRecipient.get(to) ?? 0) + 1);
  });
  return { ...sink, byRecipient };
}

export async function signThanks() {
  const target = await freshTarget("postgres");
  const sink = await startSink();
  try {
    await prepare(target);
    const env = { SMTP_URL: sink.url, CK_MESSAGES_INTERVAL_MS: "50", CK_MESSAGES_BATCH: "50" };
    const apis = await Promise.all([startApi(target, env), startApi(target, env)]);
    try {
      const people = Array.from({ length: SIGNERS }, () => ({ body: signer("thanks"), key: randomUUID() }));
      const sends = [...people, ...people.slice(0, DOUBLE_CLICKS)].map((p, i) => sign(apis[i % 2].url, p.body, p.key).then((r) => r.status, () => 0));
      const statuses = await Promise.all(sends);
      const acknowledged = people.filter((_, i) => statuses[i] === 201).map((p) => p.body.email);
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline && acknowledged.some((email) => !sink.byRecipient.has(email))) await new Promise((r) => setTimeout(r, 250));
      await new Promise((r) => setTimeout(r, 2000)); // a second copy, if any, would arrive by now
      const counts = acknowledged.map((email) => sink.byRecipient.get(email) ?? 0);
      return {
        acknowledged: acknowledged.length,
        failed: statuses.filter((s) => s !== 201).length,
        thanked: counts.filter((n) => n === 1).length,
        missing: counts.filter((n) => n === 0).length,
        twice: counts.filter((n) => n > 1).length,
      };
    } finally {
      await Promise.all(apis.map((api) => api.stop()));
    }
  } finally {
    await sink.close();
    await target.cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await signThanks()));
