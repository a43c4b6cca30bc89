// Petition signing under load (autocannon on loopback), against a bare Hono + one INSERT baseline on
// the same database in the same run.
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import autocannon from "autocannon";
import { ROOT, SLUG, freshTarget, loadSummary as summary, prepare, signer, signHeaders, startApi, startProcess } from "./support.mjs";

const DURATION = Number(process.env.CK_BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;

function load(url, path, headers, duration = DURATION) {
  return autocannon({
    url: url + path,
    method: "POST",
    connections: CONNECTIONS,
    duration,
    requests: [{ setupRequest: (req) => ({ ...req, headers: { ...headers, "Idempotency-Key": randomUUID() }, body: JSON.stringify(signer("load")) }) }],
  });
}


/** One webhook endpoint for the coalition, so every signature also writes its outbox row (never delivered: example.org). */
async function withWebhook(db) {
  await db.query(
    `insert into webhook_endpoints (organization_id, url, events, secret)
     select id, 'https://hooks.example.org/coalition-kit', array['signature.created'], 'whsec_bench' from organizations where kind = 'coalition'`,
  );
}

/** Rounds per database: the goal is the median ratio of 3 runs, each side by side with its baseline. */
const ROUNDS = Number(process.env.CK_BENCH_ROUNDS ?? 3);

/** One round: the API signing, then the bare baseline, on the same database in the same minute. */
async function round(target) {
  const api = await startApi(target);
  let sign;
  try {
    await load(api.url, `/v1/petitions/${SLUG}/signatures`, signHeaders(), 3); // warm-up, discarded
    sign = summary(await load(api.url, `/v1/petitions/${SLUG}/signatures`, signHeaders()));
  } finally {
    await api.stop();
  }
  const base = await startProcess(join(ROOT, "test/bench/baseline-server.mjs"), target.env, /Baseline on (\S+)/);
  let baseline;
  try {
    await load(base.url, "/sign", { "Content-Type": "application/json" }, 3); // warm-up, discarded
    baseline = summary(await load(base.url, "/sign", { "Content-Type": "application/json" }));
  } finally {
    await base.stop();
  }
  return { sign, baseline, ratio: sign.rps / baseline.rps };
}

/** Signing against the baseline, ROUNDS times; the round with the median ratio is the one reported. */
export async function throughput(kind) {
  const target = await freshTarget(kind);
  try {
    await prepare(target, withWebhook);
    const rounds = [];
    for (let i = 0; i < ROUNDS; i += 1) rounds.push(await round(target));
    const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)];
    return { label: target.label, ...median, ratios: rounds.map((r) => r.ratio) };
  } finally {
    await target.cleanup();
  }
}
