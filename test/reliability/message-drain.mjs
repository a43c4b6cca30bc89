// Drain queued reminders through two API processes on one PostgreSQL into a local SMTP sink, and
// kill -9 one of them mid-drain: every message must arrive; the sink counts SMTP deliveries per
// message key (X-CK-Message-Key) and distinct Message-IDs, so a message sent twice is seen.
import { startSmtpSink } from "./smtp-sink.mjs";
import { freshTarget, prepare, startApi } from "../bench/support.mjs";

const KEY_HEADER = /^x-ck-message-key:\s*(\S+)/im;
const MESSAGE_ID = /^message-id:\s*(\S+)/im;

/** The sink records each mail's key and Message-ID. */
async function startSink() {
  const byKey = new Map();
  const messageIds = new Set();
  let total = 0;
  const sink = await startSmtpSink((headers) => {
    const key = KEY_HEADER.exec(headers)?.[1];
    const id = MESSAGE_ID.exec(headers)?.[1];
    total += 1;
    if (key) byKey.set(key, (byKey.get(key) ?? 0) + 1);
    if (id) messageIds.add(id);
  });
  return { ...sink, stats: () => ({ total, keys: byKey.size, twice: [...byKey.values()].filter((n) => n > 1).length, messageIds: messageIds.size }) };
}

/** Queue `count` due reminders for registrants of one HEAL Together session (bulk SQL). */
async function queueReminders(db, count) {
  await db.query(
    `with s as (select s.id as session_id, ts.coalition_id, ts.id as series_id from training_sessions s join training_series ts on ts.id = s.series_id order by s.starts_at desc limit 1),
          pa as (select pa.id from partners pa, s where pa.coalition_id = s.coalition_id limit 1),
          ppl as (insert into people (coalition_id, email_normalized, first_name)
                  select s.coalition_id, 'drain' || g || '@example.org', 'Drain' from s, generate_series(1, $1) g returning id, coalition_id, email_normalized),
          regs as (insert into training_registrations (session_id, person_id, partner_id, status, locale)
                   select s.session_id, ppl.id, pa.id, 'registered', 'en' from ppl, s, pa returning id, person_id)
     insert into messages (coalition_id, partner_id, person_id, kind, dedupe_key, registration_id, scope, locale, to_address, send_at)
     select s.coalition_id, pa.id, regs.person_id, 'training.reminder', 'drain:' || regs.id, regs.id, 'series:' || s.series_id, 'en', ppl.email_normalized, now()
       from regs join ppl on ppl.id = regs.person_id, s, pa`,
    [count],
  );
}

export async function messageDrain(count = Number(process.env.CK_DRAIN_MESSAGES ?? 10_000)) {
  const target = await freshTarget("postgres");
  const sink = await startSink();
  try {
    await prepare(target, (db) => queueReminders(db, count), ["ct-funding-gap.json", "heal-together-training.json"]);
    const env = { SMTP_URL: sink.url, CK_MESSAGES_INTERVAL_MS: "50", CK_MESSAGES_BATCH: "50", CK_MESSAGE_LEASE_SECONDS: "10" };
    const started = performance.now();
    const [a, b] = await Promise.all([startApi(target, env), startApi(target, env)]);
    const killAt = Math.floor(count * 0.3);
    while (sink.stats().total < killAt) await new Promise((r) => setTimeout(r, 20));
    a.child.kill("SIGKILL");
    await a.exited;
    const deliveredAtKill = sink.stats().total;
    const deadline = Date.now() + 10 * 60_000;
    while (sink.stats().keys < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const seconds = (performance.now() - started) / 1000;
    // Let anything still in flight land before counting duplicates.
    const db = await target.open();
    const rows = await db.query("select status, count(*)::int as n from messages group by status");
    await db.close();
    await b.stop();
    const stats = sink.stats();
    return { label: "PostgreSQL, 2 API processes", queued: count, deliveredAtKill, ...stats, seconds, perSecond: stats.keys / seconds, statuses: Object.fromEntries(rows.map((r) => [r.status, r.n])) };
  } finally {
    await sink.close();
    await target.cleanup();
  }
}
