// The organizer SDK against the real API: typed answers, the API's own field messages locally,
// streaming CSV, and webhook signatures a receiver can verify with the standardwebhooks library or verifyWebhookSignature.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createSecretKey } from "@coalition-kit/api";
import { SESSION_ENDS_MESSAGE } from "@coalition-kit/schema";
import { createClient } from "@coalition-kit/sdk";
import { CkApiError, createAdminClient, verifyWebhookSignature, type AdminClient, type WebhookPayload } from "@coalition-kit/sdk/admin";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { DB_LABEL, email } from "../support/env.js";
import { startIsolatedApi } from "../support/api.js";
import { startWebhookReceiver } from "../support/webhook-receiver.js";

describe(`admin SDK <-> API contract (${DB_LABEL})`, () => {
  let api: Awaited<ReturnType<typeof startIsolatedApi>>;
  let admin: AdminClient;

  before(async () => {
    api = await startIsolatedApi();
    admin = createAdminClient({ baseUrl: api.url, secretKey: (await createSecretKey(api.db, "ct-fund-our-schools")).key, retries: 0, fetch: api.fetch });
  });
  after(async () => api?.stop());

  test("the key's organization; a wrong key is a typed 401", async () => {
    assert.deepEqual(await admin.organization(), { slug: "ct-fund-our-schools", name: "CT Fund Our Schools Coalition", kind: "coalition" });
    const wrong = createAdminClient({ baseUrl: api.url, secretKey: "sk_wrongwrongwrongwrongwrong", retries: 0, fetch: api.fetch });
    await assert.rejects(wrong.petitions.list(), (e: unknown) => e instanceof CkApiError && e.status === 401 && e.code === "unauthorized");
  });

  test("create validates locally with the API's messages, then the petition is live for partners", async () => {
    await assert.rejects(admin.petitions.create({ slug: "x y", title: "T", body: "B", target: "G", goal: 1.5 }), (e: unknown) => {
      assert.ok(e instanceof CkApiError);
      assert.deepEqual(Object.keys(e.fields).sort(), ["goal", "slug"]);
      return true;
    });
    const petition = await admin.petitions.create({ slug: "sdk-made", title: "Made by the SDK", body: "Body.", target: "The Board", goal: 10 });
    assert.equal(petition.slug, "sdk-made");
    const partner = createClient({ baseUrl: api.url, partnerKey: "pk_demo_conncan", retries: 0, fetch: api.fetch });
    await partner.petitions.sign("sdk-made", { firstName: "Ada", email: email("sdk-admin"), zip: "06511", consentCoalition: true });
    const detail = await admin.petitions.get("sdk-made");
    assert.equal(detail.stats.total, 1);
    assert.equal(detail.coalitionOptIns, 1);
    const csv = await (await admin.petitions.exportCsv("sdk-made")).text();
    assert.match(csv, /Ada,,sdk-admin\.[^,]*@example\.org,06511,ConnCAN/);
  });

  test("privacy settings: the retention period and digest, validated locally with the API's messages, saved and read back", async () => {
    const current = await admin.settings.get();
    assert.equal(current.retentionMonths, 24);
    assert.equal(current.digestEnabled, false);
    await assert.rejects(admin.settings.update({ retentionMonths: 0, digestRecipients: ["nope"] }), (e: unknown) => {
      assert.ok(e instanceof CkApiError);
      assert.deepEqual(Object.keys(e.fields).sort(), ["digestRecipients.0", "retentionMonths"]);
      return true;
    });
    const saved = await admin.settings.update({ retentionMonths: 12, digestEnabled: true, digestRecipients: ["staff@example.org"], digestLocale: "es" });
    assert.deepEqual([saved.retentionMonths, saved.digestEnabled, saved.digestRecipients, saved.digestLocale], [12, true, ["staff@example.org"], "es"]);
    assert.equal((await admin.settings.get()).retentionMonths, 12);
    await admin.settings.update({ retentionMonths: 24, digestEnabled: false });
  });

  test("trainings: get reads a saved series back; changeSession checks locally with the API's messages, then moves the session; cancelSession cancels it", async () => {
    const at = (days: number, hours = 0) => new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + days * 86_400_000 + hours * 3_600_000).toISOString();
    const consent = { coalition: { text: "Coalition may email me.", version: "1" }, partner: { text: "{partner} may email me.", version: "1" } };
    const session = { key: "sdk-one", title: "SDK session", startsAt: at(5), endsAt: at(5, 1), timeZone: "America/New_York", format: "virtual" as const, virtualLink: "https://meet.example.org/sdk", leaders: [] };
    await admin.trainings.save("sdk-series", { title: "SDK series", description: "Made by the SDK.", consent, sessions: [session] });
    const read = await admin.trainings.get("sdk-series");
    assert.deepEqual([read.series.title, read.series.sessions.map((s) => [s.key, s.virtualLink, s.partners])], ["SDK series", [["sdk-one", "https://meet.example.org/sdk", []]]], "get reads it back in the shape save takes");
    let requests = 0;
    const counted: typeof fetch = (input, init) => ((requests += 1), api.fetch(input, init));
    const organizer = createAdminClient({ baseUrl: api.url, secretKey: (await createSecretKey(api.db, "ct-fund-our-schools")).key, retries: 0, fetch: counted });
    await assert.rejects(organizer.trainings.changeSession("sdk-series", "sdk-one", { startsAt: at(6), endsAt: at(6, -1) }), (e: unknown) => {
      assert.ok(e instanceof CkApiError);
      assert.deepEqual(e.fields, { endsAt: SESSION_ENDS_MESSAGE });
      return true;
    });
    assert.equal(requests, 0, "refused before any request");
    const moved = await organizer.trainings.changeSession("sdk-series", "sdk-one", { startsAt: at(6), endsAt: at(6, 2) });
    assert.deepEqual([moved.session.startsAt, moved.session.endsAt, moved.notified], [at(6), at(6, 2), 0]);
    const cancelled = await admin.trainings.cancelSession("sdk-series", "sdk-one");
    assert.equal(cancelled.session.status, "cancelled");
    await assert.rejects(admin.trainings.changeSession("sdk-series", "nope", { location: "Library", format: "in_person" }), (e: unknown) => e instanceof CkApiError && e.status === 404 && e.code === "not_found");
  });

  test("a real delivery verifies with the standardwebhooks library and with the SDK; a tampered body fails", async () => {
    const receiver = await startWebhookReceiver();
    try {
      const { secret } = await admin.webhooks.create({ url: receiver.url, events: ["signature.created"] });
      assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/, "whsec_ and base64 of 32 bytes");
      const partner = createClient({ baseUrl: api.url, partnerKey: "pk_demo_e4e", retries: 0, fetch: api.fetch });
      await partner.petitions.sign("ct-funding-gap", { firstName: "Bea", email: email("hook"), zip: "06511", ageBand: "18_plus" });
      const hook = await receiver.waitFor(() => true);
      assert.ok(hook, "the webhook arrived");
      const { headers, body } = hook;
      const tampered = body.replace("ct-funding-gap", "ct-funding-gaq");
      // The reference library of the Standard Webhooks spec accepts it as it came, and only so.
      const event = new Webhook(secret).verify(body, headers) as WebhookPayload;
      assert.equal(event.type, "signature.created");
      // The union narrows on `type`: a signature's data names its petition.
      if (event.type === "signature.created") assert.equal(event.data.petition, "ct-funding-gap");
      assert.equal(headers["webhook-id"], event.id);
      assert.throws(() => new Webhook(secret).verify(tampered, headers), WebhookVerificationError);
      // The SDK's helper agrees, with Node's headers or a Headers object.
      assert.equal(await verifyWebhookSignature(secret, headers, body), true);
      assert.equal(await verifyWebhookSignature(secret, new Headers(headers), body), true);
      assert.equal(await verifyWebhookSignature(secret, headers, tampered), false);
      assert.equal(await verifyWebhookSignature(secret, headers, body, { now: Date.now() / 1000 + 3600 }), false, "an hour-old signature is refused");
      // During a key rotation the header holds several signatures: one that matches is enough.
      const rotated = { ...headers, "webhook-signature": `v1,${Buffer.alloc(32, 7).toString("base64")} ${headers["webhook-signature"]}` };
      assert.equal(await verifyWebhookSignature(secret, rotated, body), true);
      assert.equal(await verifyWebhookSignature("whsec_" + Buffer.alloc(32, 1).toString("base64"), rotated, body), false);
      // A receiver not moved over yet still gets the deprecated CK-Signature, which still verifies.
      assert.equal(await verifyWebhookSignature(secret, hook.signature, body), true);
      assert.equal(await verifyWebhookSignature(secret, hook.signature, tampered), false);
    } finally {
      receiver.close();
    }
  });

  test("rotateSecret: a delivery during the overlap verifies with the old secret and the new, by the library and the SDK, in both headers", async () => {
    const receiver = await startWebhookReceiver();
    try {
      const { webhook, secret: old } = await admin.webhooks.create({ url: receiver.url, events: ["signature.created"] });
      const rotated = await admin.webhooks.rotateSecret(webhook.id, { overlapHours: 2 });
      assert.notEqual(rotated.secret, old);
      assert.ok(Date.parse(rotated.webhook.previousSecretExpiresAt!) > Date.now() + 3_500_000, "the old secret signs for about 2 hours");
      await assert.rejects(admin.webhooks.rotateSecret(webhook.id, { overlapHours: 200 }), (e: unknown) => e instanceof CkApiError && /0 to 168/.test(e.fields?.overlapHours ?? ""));
      const who = email("rotated");
      const partner = createClient({ baseUrl: api.url, partnerKey: "pk_demo_e4e", retries: 0, fetch: api.fetch });
      await partner.petitions.sign("ct-funding-gap", { firstName: "Rui", email: who, zip: "06511", ageBand: "18_plus" });
      const hook = await receiver.waitFor((h) => h.body.includes("signature.created"));
      assert.ok(hook, "the webhook arrived");
      for (const secret of [rotated.secret, old]) {
        assert.equal((new Webhook(secret).verify(hook.body, hook.headers) as WebhookPayload).type, "signature.created");
        assert.equal(await verifyWebhookSignature(secret, hook.headers, hook.body), true);
        assert.equal(await verifyWebhookSignature(secret, hook.signature, hook.body), true, "the deprecated CK-Signature carries both");
      }
      await admin.webhooks.remove(webhook.id);
    } finally {
      receiver.close();
    }
  });

  test("every answer above matches the API's OpenAPI document (/v1/openapi.json)", () => {
    assert.deepEqual(api.openapi.problems, []);
    assert.ok(api.openapi.checked.length > 0);
  });
});
