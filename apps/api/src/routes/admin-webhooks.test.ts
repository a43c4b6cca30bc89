import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WebhookCreated, WebhookDeliveryList } from "@coalition-kit/schema";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { DB_LABEL, signer, startHarness, SLUG, type Harness } from "../testing/harness.js";
import { adminFor, type Admin } from "../testing/admin.js";
import { deliverDue } from "../services/webhooks/webhook-delivery.js";
import { redactOldEvents } from "../services/webhooks/webhooks.js";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on loopback that answers with `status()` and keeps what it got. */
async function receiver(status: () => number): Promise<{ url: string; got: Received[]; server: Server }> {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      got.push({ headers: req.headers, body });
      res.writeHead(status()).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, got, server };
}

/** What a receiver does: check the Standard Webhooks headers with the spec's own library. */
function verified(secret: string, received: Received, format?: "raw"): boolean {
  try {
    new Webhook(secret, format ? { format } : undefined).verify(received.body, received.headers as Record<string, string>);
    return true;
  } catch (error) {
    if (error instanceof WebhookVerificationError) return false;
    throw error;
  }
}

/** What a receiver not moved over yet does: the deprecated CK-Signature, HMAC over "<t>.<body>" keyed with the secret's text. */
function verifiedLegacy(secret: string, received: Received): boolean {
  const header = String(received.headers["ck-signature"] ?? "");
  const t = /t=(\d+)/.exec(header)?.[1];
  // One v1= per signing secret (two during a rotation's overlap): any may match.
  const signatures = [...header.matchAll(/v1=([0-9a-f]{64})/g)].map((m) => m[1]!);
  if (!t || signatures.length === 0 || Math.abs(Date.now() / 1000 - Number(t)) > 300) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${received.body}`).digest();
  return signatures.some((v1) => timingSafeEqual(expected, Buffer.from(v1, "hex")));
}

describe(`admin: webhooks (${DB_LABEL})`, () => {
  let h: Harness;
  let coalition: Admin;
  let partner: Admin;
  let ok: Awaited<ReturnType<typeof receiver>>;
  before(async () => {
    h = await startHarness({ webhooks: false });
    coalition = await adminFor(h);
    partner = await adminFor(h, "educators-for-excellence");
    ok = await receiver(() => 204);
  });
  after(async () => {
    ok.server.close();
    await h.stop();
  });

  test("a bad URL is a field error; the signing secret is shown once", async () => {
    const bad = await coalition.send("POST", "/webhooks", { url: "http://example.org/hook" });
    assert.equal(bad.status, 422);
    assert.equal(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields.url, "Enter an https:// address (http:// only for localhost).");
    const list = (await (await coalition.get("/webhooks")).json()) as { webhooks: unknown[] };
    assert.equal(list.webhooks.length, 0);
  });

  test("a signature reaches the coalition's receiver, signed; contact details only with consent", async () => {
    const { webhook, secret } = WebhookCreated.parse(await (await coalition.send("POST", "/webhooks", { url: ok.url, events: ["signature.created"] })).json());
    assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/, "whsec_ and the base64 of 32 random bytes");
    assert.equal(JSON.stringify(await (await coalition.get("/webhooks")).json()).includes(secret), false, "the secret is never listed");
    await h.post(`/v1/petitions/${SLUG}/signatures`, signer({ firstName: "Opted", email: "opted@example.org", consentCoalition: true }));
    await h.post(`/v1/petitions/${SLUG}/signatures`, signer({ firstName: "Private" }));
    assert.equal(await deliverDue(h.db), 2);
    assert.equal(ok.got.length, 2);
    for (const r of ok.got) {
      assert.ok(verified(secret, r), "the standard signature verifies");
      assert.equal(r.headers["webhook-id"], (JSON.parse(r.body) as { id: string }).id);
      assert.ok(verifiedLegacy(secret, r), "the deprecated CK-Signature still verifies");
    }
    assert.equal(verified(`whsec_${Buffer.alloc(32, 9).toString("base64")}`, ok.got[0]!), false, "another secret does not verify");
    assert.equal(verified(secret, { ...ok.got[0]!, body: ok.got[0]!.body.replace(SLUG, "ct-funding-gaq") }), false, "a tampered body does not verify");
    const events = ok.got.map((r) => JSON.parse(r.body) as { type: string; data: { petition: string; partner: string; person: { email: string } | null } });
    const opted = events.find((e) => e.data.person !== null)!;
    assert.equal(opted.type, "signature.created");
    assert.equal(opted.data.petition, SLUG);
    assert.equal(opted.data.partner, "educators-for-excellence");
    assert.equal(opted.data.person?.email, "opted@example.org");
    assert.equal(events.filter((e) => e.data.person === null).length, 1, "the other signer's details are not sent");
    const log = WebhookDeliveryList.parse(await (await coalition.get(`/webhooks/${webhook.id}/deliveries`)).json());
    assert.deepEqual(log.deliveries.map((d) => d.statusCode), [204, 204]);
    assert.equal(await deliverDue(h.db), 0, "delivered events are not sent again");
  });

  test("an endpoint made before the standard headers keeps its secret: its text is the key, in both headers", async () => {
    const old = await receiver(() => 204);
    try {
      const { webhook } = WebhookCreated.parse(await (await coalition.send("POST", "/webhooks", { url: old.url, events: ["signature.created"] })).json());
      // What migration 014 leaves an older endpoint with: the secret it was given, marked "raw".
      // (Shaped like those: base64url of 24 bytes, which a standard reader would take for a base64 key.)
      const secret = "whsec_cHJlLXN0YW5kYXJkIHNlY3JldCAyMDI1";
      await h.db.query("update webhook_endpoints set secret = $2, secret_format = 'raw' where id = $1", [webhook.id, secret]);
      await h.post(`/v1/petitions/${SLUG}/signatures`, signer());
      await deliverDue(h.db);
      assert.equal(old.got.length, 1);
      assert.ok(verifiedLegacy(secret, old.got[0]!), "the receiver as it is keeps working");
      assert.ok(verified(secret, old.got[0]!, "raw"), "standardwebhooks verifies it with { format: \"raw\" }");
      assert.equal(verified(secret, old.got[0]!), false, "read as a base64 key, it does not verify");
    } finally {
      old.server.close();
    }
  });

  test("a rotated secret signs at once; the old one also signs during the overlap, then stops; a retry does not rotate twice", async () => {
    const rx = await receiver(() => 204);
    try {
      const { webhook, secret: old } = WebhookCreated.parse(await (await coalition.send("POST", "/webhooks", { url: rx.url, events: ["signature.created"] })).json());
      const bad = await coalition.send("POST", `/webhooks/${webhook.id}/rotate-secret`, { overlapHours: 169 });
      assert.equal(bad.status, 422);
      assert.match(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields.overlapHours ?? "", /0 to 168/);
      assert.equal((await coalition.send("POST", `/webhooks/${webhook.id}/rotate-secret`, {}, { "Idempotency-Key": "" })).status, 422, "a rotation needs an Idempotency-Key");
      assert.equal((await partner.send("POST", `/webhooks/${webhook.id}/rotate-secret`, {})).status, 404, "another organization cannot rotate it");

      const key = crypto.randomUUID();
      const first = await coalition.send("POST", `/webhooks/${webhook.id}/rotate-secret`, { overlapHours: 24 }, { "Idempotency-Key": key });
      assert.equal(first.status, 200);
      const rotated = WebhookCreated.parse(await first.json());
      const again = WebhookCreated.parse(await (await coalition.send("POST", `/webhooks/${webhook.id}/rotate-secret`, { overlapHours: 24 }, { "Idempotency-Key": key })).json());
      assert.equal(again.secret, rotated.secret, "the retry answers the same new secret");
      assert.match(rotated.secret, /^whsec_/);
      assert.notEqual(rotated.secret, old);
      const ends = Date.parse(rotated.webhook.previousSecretExpiresAt!);
      assert.ok(ends > Date.now() + 23 * 3_600_000 && ends < Date.now() + 25 * 3_600_000, `the old secret signs for 24 hours, not until ${rotated.webhook.previousSecretExpiresAt}`);
      const listed = ((await (await coalition.get("/webhooks")).json()) as { webhooks: Array<{ id: string; previousSecretExpiresAt: string | null }> }).webhooks.find((w) => w.id === webhook.id)!;
      assert.equal(listed.previousSecretExpiresAt, rotated.webhook.previousSecretExpiresAt);

      await h.post(`/v1/petitions/${SLUG}/signatures`, signer());
      await deliverDue(h.db);
      const during = rx.got.at(-1)!;
      assert.ok(verified(rotated.secret, during), "the new secret verifies at once");
      assert.ok(verified(old, during), "a receiver still holding the old secret keeps verifying during the overlap");
      assert.ok(verifiedLegacy(rotated.secret, during) && verifiedLegacy(old, during), "the deprecated header carries both too");

      // The overlap ends (as 24 hours later).
      await h.db.query("update webhook_endpoints set previous_secret_expires_at = now() - interval '1 second' where id = $1", [webhook.id]);
      await h.post(`/v1/petitions/${SLUG}/signatures`, signer());
      await deliverDue(h.db);
      const afterwards = rx.got.at(-1)!;
      assert.notEqual(afterwards, during);
      assert.ok(verified(rotated.secret, afterwards), "the new secret verifies");
      assert.equal(verified(old, afterwards), false, "the old secret no longer does");
      assert.equal(verifiedLegacy(old, afterwards), false);
      const ended = ((await (await coalition.get("/webhooks")).json()) as { webhooks: Array<{ id: string; previousSecretExpiresAt: string | null }> }).webhooks.find((w) => w.id === webhook.id)!;
      assert.equal(ended.previousSecretExpiresAt, null);
      await coalition.send("DELETE", `/webhooks/${webhook.id}`);
    } finally {
      rx.server.close();
    }
  });

  test("a partner's receiver gets only actions of people who agreed to hear from that partner", async () => {
    const mine = await receiver(() => 200);
    try {
      await partner.send("POST", "/webhooks", { url: mine.url });
      await h.post(`/v1/petitions/${SLUG}/signatures`, signer({ firstName: "NoConsent" }));
      await h.post(`/v1/petitions/${SLUG}/signatures`, signer({ firstName: "Fan", email: "fan@example.org", consentPartner: true }));
      await h.post(`/v1/petitions/${SLUG}/signatures`, signer({ firstName: "OtherPartnerFan", consentPartner: true }), { "X-Partner-Key": "pk_demo_conncan" });
      await deliverDue(h.db);
      assert.deepEqual(mine.got.map((r) => (JSON.parse(r.body) as { data: { person: { email: string } } }).data.person.email), ["fan@example.org"]);
    } finally {
      mine.server.close();
    }
  });

  test("a failing receiver is retried with backoff and the log shows every attempt", async () => {
    let answer = 500;
    const flaky = await receiver(() => answer);
    try {
      const { webhook } = WebhookCreated.parse(await (await coalition.send("POST", "/webhooks", { url: flaky.url, events: ["signature.created"] })).json());
      await h.post(`/v1/petitions/${SLUG}/signatures`, signer());
      await deliverDue(h.db);
      const due = await h.db.query<{ attempts: number; wait: number }>(
        "select attempts, extract(epoch from next_attempt_at - now())::int as wait from outbox where endpoint_id = $1",
        [webhook.id],
      );
      assert.equal(due[0]!.attempts, 1);
      assert.ok(due[0]!.wait >= 5 && due[0]!.wait <= 15, `first retry in about 10 s, not ${due[0]!.wait}`);
      assert.equal(await deliverDue(h.db), 0, "not before its time");
      answer = 200;
      await h.db.query("update outbox set next_attempt_at = now() where endpoint_id = $1", [webhook.id]);
      assert.equal(await deliverDue(h.db), 1);
      const log = WebhookDeliveryList.parse(await (await coalition.get(`/webhooks/${webhook.id}/deliveries`)).json());
      assert.deepEqual(log.deliveries.map((d) => [d.attempt, d.statusCode, d.error]), [[2, 200, null], [1, 500, "HTTP 500"]]);
      assert.equal(new Set(flaky.got.map((r) => r.headers["webhook-id"])).size, 1, "the same event id on every attempt");
    } finally {
      flaky.server.close();
    }
  });

  test("delivered events keep their content 30 days, then only the event id and the log remain", async () => {
    assert.ok((await h.count("select count(*)::int as n from outbox where delivered_at is not null and payload like '%@example.org%'")) > 0);
    const delivered = await h.count("select count(*)::int as n from outbox where delivered_at is not null");
    assert.equal(await redactOldEvents(h.db), 0, "nothing is 30 days old yet");
    await h.db.query("update outbox set delivered_at = now() - interval '31 days' where delivered_at is not null");
    assert.equal(await redactOldEvents(h.db), delivered);
    assert.equal(await redactOldEvents(h.db), 0, "redacted once");
    assert.equal(await h.count("select count(*)::int as n from outbox where payload like '%@example.org%' and delivered_at is not null"), 0);
    const { webhooks } = (await (await coalition.get("/webhooks")).json()) as { webhooks: { id: string }[] };
    const log = WebhookDeliveryList.parse(await (await coalition.get(`/webhooks/${webhooks[0]!.id}/deliveries`)).json());
    assert.ok(log.deliveries.length > 0 && log.deliveries.every((d) => d.eventId.length > 0), "the log still names each event");
  });

  test("another organization cannot read or delete an endpoint", async () => {
    const { webhook } = WebhookCreated.parse(await (await coalition.send("POST", "/webhooks", { url: ok.url })).json());
    assert.equal((await partner.get(`/webhooks/${webhook.id}/deliveries`)).status, 404);
    assert.equal((await partner.send("DELETE", `/webhooks/${webhook.id}`)).status, 404);
    assert.equal((await coalition.send("DELETE", `/webhooks/${webhook.id}`)).status, 200);
  });
});
