// Public petition reads under load (autocannon on loopback, 20 connections), with no CDN:
// repeated page views of one petition (the API keeps the answer in memory for a second), as plain
// JSON and gzipped as a browser asks for it, the same
// revalidated with If-None-Match (304), every read reaching the database (a new URL each time),
// and a bare Hono server answering the same bytes as a constant, in the same run.
import { join } from "node:path";
import autocannon from "autocannon";
import { ORIGIN, PARTNER_KEY, ROOT, SLUG, freshTarget, loadSummary as summary, prepare, startApi, startProcess } from "./support.mjs";

const DURATION = Number(process.env.CK_BENCH_SECONDS ?? 10);

const load = (url, headers = {}, duration = DURATION) => autocannon({ url, method: "GET", connections: 20, duration, headers });
/** What Chromium sends: the API answers it gzipped. */
const BROWSER_ENCODINGS = "gzip, deflate, br, zstd";
let n = 0;
/** Each request its own URL (?r=N), so none is answered from the API's memory. */
const loadUnique = (url, headers) => autocannon({ url, method: "GET", connections: 20, duration: DURATION, headers, requests: [{ setupRequest: (req) => ({ ...req, path: `${req.path}&r=${(n += 1)}` }) }] });

export async function reads(kind) {
  const target = await freshTarget(kind);
  try {
    await prepare(target);
    const api = await startApi(target);
    const url = `${api.url}/v1/petitions/${SLUG}?key=${PARTNER_KEY}`;
    let body;
    let uncached;
    let gzipped;
    let revalidated;
    let database;
    try {
      const first = await fetch(url, { headers: { Origin: ORIGIN, "Accept-Encoding": "identity" } });
      body = await first.text();
      const etag = first.headers.get("etag");
      await load(url, { Origin: ORIGIN }, 3); // warm-up, discarded
      uncached = summary(await load(url, { Origin: ORIGIN }));
      gzipped = summary(await load(url, { Origin: ORIGIN, "Accept-Encoding": BROWSER_ENCODINGS }));
      revalidated = summary(await load(url, { Origin: ORIGIN, "If-None-Match": etag }));
      database = summary(await loadUnique(url, { Origin: ORIGIN }));
    } finally {
      await api.stop();
    }
    const base = await startProcess(join(ROOT, "test/bench/baseline-read-server.mjs"), { CK_BASELINE_BODY: body }, /Baseline on (\S+)/);
    let baseline;
    try {
      await load(`${base.url}/read`, {}, 3);
      baseline = summary(await load(`${base.url}/read`));
    } finally {
      await base.stop();
    }
    return { label: target.label, bytes: Buffer.byteLength(body), uncached, gzipped, revalidated, database, baseline, ratio: uncached.rps / baseline.rps };
  } finally {
    await target.cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) for (const kind of (process.env.CK_BENCH_DBS ?? "postgres").split(",")) console.log(await reads(kind));
