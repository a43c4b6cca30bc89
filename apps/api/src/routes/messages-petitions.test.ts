import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { expireUnconfirmed } from "../services/petitions/signature-confirmation.js";
import { DB_LABEL, petitionFixture, signer } from "../testing/harness.js";
import { answerLink, linkIn } from "../testing/email-links.js";
import { mailSuite } from "../testing/suites.js";

const DAY = 86_400_000;
const form = (url: string, fields: Record<string, string>) => answerLink(url, fields);

describe(`verified consent by email: petitions (${DB_LABEL})`, () => {
  const h = mailSuite({
    webhooks: false,
    extraPetitions: [petitionFixture("confirm-first", { confirmation: "double_opt_in", pendingDays: 7 }), petitionFixture("kids-welcome", { askAgeBand: true, shareUrl: "https://example.org/kids" })],
  });
  before(async () => {
    assert.equal((await h.admin.send("POST", "/webhooks", { url: "https://hooks.example.org/ck", events: ["signature.created"] })).status, 201);
  });
  const total = async (slug: string) => ((await (await fetch(`${h.url}/v1/petitions/${slug}/stats`)).json()) as { stats: { total: number } }).stats.total;
  const sign = (slug: string, body: Record<string, unknown>, headers: Record<string, string> = {}) => h.post(`/v1/petitions/${slug}/signatures`, body, headers);
  const outboxMentions = (email: unknown) => h.count("select count(*)::int as n from outbox where payload like '%' || $1 || '%'", [email]);

  test("double opt-in: the signature counts only once the emailed link is confirmed; confirming twice changes nothing", async () => {
    const who = signer({ firstName: "Rosa", consentCoalition: true });
    const before = await total("confirm-first");
    const res = await sign("confirm-first", who);
    assert.equal(res.status, 201);
    assert.equal(((await res.json()) as { status: string }).status, "confirm_email");
    assert.equal(await total("confirm-first"), before, "pending signatures are not counted");
    assert.equal(await outboxMentions(who.email), 0, "no webhook before confirmation");
    await h.deliver();
    const mail = await h.sink.waitFor((m) => m.to.includes(who.email as string));
    assert.equal(mail.subject, "Confirm your signature: Fixture confirm-first");
    const confirm = linkIn(mail, "/v1/signatures/confirm?token=")!;
    assert.match(await (await fetch(confirm)).text(), /Confirm my signature/, "opening the link only asks");
    assert.equal(await total("confirm-first"), before);
    const detail = (await (await h.admin.get("/petitions/confirm-first")).json()) as { pending: { email: number } };
    assert.equal(detail.pending.email, 1, "organizers see pending signatures");

    const done = await form(confirm, {});
    assert.equal(done.status, 200);
    assert.match(await done.text(), /counts/);
    assert.equal(await total("confirm-first"), before + 1);
    assert.equal(await outboxMentions(who.email), 1, "the webhook goes out once confirmed, with the consented email");
    const again = await form(confirm, {});
    assert.match(await again.text(), /already confirmed/);
    assert.equal(await total("confirm-first"), before + 1);

    const forged = await fetch(`${h.url}/v1/signatures/confirm?token=${encodeURIComponent(new URL(confirm).searchParams.get("token")!.replace(/.$/, "x"))}`);
    assert.equal(forged.status, 400);
    assert.match(await forged.text(), /not valid/);
    await h.deliver();
    const thanks = await h.sink.waitFor((m) => m.to.includes(who.email as string) && m.subject.startsWith("Thank you"));
    assert.match(thanks.text, /Coalition may email me\./, "the thank-you lists the exact consent text");
  });

  test("unconfirmed signatures are erased after the petition's days, and their links then say so", async () => {
    const who = signer();
    await sign("confirm-first", who);
    await h.deliver();
    const confirm = linkIn(await h.sink.waitFor((m) => m.to.includes(who.email as string)), "/v1/signatures/confirm?token=")!;
    assert.equal(await expireUnconfirmed(h.db, new Date(Date.now() + 6 * DAY)), 0);
    assert.ok((await expireUnconfirmed(h.db, new Date(Date.now() + 8 * DAY))) >= 1);
    assert.equal(await h.count("select count(*)::int as n from people where email_normalized = $1", [who.email]), 0, "the person is erased");
    assert.ok((await h.count("select count::int as n from petition_unconfirmed_counts where reason = 'email_unconfirmed'")) >= 1, "an anonymous count remains");
    const late = await form(confirm, {});
    assert.equal(late.status, 400);
  });

  test("a thank-you email lists the consents given and each can be withdrawn; the CSV then leaves the email out", async () => {
    const who = signer({ firstName: "Omar", consentCoalition: true, consentPartner: true });
    await sign("kids-welcome", who);
    await h.deliver();
    const thanks = await h.sink.waitFor((m) => m.to.includes(who.email as string));
    assert.equal(thanks.subject, "Thank you for signing: Fixture kids-welcome");
    assert.match(thanks.text, /https:\/\/example\.org\/kids/, "the share link");
    assert.match(thanks.text, /Educators for Excellence may email me\./);
    const withdraw = linkIn(thanks, "/v1/consents/withdraw?token=")!;
    const res = await form(withdraw, {});
    assert.match(await res.text(), /withdrawn/);
    const csv = await (await h.admin.get("/petitions/kids-welcome/signatures.csv")).text();
    const line = csv.split("\n").find((l) => l.includes("Omar"))!;
    assert.ok(!line.includes(who.email as string), "no email once the coalition consent is withdrawn");
  });

  test("under 13: the guardian is asked in the child's language; consent makes it count, refusal erases the child's data", async () => {
    const child = signer({ firstName: "Tomás", ageBand: "under_13", guardianEmail: "mama.tomas@example.org", guardianConsent: true, consentCoalition: true });
    const before = await total("kids-welcome");
    const res = await sign("kids-welcome", child, { "Accept-Language": "es" });
    assert.equal(((await res.json()) as { status: string }).status, "guardian_pending");
    await h.deliver();
    const ask = await h.sink.waitFor((m) => m.to.includes("mama.tomas@example.org"));
    assert.equal(ask.subject, "Tomás quiere firmar una petición: necesitamos tu consentimiento");
    assert.match(ask.text, new RegExp(`Correo: ${(child.email as string).replace(/\./g, "\\.")}`), "exactly what is held");
    assert.match(ask.text, /Pidió recibir correos de CT Fund Our Schools Coalition/);
    assert.equal(h.sink.to(child.email as string).length, 0, "nothing is sent to the child");
    assert.equal(await outboxMentions(child.email), 0, "no webhook carries the child's contact data");
    const csv = await (await h.admin.get("/petitions/kids-welcome/signatures.csv")).text();
    assert.ok(!csv.includes("Tomás"), "nor does the export");

    const link = linkIn(ask, "/v1/signatures/guardian?token=")!;
    assert.match(await (await fetch(link)).text(), /Acepto: contar la firma/);
    const ok = await form(link, { decision: "consent" });
    assert.match(await ok.text(), /cuenta/);
    assert.equal(await total("kids-welcome"), before + 1);
    const consent = await h.db.query<{ guardian_email: string }>("select c.guardian_email from consents c join people p on p.id = c.person_id where p.email_normalized = $1 and c.scope = 'guardian'", [child.email]);
    assert.deepEqual(consent, [{ guardian_email: "mama.tomas@example.org" }]);

    const other = signer({ firstName: "Nia", ageBand: "under_13", guardianEmail: "dad.nia@example.org", guardianConsent: true });
    await sign("kids-welcome", other);
    await h.deliver();
    const refuse = linkIn(await h.sink.waitFor((m) => m.to.includes("dad.nia@example.org")), "/v1/signatures/guardian?token=")!;
    const refused = await form(refuse, { decision: "refuse" });
    assert.match(await refused.text(), /erased/);
    assert.equal(await h.count("select count(*)::int as n from people where email_normalized = $1", [other.email]), 0, "the child's personal data is gone");
    assert.ok(!(await (await h.admin.get("/petitions/kids-welcome/signatures.csv")).text()).includes("Nia"));
    assert.equal(await total("kids-welcome"), before + 1, "a refusal never counts");
    assert.match(await (await form(refuse, { decision: "consent" })).text(), /not valid/, "a used link changes nothing");
  });
});
