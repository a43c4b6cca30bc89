import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WebhookCreated } from "@coalition-kit/schema";
import { DB_LABEL, signer, startHarness, SLUG, type Harness } from "../testing/harness.js";
import { adminFor } from "../testing/admin.js";
import { startWebhookWorker } from "../services/webhooks/webhook-delivery.js";

/** A burst of signatures reaches the coalition's CRM as fast as it answers, not 20 events a poll. */
describe(`webhooks: a backlog drains without waiting between full batches (${DB_LABEL})`, () => {
  let h: Harness;
  let server: Server;
  const ids: string[] = [];
  let url = "";
  before(async () => {
    h = await startHarness({ webhooks: false });
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        ids.push((JSON.parse(body) as { id: string }).id);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  });
  after(async () => {
    server.close();
    await h.stop();
  });

  test("45 signatures, batches of 20, a minute between polls: all 45 arrive at once, each once", async () => {
    const coalition = await adminFor(h);
    WebhookCreated.parse(await (await coalition.send("POST", "/webhooks", { url, events: ["signature.created"] })).json());
    for (let i = 0; i < 45; i += 1) assert.equal((await h.post(`/v1/petitions/${SLUG}/signatures`, signer({ email: `burst-${i}@example.org` }))).status, 201);
    // A minute between polls: only back-to-back full batches can deliver all 45 within this test.
    const worker = startWebhookWorker(h.db, { intervalMs: 60_000, batch: 20, dailyJobs: false });
    try {
      const deadline = Date.now() + 30_000;
      while (ids.length < 45 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      // The receiver counts an event when its body arrives; the worker marks it delivered once the answer is back.
      while ((await h.count("select count(*)::int as n from outbox where delivered_at is null")) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    } finally {
      await worker.stop();
    }
    assert.equal(ids.length, 45, "every event of the burst was delivered");
    assert.equal(new Set(ids).size, 45, "none twice");
    assert.equal(await h.count("select count(*)::int as n from outbox where delivered_at is null"), 0);
  });
});
