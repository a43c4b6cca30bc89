import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { ConnectorDeliveryList, ConnectorList, ConnectorResponse, ConnectorTodoList, OSDI_KEY_MESSAGE } from "@coalition-kit/schema";
import { DB_LABEL, signer, startHarness, SLUG, type Harness } from "../testing/harness.js";
import { adminFor, type Admin } from "../testing/admin.js";
import { startOsdiEndpoint, type OsdiEndpoint } from "../testing/osdi-endpoint.js";
import { parseCsv } from "../testing/csv-parse.js";
import { deliverDue } from "../services/webhooks/webhook-delivery.js";
import { signExpiringLink } from "../services/platform/signed-links.js";

const E4E_KEY = "an-e4e-action-network-key";
const COALITION_KEY = "the-coalition-action-network-key";

describe(`admin: CRM connectors over OSDI (${DB_LABEL})`, () => {
  let h: Harness;
  let coalition: Admin;
  let partner: Admin;
  let e4e: OsdiEndpoint;
  let crm: OsdiEndpoint;
  let e4eConnector: string;
  before(async () => {
    h = await startHarness({ webhooks: false });
    coalition = await adminFor(h);
    partner = await adminFor(h, "educators-for-excellence");
    e4e = await startOsdiEndpoint(E4E_KEY);
    crm = await startOsdiEndpoint(COALITION_KEY);
  });
  after(async () => {
    await e4e.close();
    await crm.close();
    await h.stop();
  });

  const emailsAt = (endpoint: OsdiEndpoint) => [...endpoint.people.values()].map((p) => p.email_addresses[0]!.address).sort();

  test("a connector's API key is stored encrypted and never shown again; bad input is a field error", async () => {
    const bad = await partner.send("POST", "/connectors", { kind: "osdi", url: e4e.url, apiKey: "short" });
    assert.equal(bad.status, 422);
    assert.equal(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields["apiKey"], OSDI_KEY_MESSAGE);
    const made = await partner.send("POST", "/connectors", { kind: "osdi", url: e4e.url, apiKey: E4E_KEY, tags: ["coalition-kit"] });
    assert.equal(made.status, 201);
    const { connector } = ConnectorResponse.parse(await made.json());
    e4eConnector = connector.id;
    assert.equal(connector.kind, "osdi");
    assert.equal(connector.keyHint, "-key");
    const listed = await (await partner.get("/connectors")).text();
    assert.equal(listed.includes(E4E_KEY), false, "the key is never listed");
    const [stored] = await h.db.query<{ api_key_encrypted: string }>("select api_key_encrypted from webhook_endpoints where id = $1", [connector.id]);
    assert.equal(stored!.api_key_encrypted.includes(E4E_KEY), false, "not stored as written");
    assert.match(stored!.api_key_encrypted, /^v1\./);
    assert.equal((await coalition.send("POST", "/connectors", { kind: "osdi", url: crm.url, apiKey: COALITION_KEY })).status, 201);
  });

  test("a signature with partner consent reaches the partner's CRM in one delivery cycle, with its fields and tags; a coalition-only consent does not", async () => {
    const both = signer({ firstName: "Ana", lastName: "Reyes", email: "ana@example.org", zip: "06511", consentPartner: true, consentCoalition: true });
    const coalitionOnly = signer({ firstName: "Ben", email: "ben@example.org", consentCoalition: true });
    const neither = signer({ firstName: "Cy", email: "cy@example.org" });
    for (const s of [both, coalitionOnly, neither]) assert.equal((await h.post(`/v1/petitions/${SLUG}/signatures`, s)).status, 201);
    await deliverDue(h.db);
    assert.deepEqual(emailsAt(e4e), ["ana@example.org"], "only the partner's own consenter");
    assert.deepEqual(emailsAt(crm), ["ana@example.org", "ben@example.org"], "the coalition gets its own consenters, never Cy");
    const ana = [...e4e.people.values()][0]!;
    assert.equal(ana.given_name, "Ana");
    assert.equal(ana.family_name, "Reyes");
    assert.equal(ana.postal_addresses?.[0]?.postal_code, "06511");
    assert.deepEqual(ana.tags.sort(), ["coalition-kit", `petition:${SLUG}`]);
    assert.match(ana.custom_fields["coalition_kit_consent_version"] ?? "", /\S/, "the consent text's version travels with the person");
    assert.equal(await deliverDue(h.db), 0, "each is delivered once");
  });

  test("the signature CSV in the Action Network import layout holds only the exporting organization's consenters", async () => {
    const rows = async (who: Admin) => {
      const res = await who.get(`/petitions/${SLUG}/signatures.csv?layout=osdi`);
      assert.equal(res.status, 200);
      return parseCsv((await res.text()).replace(/^\uFEFF/, ""));
    };
    const [header, ...partnerRows] = await rows(partner);
    assert.deepEqual(header, ["email", "first_name", "last_name", "zip_code", "tag", "language", "consent_version", "signed_at"]);
    assert.deepEqual(partnerRows.map((r) => r[0]), ["ana@example.org"]);
    assert.deepEqual(partnerRows[0]!.slice(1, 5), ["Ana", "Reyes", "06511", `petition:${SLUG}`]);
    const [, ...coalitionRows] = await rows(coalition);
    assert.deepEqual(coalitionRows.map((r) => r[0]).sort(), ["ana@example.org", "ben@example.org"]);
    assert.equal((await coalition.get(`/petitions/${SLUG}/signatures.csv?layout=mailchimp`)).status, 422);
  });

  test("a refused key pauses the connector and says why; nothing is lost, and the new key delivers the backlog once", async () => {
    e4e.key = "the-rotated-key-at-action-network";
    const waiting = ["dee@example.org", "eli@example.org", "fay@example.org"];
    for (const email of waiting) await h.post(`/v1/petitions/${SLUG}/signatures`, signer({ email, consentPartner: true }));
    await deliverDue(h.db);
    const { connectors } = ConnectorList.parse(await (await partner.get("/connectors")).json());
    const paused = connectors.find((c) => c.id === e4eConnector)!;
    assert.ok(paused.paused, "paused");
    assert.match(paused.paused.reason, /refused the API key \(HTTP 401\)/);
    assert.match(paused.paused.reason, /API Key invalid/, "with what the CRM said");
    assert.equal(paused.waiting, 3);
    const refusals = async () => ConnectorDeliveryList.parse(await (await partner.get(`/connectors/${e4eConnector}/deliveries`)).json()).deliveries.filter((d) => d.statusCode === 401).length;
    const first = await refusals();
    await deliverDue(h.db);
    await deliverDue(h.db);
    assert.equal(await refusals(), first, "a paused connector is not tried again");
    assert.deepEqual(emailsAt(e4e), ["ana@example.org"]);

    const fixed = await partner.send("PUT", `/connectors/${e4eConnector}/key`, { apiKey: e4e.key });
    assert.equal(fixed.status, 200);
    assert.equal(ConnectorResponse.parse(await fixed.json()).connector.paused, null);
    await deliverDue(h.db);
    await deliverDue(h.db);
    assert.deepEqual(emailsAt(e4e), ["ana@example.org", ...waiting]);
    assert.equal(e4e.signups.filter((s) => waiting.includes((s as { person: { email_addresses: { address: string }[] } }).person.email_addresses[0]!.address)).length, 3, "once each");
  });

  test("a 4xx for one person is logged with the endpoint's answer, and the others go on", async () => {
    await h.post(`/v1/petitions/${SLUG}/signatures`, signer({ email: "gus@example.org", consentPartner: true }));
    await h.post(`/v1/petitions/${SLUG}/signatures`, signer({ email: "hal@example.org", consentPartner: true }));
    // An address the CRM will not take (as a stricter CRM might refuse one we accepted).
    await h.db.query(`update outbox set payload = replace(payload, 'gus@example.org', 'gus@') where endpoint_id = $1 and delivered_at is null`, [e4eConnector]);
    await deliverDue(h.db);
    assert.ok(emailsAt(e4e).includes("hal@example.org"), "the next person is delivered");
    const log = ConnectorDeliveryList.parse(await (await partner.get(`/connectors/${e4eConnector}/deliveries`)).json());
    const refused = log.deliveries.find((d) => d.statusCode === 400)!;
    assert.match(refused.response ?? "", /valid email address/, "the CRM's answer is in the log");
    assert.equal(await deliverDue(h.db), 0, "a refused person is not retried forever");
  });

  test("a withdrawn partner consent unsubscribes the person in the partner's CRM only", async () => {
    const [consent] = await h.db.query<{ id: string }>(
      "select co.id from consents co join people p on p.id = co.person_id where p.email_normalized = 'ana@example.org' and co.scope = 'partner'",
    );
    const token = await signExpiringLink(h.db, "withdraw-consent", consent!.id, new Date(Date.now() + 86_400_000));
    const before = { e4e: e4e.signups.length, crm: crm.signups.length };
    assert.equal((await fetch(`${h.url}/v1/consents/withdraw?token=${encodeURIComponent(token)}`, { method: "POST" })).status, 200);
    await deliverDue(h.db);
    const sent = e4e.signups.slice(before.e4e) as { person: { email_addresses: { address: string; status: string }[] } }[];
    assert.deepEqual(sent.map((s) => s.person.email_addresses[0]), [{ address: "ana@example.org", status: "unsubscribed" }]);
    assert.equal(crm.signups.length, before.crm, "the coalition's consent still holds: its CRM is not told");
  });

  test("an erasure is forwarded: the person is deleted from the CRM; where the CRM cannot delete, it is a to-do for the organizer", async () => {
    const erased = await coalition.send("POST", "/people/erase", { email: "ana@example.org" });
    assert.equal(erased.status, 200);
    crm.deletes_supported = false;
    await deliverDue(h.db);
    assert.equal(emailsAt(e4e).includes("ana@example.org"), false, "gone from the partner's CRM");
    assert.equal(e4e.deletes.length, 1);
    assert.ok(emailsAt(crm).includes("ana@example.org"), "this CRM cannot delete through its API");
    const coalitionConnector = ConnectorList.parse(await (await coalition.get("/connectors")).json()).connectors.find((c) => c.kind === "osdi")!;
    const { todos } = ConnectorTodoList.parse(await (await coalition.get(`/connectors/${coalitionConnector.id}/todos`)).json());
    assert.equal(todos.length, 1);
    assert.match(todos[0]!.remoteUrl ?? "", new RegExp(`^${crm.url}/people/`));
    assert.match(todos[0]!.reason, /^to-do: HTTP 405/);
  });
});
