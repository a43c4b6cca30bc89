// A petition with 1,000,000 signatures: how fast the live count reads (p50/p99 over 1,000 reads after
// 1,000 discarded), and how much memory the API needs to stream all of them as CSV.
import { createSecretKey } from "@coalition-kit/api";
import { SLUG, freshTarget, memoryOf, percentile, prepare, startApi } from "./support.mjs";

const ROWS = Number(process.env.CK_BENCH_ROWS ?? 1_000_000);
const READS = 1_000;
const WARM_UP_READS = 1_000;

async function fill(db) {
  const started = performance.now();
  await db.query(
    `with p as (select id, coalition_id from petitions where slug = $1),
          pa as (select id from partners where publishable_key = 'pk_demo_e4e')
     insert into people (coalition_id, email_normalized, first_name, zip)
     select p.coalition_id, 'scale' || g || '@example.org', 'Scale', '06511' from p, generate_series(1, $2::int) g`,
    [SLUG, ROWS],
  );
  // A bulk load, as an operator would do it: the per-row count trigger off, the counts added once.
  await db.query("alter table signatures disable trigger signatures_count");
  await db.query(
    `insert into signatures (petition_id, person_id, partner_id, created_at)
     select (select id from petitions where slug = $1), pe.id, (select id from partners where publishable_key = 'pk_demo_e4e'), now() - (random() * interval '30 days')
       from people pe where pe.email_normalized like 'scale%'`,
    [SLUG],
  );
  await db.query(
    `insert into petition_counts (petition_id, partner_id, shard, count)
     select petition_id, partner_id, 15, count(*) from signatures where person_id in (select id from people where email_normalized like 'scale%')
      group by petition_id, partner_id
     on conflict (petition_id, partner_id, shard) do update set count = petition_counts.count + excluded.count`,
  );
  await db.query("alter table signatures enable trigger signatures_count");
  // And as an operator finishes a bulk load: vacuum sets the visibility map and the planner's
  // statistics, which autovacuum would otherwise do in the middle of the measured reads.
  await db.query("vacuum analyze");
  return (performance.now() - started) / 1000;
}

export async function scale(kind) {
  const target = await freshTarget(kind);
  try {
    const { key, fillSeconds } = await prepare(target, async (db) => ({ fillSeconds: await fill(db), key: (await createSecretKey(db, "ct-fund-our-schools")).key }));
    const api = await startApi(target, { CK_DB_POOL_SIZE: "10" });
    try {
      // The first reads after a start compile the API's code paths and fill PostgreSQL's caches: a
      // running API has done that long before. Discarded.
      for (let i = 0; i < WARM_UP_READS; i += 1) await (await fetch(`${api.url}/v1/petitions/${SLUG}/stats?w=${i}`)).arrayBuffer();
      const times = [];
      let total = 0;
      for (let i = 0; i < READS; i += 1) {
        const t = performance.now();
        // A new URL each time: the count is read from the database, not the API's 1-second memory.
        const res = await fetch(`${api.url}/v1/petitions/${SLUG}/stats?r=${i}`);
        total = (await res.json()).stats.total;
        times.push(performance.now() - t);
      }
      const before = await memoryOf(api.pid);
      const t = performance.now();
      const res = await fetch(`${api.url}/v1/admin/petitions/${SLUG}/signatures.csv`, { headers: { Authorization: `Bearer ${key}` } });
      let bytes = 0;
      let lines = 0;
      let peak = before.peakMiB;
      const sampler = setInterval(() => void memoryOf(api.pid).then((m) => (peak = Math.max(peak, m.peakMiB, m.rssMiB)), () => undefined), 100);
      for await (const chunk of res.body) {
        bytes += chunk.length;
        for (const b of chunk) if (b === 10) lines += 1;
      }
      clearInterval(sampler);
      const after = await memoryOf(api.pid);
      return {
        label: target.label,
        rows: total,
        fillSeconds,
        p50: percentile(times, 50),
        p99: percentile(times, 99),
        csvRows: lines - 1,
        csvMiB: bytes / 1024 / 1024,
        csvSeconds: (performance.now() - t) / 1000,
        rssBeforeMiB: before.rssMiB,
        peakMiB: Math.max(peak, after.peakMiB),
      };
    } finally {
      await api.stop();
    }
  } finally {
    await target.cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) for (const kind of (process.env.CK_BENCH_DBS ?? "postgres").split(",")) console.log(await scale(kind));
