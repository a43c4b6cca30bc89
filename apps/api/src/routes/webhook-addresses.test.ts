// Webhook URLs that would make the API probe its own network are refused when saved and again
// when delivering. Validation only: the only traffic these tests send goes to 127.0.0.1.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { deliverDue } from "../services/webhooks/webhook-delivery.js";
import { guardedLookup, PRIVATE_ADDRESS_MESSAGE, webhookUrlProblem } from "../services/webhooks/webhook-address.js";
import { adminSuite } from "../testing/suites.js";
import { DB_LABEL, SLUG, signer } from "../testing/harness.js";

type ErrorBody = { error: { fields: Record<string, string> } };

describe(`webhook addresses (${DB_LABEL})`, () => {
  const h = adminSuite({ webhooks: false });

  test("private, link-local, IPv6 unique-local, disguised and metadata addresses are field errors and nothing is saved", async () => {
    const before = await h.count("select count(*)::int as n from webhook_endpoints");
    for (const url of [
      "https://10.1.2.3/hooks",
      "https://172.16.0.9/hooks",
      "https://192.168.1.1/hooks",
      "https://169.254.169.254/latest/meta-data/",
      "https://[fd00::1]/hooks",
      "https://[fe80::1]/hooks",
      "https://[::ffff:10.0.0.1]/hooks",
      "https://0x0a000001/hooks",
      "https://167772161/hooks",
      "https://metadata.google.internal/computeMetadata/v1/",
      "https://224.0.0.1/hooks",
    ]) {
      const res = await h.admin.send("POST", "/webhooks", { url, events: ["signature.created"] });
      assert.equal(res.status, 422, url);
      assert.equal(((await res.json()) as ErrorBody).error.fields.url, PRIVATE_ADDRESS_MESSAGE, url);
    }
    assert.equal(await h.count("select count(*)::int as n from webhook_endpoints"), before);
    assert.equal((await h.admin.send("POST", "/webhooks", { url: "https://hooks.example.org/ck", events: ["signature.created"] })).status, 201, "a public name is fine");
  });

  test("outside development, loopback in any spelling is refused too", () => {
    for (const url of ["http://127.0.0.1:6379/", "https://0x7f000001/", "https://2130706433/", "https://127.1/", "https://[::1]/", "https://localhost/", "http://api.localhost:8787/"]) {
      assert.equal(webhookUrlProblem(url, false), PRIVATE_ADDRESS_MESSAGE, url);
    }
    assert.equal(webhookUrlProblem("http://127.0.0.1:6379/", true), undefined, "development may deliver to its own machine");
    assert.match(webhookUrlProblem("http://hooks.example.org/", true)!, /https:\/\//, "plain http only for loopback");
    assert.match(webhookUrlProblem("https://user:pw@hooks.example.org/", true)!, /no user name or password/);
  });

  test("at delivery, a name that resolves to a private address is refused, whatever it resolved to when saved", async () => {
    const answer = (address: string, family = 4) => (_name: string, cb: (e: null, a: Array<{ address: string; family: number }>) => void) => cb(null, [{ address, family }]);
    const tryLookup = (allowLoopback: boolean, address: string, family?: number) =>
      new Promise<string>((resolve) => guardedLookup(allowLoopback, answer(address, family))("hooks.example.org", {}, (error, picked) => resolve(error ? error.message : String(picked))));
    assert.match(await tryLookup(true, "10.0.0.5"), /refused: hooks\.example\.org resolves to 10\.0\.0\.5/);
    assert.match(await tryLookup(true, "fd00:ec2::254", 6), /refused/, "the IPv6 metadata address");
    assert.match(await tryLookup(false, "127.0.0.1"), /refused/);
    assert.equal(await tryLookup(true, "93.184.215.14"), "93.184.215.14");
  });

  test("an endpoint saved on loopback in development is not delivered to once loopback is not allowed, and is not retried", async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits += 1;
      res.writeHead(204).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const port = (server.address() as AddressInfo).port;
      assert.equal((await h.admin.send("POST", "/webhooks", { url: `http://localhost:${port}/hooks`, events: ["signature.created"] })).status, 201);
      assert.equal((await h.post(`/v1/petitions/${SLUG}/signatures`, signer())).status, 201);
      await deliverDue(h.db, { allowLoopback: false });
      assert.equal(hits, 0, "nothing reached the loopback receiver");
      const log = await h.db.query<{ error: string }>("select d.error from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id where e.url like 'http://localhost:%'");
      assert.match(log[0]!.error, /^refused: localhost resolves to/);
      assert.equal(await h.count("select count(*)::int as n from outbox o join webhook_endpoints e on e.id = o.endpoint_id where e.url like 'http://localhost:%' and o.failed_at is not null"), 1, "marked failed, not retried");
    } finally {
      server.close();
    }
  });
});
