// Bilingual petitions (issue 19): the API answers in the asker's language, text by text, and the
// consent ledger, the CSV and webhooks record the language of the exact consent text shown.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { AdminPetitionDetail, PetitionResponse } from "@coalition-kit/schema";
import { DB_LABEL, ORIGIN, SLUG, signer } from "../testing/harness.js";
import { newPetition } from "../testing/admin.js";
import { adminSuite } from "../testing/suites.js";
import { parseCsv } from "../testing/csv-parse.js";

describe(`petitions in English and Spanish (${DB_LABEL})`, () => {
  const h = adminSuite({ webhooks: false });
  const read = async (slug: string, language: string) => {
    const res = await fetch(`${h.url}/v1/petitions/${slug}?key=pk_demo_e4e&r=${Math.random()}`, { headers: { Origin: ORIGIN, "Accept-Language": language } });
    assert.equal(res.status, 200);
    return ((await res.json()) as PetitionResponse).petition;
  };

  test("a Spanish reader gets the seeded CT petition and its consents in Spanish; an English reader in English", async () => {
    const es = await read(SLUG, "es-US,es;q=0.9");
    assert.equal(es.language, "es");
    assert.deepEqual(es.fallbacks, {});
    assert.match(es.title, /^Cierren la brecha/);
    assert.equal(es.target, "Asamblea General de Connecticut");
    assert.match(es.consent.coalition.text, /^Sí, CT Fund Our Schools Coalition puede enviarme correos/);
    assert.equal(es.consent.partner?.text, "Sí, Educators for Excellence puede enviarme correos sobre su trabajo. Puedo darme de baja en cualquier momento.");
    assert.match(es.consent.coalition.version, /^2026-09-coalition-v1\+es\.[0-9a-f]{8}$/, "a Spanish text has its own version");
    const en = await read(SLUG, "en");
    assert.equal(en.language, "en");
    assert.match(en.title, /^Close Connecticut/);
    assert.equal(en.consent.coalition.version, "2026-09-coalition-v1");
  });

  test("a signature made in Spanish stores the Spanish consent text, version and language; the CSV shows es", async () => {
    const headers = { "Accept-Language": "es" };
    const shown = await read(SLUG, "es");
    const res = await h.post(`/v1/petitions/${SLUG}/signatures`, signer({ email: "ana.es@example.org", firstName: "Ana", consentCoalition: true, consentPartner: true }), headers);
    assert.equal(res.status, 201);
    const rows = await h.db.query<{ scope: string; text: string; version: string; language: string }>(
      `select k.scope, k.text, k.version, k.language from consents k join people p on p.id = k.person_id where p.email_normalized = 'ana.es@example.org' order by k.scope`,
    );
    assert.deepEqual(rows, [
      { scope: "coalition", text: shown.consent.coalition.text, version: shown.consent.coalition.version, language: "es" },
      { scope: "partner", text: shown.consent.partner!.text, version: shown.consent.partner!.version, language: "es" },
    ]);
    await h.post(`/v1/petitions/${SLUG}/signatures`, signer({ email: "bo.en@example.org", firstName: "Bo", consentCoalition: true }), { "Accept-Language": "en" });
    const [header, ...lines] = parseCsv(((await (await h.admin.get(`/petitions/${SLUG}/signatures.csv`)).text()).replace(/^\uFEFF/, "")));
    const at = (row: string[], column: string) => row[header!.indexOf(column)];
    const ana = lines.find((r) => at(r, "first_name") === "Ana")!;
    assert.equal(at(ana, "language"), "es");
    assert.equal(at(ana, "coalition_consent_language"), "es");
    assert.equal(at(ana, "coalition_consent_version"), shown.consent.coalition.version);
    const bo = lines.find((r) => at(r, "first_name") === "Bo")!;
    assert.deepEqual([at(bo, "language"), at(bo, "coalition_consent_language"), at(bo, "coalition_consent_version")], ["en", "en", "2026-09-coalition-v1"]);
  });

  describe("an organizer adds Spanish to a petition", () => {
    before(async () => {
      assert.equal((await h.admin.send("POST", "/petitions", newPetition("consejeros"))).status, 201);
    });

    test("without a translation a Spanish reader gets the English text, never an empty one", async () => {
      const es = await read("consejeros", "es");
      assert.equal(es.language, "en");
      assert.equal(es.title, "Fund school counselors");
    });

    test("a translation added by PATCH shows to Spanish readers; a text still untranslated falls back and says so", async () => {
      const res = await h.admin.send("PATCH", "/petitions/consejeros", {
        title: { en: "Fund school counselors", es: "Financien consejeros escolares" },
        consent: { coalition: { text: { en: "Yes, email me.", es: "Sí, envíenme correos." }, version: "2" } },
      });
      assert.equal(res.status, 200, await res.clone().text());
      const es = await read("consejeros", "es");
      assert.equal(es.language, "es");
      assert.equal(es.title, "Financien consejeros escolares");
      assert.equal(es.consent.coalition.text, "Sí, envíenme correos.");
      assert.equal(es.target, "Connecticut General Assembly");
      assert.equal(es.fallbacks.target, "en");
      assert.equal(es.fallbacks.body, "en");
      const detail = (await (await h.admin.get("/petitions/consejeros")).json()) as AdminPetitionDetail;
      assert.deepEqual(detail.content?.title, { en: "Fund school counselors", es: "Financien consejeros escolares" });
      assert.deepEqual(detail.content?.missing.es, ["body", "target", "consent.partner", "consent.guardian"]);
    });

    test("changing only the Spanish consent words makes a new Spanish version; the English one stays", async () => {
      const before = await read("consejeros", "es");
      await h.admin.send("PATCH", "/petitions/consejeros", { consent: { coalition: { text: { en: "Yes, email me.", es: "Sí, pueden enviarme correos." }, version: "2" } } });
      const after = await read("consejeros", "es");
      assert.notEqual(after.consent.coalition.version, before.consent.coalition.version);
      assert.equal((await read("consejeros", "en")).consent.coalition.version, "2");
    });

    test("a petition moved to Spanish as its own language keeps both languages' words; every text must then have Spanish", async () => {
      const both = (en: string, es: string) => ({ en, es });
      const texts = { title: both("Fund counselors", "Financien consejeros"), body: both("Sign.", "Firma."), target: both("The Assembly", "La Asamblea") };
      const consent = (en: string, es: string) => ({ text: both(en, es), version: "1" });
      assert.equal((await h.admin.send("POST", "/petitions", newPetition("mudanza", { ...texts, consent: { coalition: consent("Yes.", "Sí."), partner: consent("Yes, {partner}.", "Sí, {partner}."), guardian: consent("I agree.", "Acepto.") } }))).status, 201);
      assert.equal((await h.admin.send("PATCH", "/petitions/mudanza", { language: "es" })).status, 200);
      const es = await read("mudanza", "es");
      const en = await read("mudanza", "en");
      assert.deepEqual([es.language, es.title, es.body, es.consent.coalition.text], ["es", "Financien consejeros", "Firma.", "Sí."]);
      assert.deepEqual([en.language, en.title, en.target, en.consent.coalition.text], ["en", "Fund counselors", "The Assembly", "Yes."]);
      const refused = await h.admin.send("PATCH", "/petitions/consejeros", { language: "es" });
      assert.equal(refused.status, 422);
      assert.match(((await refused.json()) as { error: { fields: Record<string, string> } }).error.fields["body.es"] ?? "", /Spanish is this campaign's language/);
    });

    test("a translation too long, or in a language the widgets do not speak, is a field error naming it; nothing changes", async () => {
      const res = await h.admin.send("PATCH", "/petitions/consejeros", { title: { en: "Fund school counselors", es: "x".repeat(201), fr: "Financez" } });
      assert.equal(res.status, 422);
      const { error } = (await res.json()) as { error: { fields: Record<string, string> } };
      assert.equal(error.fields["title.es"], "Spanish title must be at most 200 characters.");
      assert.match(error.fields["title.fr"] ?? "", /"fr" is not a language the widgets speak/);
      const missing = await h.admin.send("PATCH", "/petitions/consejeros", { title: { es: "Solo en español" } });
      assert.equal(missing.status, 422);
      assert.match(((await missing.json()) as { error: { fields: Record<string, string> } }).error.fields["title.en"] ?? "", /English is this campaign's language/);
      assert.equal((await read("consejeros", "es")).title, "Financien consejeros escolares");
    });
  });
});
