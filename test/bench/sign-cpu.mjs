// PostgreSQL backend CPU per sign_petition call: N sequential calls on one connection, timed by the
// backend's own user+system CPU (/proc/<pid>/stat), so the API and the network do not count (other
// sessions on a shared machine still slow it: compare round by round), and by PostgreSQL's own WAL
// and buffer counts, which load does not change. Needs the server on this machine (/proc).
// Usage: CK_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> node test/bench/sign-cpu.mjs [calls] [a.sql b.sql…]
// With function files (versions of migrations/functions/sign_petition.sql), each round applies each
// in turn and measures it: an A/B comparison in the same minute on the same database.
// Every call is a new signer with its own Idempotency-Key, as throughput.mjs signs (an adult, no
// opt-ins, one webhook endpoint configured).
import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { freshTarget, prepare, SLUG } from "./support.mjs";

const CALLS = Number(process.argv[2] ?? 2000);
const VARIANTS = process.argv.slice(3);
const ROUNDS = Number(process.env.CK_BENCH_ROUNDS ?? 3);
const TICKS = 100; // USER_HZ on Linux

async function backendCpuSeconds(pid) {
  const fields = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime, stime (fields 14 and 15)
}

const target = await freshTarget("postgres");
try {
  await prepare(target, (db) =>
    db.query(
      `insert into webhook_endpoints (organization_id, url, events, secret)
       select id, 'https://hooks.example.org/coalition-kit', array['signature.created'], 'whsec_bench' from organizations where kind = 'coalition'`,
    ),
  );
  const client = new pg.Client({ connectionString: target.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows: [p] } = await client.query(
      `select pa.id, pa.coalition_id, pa.organization_id, o.slug, o.name from partners pa join organizations o on o.id = pa.organization_id
        where pa.publishable_key = 'pk_demo_e4e'`,
    );
    const sql = `select sign_petition(${Array.from({ length: 26 }, (_, i) => `$${i + 1}`).join(", ")}) as result`;
    const values = (i, run) =>  [p.id, p.coalition_id, p.organization_id, p.slug, p.name, randomUUID(), `hash-${run}-${i}`, SLUG,
          `cpu-${run}-${i}@example.org`, "Bench", null, "06511", null, null, null, null, "18_plus", false, false, null,
          "en", "https://partner.example.org", ["petition.confirm", "petition.guardian", "story.guardian"], null, "online", null];
    const call = (i, run) => client.query({ name: "sign", text: sql, values: values(i, run) });
    // What a call writes and touches, counted by PostgreSQL itself (the same on a busy machine):
    // WAL bytes and records, and shared buffers hit or dirtied, over the whole call (its triggers too).
    const explained = async (i, run) => {
      const { rows } = await client.query({ text: `explain (analyze, buffers, wal, format json) ${sql}`, values: values(i, run) });
      const plan = rows[0]["QUERY PLAN"][0].Plan;
      return { walBytes: plan["WAL Bytes"], walRecords: plan["WAL Records"], buffersHit: plan["Shared Hit Blocks"], buffersDirtied: plan["Shared Dirtied Blocks"] };
    };
    const { rows: [{ pid }] } = await client.query("select pg_backend_pid() as pid");
    const variants = VARIANTS.length ? VARIANTS : [null];
    const runs = Object.fromEntries(variants.map((v) => [v ?? "as migrated", []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const variant of variants) {
        if (variant) await client.query(await readFile(variant, "utf8")); // one statement: simple protocol
        const run = `${round}-${variants.indexOf(variant)}`;
        for (let i = 0; i < 20; i += 1) await call(i, `warm-${run}`); // plans cached, caches warm
        const check = (await call(0, `check-${run}`)).rows[0].result;
        if (check.outcome !== "done" || check.body.status !== "signed") throw new Error(`not a signature: ${JSON.stringify(check)}`);
        const cpu0 = await backendCpuSeconds(pid);
        const t0 = performance.now();
        for (let i = 0; i < CALLS; i += 1) await call(i, run);
        const wall = performance.now() - t0;
        const counted = [];
        for (let i = 0; i < 5; i += 1) counted.push(await explained(i, `explain-${run}`));
        runs[variant ?? "as migrated"].push({ cpuMicrosPerCall: Math.round((((await backendCpuSeconds(pid)) - cpu0) * 1e6) / CALLS), wallMicrosPerCall: Math.round((wall * 1000) / CALLS), ...counted.sort((a, b) => a.walBytes - b.walBytes)[2] });
      }
    }
    // Other sessions on a shared machine make each round slower or faster as a whole: compare the
    // variants round by round (the median of the paired differences), not only their medians.
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const [first] = Object.values(runs);
    for (const [variant, r] of Object.entries(runs)) {
      const cpu = r.map((x) => x.cpuMicrosPerCall);
      const delta = r === first ? undefined : median(cpu.map((c, i) => c - first[i].cpuMicrosPerCall));
      const counts = Object.fromEntries(["walBytes", "walRecords", "buffersHit", "buffersDirtied"].map((k) => [k, median(r.map((x) => x[k]))]));
      console.log(JSON.stringify({ variant, calls: CALLS, rounds: ROUNDS, cpuMicrosPerCallMedian: median(cpu), cpuMicrosPerCallMin: Math.min(...cpu), pairedDeltaVsFirst: delta, ...counts, cpu }));
    }
    // The thank-yous those calls left owed (migration 032), queued afterwards as the message worker
    // does: its CPU per thank-you belongs to signing too, though off the signing call.
    const [{ owed }] = (await client.query("select count(*)::int as owed from thanks_owed")).rows;
    if (owed > 0) {
      const { queueOwedThanks } = await import("../../apps/api/dist/services/messages/signature-thanks.js");
      const cpu0 = await backendCpuSeconds(pid);
      const queued = await queueOwedThanks({ query: async (text, params) => (await client.query(text, params)).rows });
      console.log(JSON.stringify({ drained: owed, queued, cpuMicrosPerThankYou: Math.round((((await backendCpuSeconds(pid)) - cpu0) * 1e6) / owed) }));
    }
  } finally {
    await client.end();
  }
} finally {
  await target.cleanup();
}
