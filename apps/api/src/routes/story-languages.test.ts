// Bilingual story calls (issue 19): the call and its consents in the asker's language, text by
// text; the consent ledger records the exact text shown, its language and version; the moderation
// queue, the story webhooks and the wall say the author's language.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { ModerationListResponse, StoryCampaignResponse, StoryWallResponse } from "@coalition-kit/schema";
import { DB_LABEL, ORIGIN } from "../testing/harness.js";
import { adminSuite } from "../testing/suites.js";

const CAMPAIGN = "/v1/stories/tell-your-story";
const story = (title: string, overrides: Record<string, unknown> = {}) => ({
  title,
  story: "Tenemos treinta y ocho estudiantes en la clase de álgebra y no alcanzan los pupitres para todos.",
  role: "student",
  ageBand: "13_17",
  publish: "anonymous",
  consentPublish: true,
  ...overrides,
});

describe(`story calls in English and Spanish (${DB_LABEL})`, () => {
  const h = adminSuite({ webhooks: false });
  const read = async (language: string, key = "pk_demo_e4e") => {
    const res = await fetch(`${h.url}${CAMPAIGN}?key=${key}&r=${Math.random()}`, { headers: { Origin: ORIGIN, "Accept-Language": language } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get("vary") ?? "", /Accept-Language/);
    return StoryCampaignResponse.parse(await res.json()).campaign;
  };

  test("a Spanish reader gets the seeded story call and its consents in Spanish, each with its own version; an English reader in English", async () => {
    const es = await read("es-MX,es;q=0.9");
    assert.equal(es.language, "es");
    assert.deepEqual(es.fallbacks, {});
    assert.equal(es.title, "Cuenta tu historia: ¿qué significa la brecha de financiamiento en tu escuela?");
    assert.match(es.prompt, /^Estudiantes, familias, educadores y vecinos/);
    assert.equal(es.consent.partner?.text, "Sí, Educators for Excellence puede enviarme correos sobre su trabajo. Puedo darme de baja en cualquier momento.");
    assert.match(es.consent.publish.version, /^2026-09-publish-v1\+es\.[0-9a-f]{8}$/);
    const en = await read("en");
    assert.equal(en.language, "en");
    assert.match(en.title, /^Tell your story/);
    assert.equal(en.consent.publish.version, "2026-09-publish-v1");
  });

  test("a story told in Spanish records the Spanish consents shown, their versions and es; the queue and story.submitted say es", async () => {
    const hook = await h.admin.send("POST", "/webhooks", { url: "http://127.0.0.1:9/hook", events: ["story.submitted"] });
    assert.equal(hook.status, 201, await hook.clone().text());
    const shown = await read("es");
    const res = await h.post(CAMPAIGN, story("Faltan pupitres", { email: "autora.es@example.org", consentCoalition: true, consentPartner: true }), { "Accept-Language": "es" });
    assert.equal(res.status, 201, await res.clone().text());
    const rows = await h.db.query<{ scope: string; text: string; version: string; language: string }>(
      `select k.scope, k.text, k.version, k.language from consents k join stories s on s.id = k.story_id where s.title = 'Faltan pupitres' order by k.scope`,
    );
    assert.deepEqual(rows, [
      { scope: "coalition", text: shown.consent.coalition.text, version: shown.consent.coalition.version, language: "es" },
      { scope: "partner", text: shown.consent.partner!.text, version: shown.consent.partner!.version, language: "es" },
      { scope: "publish", text: shown.consent.publish.text, version: shown.consent.publish.version, language: "es" },
    ]);
    await h.post(CAMPAIGN, story("Not enough desks", { story: "There are thirty-eight of us in algebra and not enough desks for everyone." }), { "Accept-Language": "en" });
    const english = await h.db.query<{ version: string; language: string }>(`select k.version, k.language from consents k join stories s on s.id = k.story_id where s.title = 'Not enough desks'`);
    assert.deepEqual(english, [{ version: "2026-09-publish-v1", language: "en" }]);
    const queue = ModerationListResponse.parse(await (await h.admin.get("/stories?status=pending")).json());
    assert.equal(queue.stories.find((s) => s.title === "Faltan pupitres")!.language, "es");
    assert.equal(queue.stories.find((s) => s.title === "Not enough desks")!.language, "en");
    const events = await h.db.query<{ payload: string }>("select payload from outbox where event_type = 'story.submitted'");
    const languages = events.map((e) => (JSON.parse(e.payload) as { data: { language: string } }).data.language).sort();
    assert.deepEqual(languages, ["en", "es"]);
    // On the wall, a story says the language it was written in (the widget marks it with lang).
    const spanish = queue.stories.find((s) => s.title === "Faltan pupitres")!;
    assert.equal((await h.admin.send("POST", `/stories/${spanish.id}/moderation`, { decision: "approve" })).status, 200);
    const wall = StoryWallResponse.parse(await (await fetch(`${h.url}${CAMPAIGN}/wall?r=${Math.random()}`)).json());
    assert.equal(wall.stories.find((s) => s.id === spanish.id)!.language, "es");
  });
});
