import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { expireStoryGuardians } from "../services/stories/story-guardian.js";
import { DB_LABEL } from "../testing/harness.js";
import { answerLink, linkIn } from "../testing/email-links.js";
import { mailSuite } from "../testing/suites.js";

const DAY = 86_400_000;

const CAMPAIGN = "/v1/stories/tell-your-story";
let n = 0;
const story = (overrides: Record<string, unknown> = {}) => ({
  title: `Thirty-eight in my math class ${(n += 1)}`,
  story: "There are thirty-eight of us in Algebra II and not enough desks.",
  role: "student",
  ageBand: "13_17",
  publish: "first_name",
  firstName: "Imani",
  consentPublish: true,
  ...overrides,
});

describe(`email for stories (${DB_LABEL})`, () => {
  const h = mailSuite({ webhooks: false });
  before(async () => {
    assert.equal((await h.admin.send("POST", "/webhooks", { url: "https://hooks.example.org/ck", events: ["story.submitted"] })).status, 201);
  });
  const submit = async (body: Record<string, unknown>, headers: Record<string, string> = {}) => {
    assert.equal((await h.post(CAMPAIGN, body, headers)).status, 201);
    return (await h.db.query<{ id: string }>("select id from stories where title = $1", [body.title]))[0]!.id;
  };

  test("the author gets a receipt with a withdrawal link, then a notice when the story is published", async () => {
    const email = `author${n}@example.org`;
    const id = await submit(story({ email }));
    await h.deliver();
    const receipt = await h.sink.waitFor((m) => m.to.includes(email));
    assert.match(receipt.subject, /^We received your story: Thirty-eight in my math class/);
    assert.match(receipt.text, /Hi Imani,/);
    assert.match(receipt.text, /\/v1\/stories\/withdraw\?token=/);
    assert.equal((await h.admin.send("POST", `/stories/${id}/moderation`, { decision: "approve" })).status, 200);
    await h.deliver();
    const published = await h.sink.waitFor((m) => m.to.includes(email) && m.subject.startsWith("Your story is published"));
    assert.match(published.text, /appears on the story wall/);
  });

  test("a declined story's author hears why, in the language they wrote in", async () => {
    const email = `autora${n}@example.org`;
    const id = await submit(story({ email, firstName: "Lucía" }), { "Accept-Language": "es" });
    assert.equal((await h.admin.send("POST", `/stories/${id}/moderation`, { decision: "reject", reason: "Incluye el nombre completo de un maestro." })).status, 200);
    await h.deliver();
    const declined = await h.sink.waitFor((m) => m.to.includes(email) && m.subject.startsWith("Sobre tu historia"));
    assert.match(declined.text, /Incluye el nombre completo de un maestro\./);
    assert.match(declined.text, /Hola, Lucía:/);
  });

  test("no email: no message; under 13 without a name, email or school: nothing is sent to anyone", async () => {
    const before = await h.count("select count(*)::int as n from messages");
    await submit(story({ publish: "anonymous", firstName: undefined }));
    await submit(story({ publish: "anonymous", firstName: undefined, ageBand: "under_13" }));
    assert.equal(await h.count("select count(*)::int as n from messages"), before);
  });

  test("under 13: the parent or guardian is asked in the child's language; until they agree nothing takes effect, then organizers may approve", async () => {
    const child = `kid.author${n}@example.org`;
    const body = story({ email: child, firstName: "Tomás", ageBand: "under_13", school: "Clemente Leadership Academy", guardianEmail: "mama.tomas@example.org", guardianConsent: true, consentCoalition: true });
    const res = await h.post(CAMPAIGN, body, { "Accept-Language": "es" });
    assert.equal(res.status, 201);
    assert.equal(((await res.json()) as { status: string }).status, "guardian_pending");
    const id = (await h.db.query<{ id: string }>("select id from stories where title = $1", [body.title]))[0]!.id;
    await h.deliver();
    const ask = await h.sink.waitFor((m) => m.to.includes("mama.tomas@example.org"));
    assert.equal(ask.subject, "Tomás quiere compartir una historia: se necesita tu consentimiento");
    assert.match(ask.text, /Tomás envió una historia titulada «Thirty-eight in my math class/, "what the child did");
    assert.match(ask.text, /a Cuenta tu historia: ¿qué significa la brecha de financiamiento en tu escuela\?, en una página de/, "the story call by its Spanish title");
    for (const held of [/Nombre, que se muestra con la historia: Tomás/, new RegExp(`Correo: ${child.replace(/\./g, "\\.")}`), /Escuela o distrito: Clemente Leadership Academy/, /Pidió recibir correos de CT Fund Our Schools Coalition/]) {
      assert.match(ask.text, held, "exactly what is held");
    }
    assert.match(ask.text, /pueden publicarla en el muro de historias con el nombre/, "who would see it");
    assert.equal(h.sink.to(child).length, 0, "nothing is sent to the child");
    assert.equal(await h.count("select count(*)::int as n from outbox where payload like '%' || $1 || '%'", [child]), 0, "no webhook carries the child's email");
    assert.equal(await h.count("select count(*)::int as n from consents where story_id = $1", [id]), 0, "no opt-in takes effect");

    const queued = (await (await h.admin.get("/stories?status=pending")).json()) as { stories: Array<{ id: string; guardianPending: boolean; authorName: string | null; school: string | null }> };
    const waiting = queued.stories.find((x) => x.id === id)!;
    assert.deepEqual([waiting.guardianPending, waiting.authorName, waiting.school], [true, null, null], "organizers see the story, not who wrote it");
    const early = await h.admin.send("POST", `/stories/${id}/moderation`, { decision: "approve" });
    assert.equal(early.status, 422);
    assert.match(((await early.json()) as { error: { fields: Record<string, string> } }).error.fields.decision!, /parent or guardian has not agreed/);

    const link = linkIn(ask, "/v1/stories/guardian?token=")!;
    assert.match(await (await fetch(link)).text(), /Tomás pidió compartir una historia/, "the link's page asks, in Spanish, and changes nothing");
    assert.equal(await h.count("select count(*)::int as n from consents where story_id = $1", [id]), 0);
    assert.match(await (await answerLink(link, { decision: "consent" })).text(), /ya pueden leer la historia/);
    const recorded = await h.db.query<{ scope: string; guardian_email: string | null; text: string; version: string; language: string }>("select scope, guardian_email, text, version, language from consents where story_id = $1 order by scope", [id]);
    assert.deepEqual(
      recorded.map((r) => [r.scope, r.guardian_email]),
      [["coalition", null], ["guardian", "mama.tomas@example.org"], ["publish", null]],
      "the held opt-ins and the guardian's own consent are recorded",
    );
    assert.deepEqual(recorded.map((r) => r.language), ["es", "es", "es"], "each in the Spanish the child's form showed");
    const guardian = recorded.find((r) => r.scope === "guardian")!;
    assert.match(guardian.text, /^Soy el padre, la madre o el tutor legal de este estudiante/);
    assert.match(guardian.version, /^2026-09-guardian-v1\+es\.[0-9a-f]{8}$/);
    assert.equal(await h.count("select count(*)::int as n from outbox where payload like '%' || $1 || '%'", [child]), 1, "the webhook goes out once they agree");
    assert.match(await (await answerLink(link, { decision: "consent" })).text(), /Ya habías aceptado/, "agreeing twice is harmless");
    assert.equal((await h.admin.send("POST", `/stories/${id}/moderation`, { decision: "approve" })).status, 200);
    await h.deliver();
    assert.equal(h.sink.to(child).length, 0, "still nothing to the child");
  });

  test("a guardian's refusal erases the story and the child's data, keeping an anonymous count; old or forged links change nothing", async () => {
    const child = `nia.author${n}@example.org`;
    const body = story({ email: child, firstName: "Nia", ageBand: "under_13", guardianEmail: "dad.nia@example.org", guardianConsent: true });
    await submit(body);
    await h.deliver();
    const link = linkIn(await h.sink.waitFor((m) => m.to.includes("dad.nia@example.org")), "/v1/stories/guardian?token=")!;
    const refused = await answerLink(link, { decision: "refuse" });
    assert.equal(refused.status, 200);
    assert.match(await refused.text(), /erased/);
    assert.equal(await h.count("select count(*)::int as n from stories where title = $1", [body.title]), 0, "the story is gone");
    assert.equal(await h.count("select count(*)::int as n from people where email_normalized = $1", [child]), 0, "the child's personal data is gone");
    assert.equal(await h.count("select count(*)::int as n from messages where to_address = 'dad.nia@example.org' or subject like '%Nia%'"), 0, "the message log keeps no content");
    assert.ok((await h.count("select coalesce(sum(count), 0)::int as n from story_unconfirmed_counts where reason = 'guardian_refused'")) >= 1, "an anonymous count remains");
    const reused = await answerLink(link, { decision: "consent" }, { "Accept-Language": "es" });
    assert.equal(reused.status, 400);
    assert.match(await reused.text(), /This link is not valid\. Nothing changed\./, "a used link says so, in the language the child used");
    const forged = await answerLink(`${h.url}/v1/stories/guardian?token=00000000-0000-4000-8000-000000000000.9999999999.forged`, { decision: "consent" }, { "Accept-Language": "es" });
    assert.equal(forged.status, 400);
    assert.match(await forged.text(), /no es válido\. No cambió nada/, "a forged link, in the browser's language");
  });

  test("no answer within 7 days: the daily clean-up erases the child's story", async () => {
    const child = `late.author${n}@example.org`;
    const body = story({ email: child, ageBand: "under_13", guardianEmail: "late.parent@example.org", guardianConsent: true });
    await submit(body);
    await h.deliver();
    const link = linkIn(await h.sink.waitFor((m) => m.to.includes("late.parent@example.org")), "/v1/stories/guardian?token=")!;
    assert.equal(await expireStoryGuardians(h.db, new Date(Date.now() + 6 * DAY)), 0, "not before 7 days");
    assert.ok((await expireStoryGuardians(h.db, new Date(Date.now() + 8 * DAY))) >= 1);
    assert.equal(await h.count("select count(*)::int as n from stories where title = $1", [body.title]), 0);
    assert.equal(await h.count("select count(*)::int as n from people where email_normalized = $1", [child]), 0);
    assert.ok((await h.count("select coalesce(sum(count), 0)::int as n from story_unconfirmed_counts where reason = 'guardian_no_answer'")) >= 1);
    assert.match(await (await fetch(link)).text(), /not valid/, "the link no longer finds anything");
  });
});
