import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "../app.js";
import { openDb } from "../db/open.js";
import { createLogger } from "../log.js";
import { deliverDue } from "../services/webhooks/webhook-delivery.js";
import { DB_LABEL, PG_URL, SLUG, signer } from "../testing/harness.js";
import { mailSuite } from "../testing/suites.js";

const quiet = createLogger("silent");
const TOKEN = "metrics-token-for-tests-0123456789";

/** The value of one sample in Prometheus text: `name{labels…} value`, 0 when the series is not there yet. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return 0;
}

describe(`operators: /metrics and /ready (${DB_LABEL})`, () => {
  const h = mailSuite({ webhooks: false, metricsToken: TOKEN });
  const scrape = async () => {
    const res = await fetch(`${h.url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/plain; version=0\.0\.4/);
    return res.text();
  };
  const failing = createServer((_req, res) => res.writeHead(500).end());
  after(() => new Promise<void>((done) => failing.close(() => done())));

  test("/metrics needs the bearer token, and is not served at all when no token is set", async () => {
    const none = await fetch(`${h.url}/metrics`);
    assert.equal(none.status, 401);
    assert.match(none.headers.get("www-authenticate") ?? "", /^Bearer/);
    assert.equal((await fetch(`${h.url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN.slice(0, -1)}x` } })).status, 401);
    assert.equal((await fetch(`${h.url}/metrics?token=${TOKEN}`)).status, 401, "not from the query string");
    const untokened = createApp({ db: h.db, logger: quiet });
    assert.equal((await untokened.request("/metrics", { headers: { Authorization: `Bearer ${TOKEN}` } })).status, 404);
  });

  test("requests are counted and timed by method, route pattern and status; no path or slug becomes a label", async () => {
    const labels = { method: "POST", route: "/v1/petitions/:slug/signatures", status: "201" };
    const before = await scrape();
    for (let i = 0; i < 2; i += 1) assert.equal((await h.post(`/v1/petitions/${SLUG}/signatures`, signer())).status, 201);
    assert.equal((await fetch(`${h.url}/v1/petitions/no-such-petition`)).status, 404);
    const after = await scrape();
    assert.equal(sample(after, "ck_http_requests_total", labels) - sample(before, "ck_http_requests_total", labels), 2);
    const timed = { method: "POST", route: "/v1/petitions/:slug/signatures" };
    assert.equal(sample(after, "ck_http_request_duration_seconds_count", timed) - sample(before, "ck_http_request_duration_seconds_count", timed), 2);
    assert.ok(sample(after, "ck_http_request_duration_seconds_sum", timed) > 0);
    assert.equal(sample(after, "ck_http_requests_total", { method: "GET", route: "/v1/petitions/:slug", status: "404" }) - sample(before, "ck_http_requests_total", { method: "GET", route: "/v1/petitions/:slug", status: "404" }), 1);
    assert.ok(!after.includes(SLUG) && !after.includes("no-such-petition"), "slugs never become labels");
    assert.ok(sample(after, "process_resident_memory_bytes") > 0 || sample(after, "nodejs_heap_size_used_bytes") > 0, "Node's own metrics are there too");
  });

  test("queue depths follow the outbox and the email queue, and failed deliveries are counted", async () => {
    await new Promise<void>((done) => failing.listen(0, "127.0.0.1", done));
    const hook = `http://127.0.0.1:${(failing.address() as AddressInfo).port}/hook`;
    assert.equal((await h.admin.send("POST", "/webhooks", { url: hook, events: ["signature.created"] })).status, 201);
    const before = await scrape();
    assert.equal((await h.post(`/v1/petitions/${SLUG}/signatures`, signer({ consentCoalition: true }))).status, 201);
    const queued = await scrape();
    assert.equal(sample(queued, "ck_webhook_outbox_depth", { state: "due" }), sample(before, "ck_webhook_outbox_depth", { state: "due" }) + 1, "one event waits for the receiver");
    assert.equal(sample(queued, "ck_message_queue_depth", { state: "due" }), sample(before, "ck_message_queue_depth", { state: "due" }) + 1, "one thank-you waits to be sent");

    await deliverDue(h.db, { allowLoopback: true });
    const retried = await scrape();
    assert.equal(sample(retried, "ck_webhook_outbox_depth", { state: "due" }), 0, "the receiver answered 500: nothing is due now…");
    assert.equal(sample(retried, "ck_webhook_outbox_depth", { state: "waiting" }), sample(queued, "ck_webhook_outbox_depth", { state: "waiting" }) + 1, "…the event waits for its retry");
    const webhookFailures = { channel: "webhook", outcome: "retrying" };
    assert.equal(sample(retried, "ck_delivery_failures_total", webhookFailures) - sample(queued, "ck_delivery_failures_total", webhookFailures), 1);

    h.sink.refuseWith = 550;
    try {
      await h.deliver();
    } finally {
      h.sink.refuseWith = undefined;
    }
    const refused = await scrape();
    assert.equal(sample(refused, "ck_message_queue_depth", { state: "due" }), 0);
    const emailFailures = { channel: "email", outcome: "failed" };
    assert.ok(sample(refused, "ck_delivery_failures_total", emailFailures) - sample(retried, "ck_delivery_failures_total", emailFailures) >= 1, "a refused email counts as given up on");
  });

  test("/ready answers 200 when the database answers and every migration is applied, 503 with the reason otherwise", async () => {
    const ready = await fetch(`${h.url}/ready`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { ok: true, db: h.db.kind });

    const [last] = await h.db.query<{ version: string }>("select version from schema_migrations order by version desc limit 1");
    await h.db.query("delete from schema_migrations where version = $1", [last!.version]);
    try {
      const behind = await fetch(`${h.url}/ready`);
      assert.equal(behind.status, 503);
      assert.deepEqual(await behind.json(), { ok: false, reason: `migrations not applied: ${last!.version}` });
    } finally {
      await h.db.query("insert into schema_migrations (version) values ($1)", [last!.version]);
    }
    assert.equal((await fetch(`${h.url}/health`)).status, 200, "/health stays as it was");

    const gone = await openDb(PG_URL ? { url: PG_URL } : { memory: true });
    await gone.close();
    const down = await createApp({ db: gone, logger: quiet }).request("/ready");
    assert.equal(down.status, 503);
    assert.deepEqual(await down.json(), { ok: false, reason: "the database did not answer" });

    const stopping = await createApp({ db: h.db, draining: () => true, logger: quiet }).request("/ready");
    assert.equal(stopping.status, 503);
    assert.deepEqual(await stopping.json(), { ok: false, reason: "shutting down" });
  });
});
