// A page view kept in memory is answered before the app: the partner's page must not be able to
// tell. Same status, headers and bytes as the answer that went through the whole chain, its own
// request id, one request log line and its count in the metrics, and a write still shows at once.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { Writable } from "node:stream";
import { createLogger } from "../log.js";
import { CONNCAN, DB_LABEL, ORIGIN, SLUG, signer, startHarness, type Harness } from "../testing/harness.js";

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** The raw status, headers and bytes of a GET (fetch would decompress and hide Content-Length). */
function rawGet(url: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

/** The headers a client compares, without those that differ on every answer. */
const stable = ({ headers }: Raw) => Object.fromEntries(Object.entries(headers).filter(([name]) => name !== "date" && name !== "x-request-id"));

describe(`page views kept in memory are answered as the app answers them (${DB_LABEL})`, () => {
  let h: Harness;
  const lines: Array<{ reqId?: string; route?: string; status?: number; msg?: string }> = [];
  before(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    h = await startHarness({ logger: createLogger("info", sink), metricsToken: "metrics-secret" });
  });
  after(() => h.stop());

  const url = () => `${h.url}/v1/petitions/${SLUG}?key=${CONNCAN}`;

  for (const [name, headers] of [
    ["plain JSON", { Origin: ORIGIN, "Accept-Encoding": "identity" }],
    ["gzipped for a browser", { Origin: ORIGIN, "Accept-Encoding": "gzip, deflate, br, zstd", "Accept-Language": "es" }],
  ] as const) {
    test(`${name}: the second and third views carry the first one's status, headers and bytes, each with its own request id`, async () => {
      const views = [await rawGet(url(), headers), await rawGet(url(), headers), await rawGet(url(), headers)];
      for (const view of views) {
        assert.equal(view.status, 200);
        assert.deepEqual(stable(view), stable(views[0]!));
        assert.deepEqual(view.body, views[0]!.body);
        assert.equal(view.headers["access-control-allow-origin"], ORIGIN, "the partner's page can read it");
        assert.equal(view.headers["x-content-type-options"], "nosniff");
        assert.equal(Number(view.headers["content-length"]), view.body.length);
      }
      assert.equal(new Set(views.map((v) => v.headers["x-request-id"])).size, 3, "every view has its own request id");
    });
  }

  test("a view from another origin, language or key is not answered with a kept one", async () => {
    const mine = await rawGet(url(), { Origin: ORIGIN });
    assert.equal(mine.headers["access-control-allow-origin"], ORIGIN);
    const stranger = await rawGet(url(), { Origin: "https://stranger.example.com" });
    assert.equal(stranger.headers["access-control-allow-origin"], undefined, "no CORS grant copied to an origin no partner lists");
    const spanish = await rawGet(url(), { Origin: ORIGIN, "Accept-Language": "es" });
    assert.equal(spanish.headers["content-language"] ?? "es", "es");
    assert.notEqual(spanish.headers.etag, mine.headers.etag, "the Spanish petition is its own answer");
    const other = await rawGet(`${h.url}/v1/petitions/${SLUG}`, { Origin: ORIGIN });
    const partner = (body: Buffer) => (JSON.parse(body.toString()) as { petition: { partner: { name: string } | null } }).petition.partner?.name;
    assert.equal(partner(mine.body), "ConnCAN");
    assert.equal(partner(other.body), undefined, "without the key, no partner is named");
  });

  test("a revalidation is answered 304 again and again, and a signature shows on the next view", async () => {
    const first = await rawGet(url(), { Origin: ORIGIN });
    const etag = String(first.headers.etag);
    const total = (raw: Raw) => (JSON.parse(raw.body.toString()) as { stats: { total: number } }).stats.total;
    for (let i = 0; i < 3; i += 1) assert.equal((await rawGet(url(), { Origin: ORIGIN, "If-None-Match": etag })).status, 304);
    assert.equal((await h.post(`/v1/petitions/${SLUG}/signatures`, signer())).status, 201);
    assert.equal((await rawGet(url(), { Origin: ORIGIN, "If-None-Match": etag })).status, 200, "the new count is a new answer");
    assert.equal(total(await rawGet(url(), { Origin: ORIGIN })), total(first) + 1);
  });

  test("every kept view writes its request line and counts in the metrics under the route's pattern", async () => {
    const headers = { Origin: ORIGIN, "X-Request-Id": "page-view-check" };
    await rawGet(url(), headers);
    const before = lines.filter((l) => l.reqId === "page-view-check").length;
    for (let i = 0; i < 4; i += 1) await rawGet(url(), headers);
    const mine = lines.filter((l) => l.reqId === "page-view-check");
    assert.equal(mine.length - before, 4);
    for (const line of mine) assert.deepEqual([line.route, line.status, line.msg], ["/v1/petitions/:slug", 200, "request"]);
    const metrics = await (await fetch(`${h.url}/metrics`, { headers: { Authorization: "Bearer metrics-secret" } })).text();
    const count = Number(metrics.match(/ck_http_requests_total\{method="GET",route="\/v1\/petitions\/:slug",status="200"\} (\d+)/)?.[1]);
    assert.ok(count >= 5, `metrics count the kept views: ${count}`);
  });
});
