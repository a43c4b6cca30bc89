// The lifecycle events beyond the actions themselves, delivered to real loopback receivers and
// verified with the standardwebhooks library: story.published, consent.withdrawn, person.erased,
// each to the coalition's and a partner's endpoints by the consent rules.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ModerationListResponse, WebhookCreated } from "@coalition-kit/schema";
import { Webhook } from "standardwebhooks";
import { purgeExpiredPeople } from "../services/retention/purge.js";
import { deliverDue } from "../services/webhooks/webhook-delivery.js";
import { adminFor } from "../testing/admin.js";
import { answerLink } from "../testing/email-links.js";
import { DB_LABEL, petitionFixture, signer } from "../testing/harness.js";
import { mailSuite } from "../testing/suites.js";

interface Event {
  id: string;
  type: string;
  data: Record<string, unknown> & { person?: { id: string; email: string; firstName?: string | null } | null };
}

/** A loopback receiver for one endpoint: every delivery must verify with the endpoint's secret. */
async function receiver(): Promise<{ url: string; events: Event[]; bodies: string[]; secret?: string; server: Server }> {
  const r: { url: string; events: Event[]; bodies: string[]; secret?: string; server: Server } = { url: "", events: [], bodies: [], server: undefined as unknown as Server };
  r.server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      // Throws (so the test fails on a 500 in the delivery log) unless the signature verifies.
      try {
        r.events.push(new Webhook(r.secret!).verify(body, req.headers as Record<string, string>) as Event);
        r.bodies.push(body);
        res.writeHead(204).end();
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((done) => r.server.listen(0, "127.0.0.1", done));
  r.url = `http://127.0.0.1:${(r.server.address() as AddressInfo).port}/hooks`;
  return r;
}

const PETITION = "hooks-petition";
const CAMPAIGN = "/v1/stories/tell-your-story";

describe(`webhooks: story.published, consent.withdrawn, person.erased (${DB_LABEL})`, () => {
  const h = mailSuite({ webhooks: false, extraPetitions: [petitionFixture(PETITION)] });
  let coalition: Awaited<ReturnType<typeof receiver>>;
  let partner: Awaited<ReturnType<typeof receiver>>;
  before(async () => {
    coalition = await receiver();
    partner = await receiver();
    coalition.secret = WebhookCreated.parse(await (await h.admin.send("POST", "/webhooks", { url: coalition.url })).json()).secret;
    const e4e = await adminFor(h, "educators-for-excellence");
    partner.secret = WebhookCreated.parse(await (await e4e.send("POST", "/webhooks", { url: partner.url })).json()).secret;
  });
  after(() => {
    coalition.server.close();
    partner.server.close();
  });

  /** Deliver everything due; every delivery verified (a receiver answers 400 otherwise). */
  async function deliverAll(): Promise<void> {
    while ((await deliverDue(h.db)) > 0) {}
    assert.equal(await h.count("select count(*)::int as n from webhook_deliveries where status_code <> 204"), 0, "every delivery verified");
  }
  const ofType = (r: { events: Event[] }, type: string, match: (e: Event) => boolean = () => true) => r.events.filter((e) => e.type === type && match(e));

  test("story.published when a moderator approves, once, with the author's email only where they agreed", async () => {
    const email = `author.${Date.now()}@example.org`;
    const body = { title: "The counselor line is out the door", story: "We see a counselor once a month now, and the line is out the door every time.", role: "parent", ageBand: "18_plus", publish: "first_name", firstName: "Imani", email, consentPublish: true, consentCoalition: true };
    assert.equal((await h.post(CAMPAIGN, body)).status, 201);
    const other = { ...body, title: "Another story for the queue", email: undefined, firstName: undefined, publish: "anonymous", consentCoalition: false };
    assert.equal((await h.post(CAMPAIGN, other)).status, 201);
    const queue = ModerationListResponse.parse(await (await h.admin.get("/stories?status=pending")).json());
    const id = queue.stories.find((s) => s.title === body.title)!.id;
    const rejectedId = queue.stories.find((s) => s.title === other.title)!.id;
    await deliverAll();
    assert.equal(ofType(coalition, "story.published").length, 0, "submitting is not publishing");

    assert.equal((await h.admin.send("POST", `/stories/${id}/moderation`, { decision: "approve" })).status, 200);
    assert.equal((await h.admin.send("POST", `/stories/${rejectedId}/moderation`, { decision: "reject", reason: "Off topic" })).status, 200);
    await deliverAll();
    const [published] = ofType(coalition, "story.published");
    assert.ok(published, "the coalition's endpoint got story.published");
    assert.equal(ofType(coalition, "story.published").length, 1, "a rejected story is not published");
    assert.equal(published.data.story, id);
    assert.equal(published.data.campaign, "tell-your-story");
    assert.equal(published.data.publishAs, "first_name");
    assert.ok(!Number.isNaN(Date.parse(String(published.data.publishedAt))));
    assert.deepEqual([published.data.person?.email, published.data.person?.firstName], [email, "Imani"]);
    const submitted = ofType(coalition, "story.submitted", (e) => e.data.story === id)[0]!;
    assert.equal(published.data.person?.id, submitted.data.person?.id, "the same person id as at submission");
    assert.equal(ofType(partner, "story.published").length, 0, "the author did not agree to hear from the partner");

    assert.equal((await h.admin.send("POST", `/stories/${id}/moderation`, { decision: "approve" })).status, 200);
    await deliverAll();
    assert.equal(ofType(coalition, "story.published").length, 1, "approving a published story again publishes nothing new");
  });

  test("consent.withdrawn from the thank-you email's link, to the organization it was given to, once", async () => {
    const who = signer({ firstName: "Omar", consentCoalition: true, consentPartner: true });
    assert.equal((await h.post(`/v1/petitions/${PETITION}/signatures`, who)).status, 201);
    await h.deliver();
    const thanks = await h.sink.waitFor((m) => m.to.includes(who.email as string));
    // One link per consent: the coalition's, then the partner's.
    const [coalitionLink, partnerLink] = thanks.text.match(/https?:\/\/[^\s"<>]+\/v1\/consents\/withdraw\?token=[^\s"<>]+/g) ?? [];
    assert.ok(coalitionLink && partnerLink, "a withdrawal link for each consent");
    await deliverAll();
    const personId = ofType(partner, "signature.created", (e) => e.data.person?.email === who.email)[0]?.data.person?.id;
    assert.ok(personId, "the partner got the signature, with the person's id");

    assert.match(await (await answerLink(partnerLink, {})).text(), /withdrawn/);
    await deliverAll();
    const toPartner = ofType(partner, "consent.withdrawn");
    assert.equal(toPartner.length, 1);
    assert.deepEqual([toPartner[0]!.data.scope, toPartner[0]!.data.kind, toPartner[0]!.data.campaign, toPartner[0]!.data.partner], ["partner", "petition", PETITION, "educators-for-excellence"]);
    assert.deepEqual(toPartner[0]!.data.person, { id: personId, email: who.email }, "the id and email to stop writing to, nothing more");
    const toCoalition = ofType(coalition, "consent.withdrawn");
    assert.equal(toCoalition.length, 1, "the coalition hears of every withdrawal");
    assert.equal(toCoalition[0]!.data.person?.email, who.email, "with the email: the person still agrees to hear from the coalition");

    assert.match(await (await answerLink(coalitionLink, {})).text(), /withdrawn/);
    await deliverAll();
    assert.deepEqual(ofType(coalition, "consent.withdrawn").map((e) => [e.data.scope, e.data.person?.email]), [["partner", who.email], ["coalition", who.email]]);
    assert.equal(ofType(partner, "consent.withdrawn").length, 1, "the partner is not told about the coalition's consent");

    await answerLink(partnerLink, {});
    await deliverAll();
    assert.equal(ofType(partner, "consent.withdrawn").length, 1, "withdrawing twice sends nothing more");
  });

  test("person.erased on a data subject request: ids and campaigns only, to the coalition and the partners the person agreed to", async () => {
    const fan = signer({ firstName: "Zadie", lastName: "Quill", consentCoalition: true, consentPartner: true });
    const quiet = signer({ firstName: "Ulric", consentCoalition: true });
    for (const who of [fan, quiet]) assert.equal((await h.post(`/v1/petitions/${PETITION}/signatures`, who)).status, 201);
    await deliverAll();
    const idOf = (who: Record<string, unknown>) => ofType(coalition, "signature.created", (e) => e.data.person?.email === who.email)[0]!.data.person!.id;
    const [fanId, quietId] = [idOf(fan), idOf(quiet)];

    for (const who of [fan, quiet]) assert.equal((await h.admin.send("POST", "/people/erase", { email: who.email })).status, 200);
    await deliverAll();
    const erased = ofType(coalition, "person.erased");
    assert.deepEqual(erased.map((e) => e.data), [
      { personId: fanId, reason: "request", campaigns: [{ kind: "petition", campaign: PETITION }] },
      { personId: quietId, reason: "request", campaigns: [{ kind: "petition", campaign: PETITION }] },
    ]);
    assert.deepEqual(ofType(partner, "person.erased").map((e) => e.data.personId), [fanId], "only the partner the person had agreed to hear from");
    const sent = [...coalition.bodies, ...partner.bodies].filter((b) => b.includes('"person.erased"'));
    for (const text of [fan.email, quiet.email, "Zadie", "Quill", "Ulric"]) assert.ok(!sent.some((b) => b.includes(String(text))), "no personal data in person.erased");
    assert.equal(await h.count("select count(*)::int as n from outbox where event_type = 'person.erased' and person_id is not null"), 0);
  });

  test("person.erased when the retention period ends, saying so", async () => {
    const old = signer({ firstName: "Vesna", consentCoalition: true });
    assert.equal((await h.post(`/v1/petitions/${PETITION}/signatures`, old)).status, 201);
    await deliverAll();
    const id = ofType(coalition, "signature.created", (e) => e.data.person?.email === old.email)[0]!.data.person!.id;
    // Ten years on, everyone is past the coalition's retention period.
    assert.ok((await purgeExpiredPeople(h.db, new Date(Date.now() + 3650 * 86_400_000))).people >= 1);
    await deliverAll();
    assert.deepEqual(ofType(coalition, "person.erased", (e) => e.data.personId === id).map((e) => e.data), [{ personId: id, reason: "retention", campaigns: [{ kind: "petition", campaign: PETITION }] }]);
  });
});
