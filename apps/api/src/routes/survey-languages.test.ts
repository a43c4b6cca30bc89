// Bilingual surveys (issue 19): the definition and the results in the asker's language, text by
// text; answers stored by option value, so Spanish and English answers count together; the
// follow-up consent recorded in the language shown, with that text's version.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { AdminSurveyDetail, SurveyResponse, SurveyResults } from "@coalition-kit/schema";
import { SEEDS_DIR } from "../paths.js";
import { loadSeedFile, seed } from "../seed/seed.js";
import { DB_LABEL, ORIGIN } from "../testing/harness.js";
import { adminSuite } from "../testing/suites.js";

const SURVEY = "/v1/surveys/students-over-sros";
const KEY = "pk_demo_sej_site";
const SEJ = "students-for-educational-justice";
type ErrorBody = { error: { fields: Record<string, string> } };

describe(`surveys in English and Spanish (${DB_LABEL})`, () => {
  const h = adminSuite({ webhooks: false }, { organization: SEJ, setup: async (h) => seed(h.db, await loadSeedFile(`${SEEDS_DIR}sej-students-over-sros.json`), { extraOrigins: [ORIGIN] }) });
  const get = (path: string, language: string) => fetch(`${h.url}${path}${path.includes("?") ? "&" : "?"}r=${Math.random()}`, { headers: { Origin: ORIGIN, "Accept-Language": language } });
  const read = async (language: string) => SurveyResponse.parse(await (await get(SURVEY, language)).json()).survey;
  const results = async (language: string, variant = "hillhouse-cross") => SurveyResults.parse(await (await get(`${SURVEY}/results?variant=${variant}`, language)).json());
  const respond = (body: unknown, language: string) => h.post(`${SURVEY}/responses`, body, { "X-Partner-Key": KEY, "Accept-Language": language });

  test("a Spanish reader gets the seeded SEJ survey in Spanish; school names stay in English and say so", async () => {
    const res = await get(SURVEY, "es-US,es;q=0.9");
    assert.match(res.headers.get("vary") ?? "", /Accept-Language/);
    const es = SurveyResponse.parse(await res.json()).survey;
    assert.equal(es.language, "es");
    assert.match(es.title, /policía y seguridad en las escuelas de New Haven$/);
    const hillhouse = es.variants[0]!;
    assert.equal(hillhouse.title, "Estudiantes de Hillhouse y Cross");
    assert.equal(hillhouse.questions[0]!.prompt, "¿A qué escuela vas?");
    assert.equal(hillhouse.questions[0]!.options![0]!.label, "James Hillhouse High School");
    assert.equal(es.fallbacks["variants.hillhouse-cross.questions.school.options.hillhouse"], "en", "a proper name left untranslated is marked English");
    assert.equal(es.fallbacks["variants.hillhouse-cross.questions.school.prompt"], undefined);
    assert.deepEqual(hillhouse.questions[3]!.scale, { min: 1, max: 5, minLabel: "Mucho menos seguro/a", maxLabel: "Mucho más seguro/a" });
    assert.match(es.followUp!.consent.text, /^Sí, Students for Educational Justice puede enviarme correos/);
    assert.match(es.followUp!.consent.version, /^2026-10-followup-v1\+es\.[0-9a-f]{8}$/, "the Spanish consent has its own version");
    // The option values are the same in both languages: that is what answers store.
    const en = await read("en");
    assert.equal(en.language, "en");
    assert.deepEqual(en.fallbacks, {});
    assert.equal(en.variants[0]!.questions[0]!.prompt, "Which school do you go to?");
    assert.deepEqual(es.variants.map((v) => v.questions.map((q) => (q.options ?? []).map((o) => o.value))), en.variants.map((v) => v.questions.map((q) => (q.options ?? []).map((o) => o.value))));
  });

  test("answers given in Spanish and in English aggregate into the same results, shown in the viewer's language", async () => {
    const answers = (presence: string) => ({ school: "cross", grade: "11", presence, feel_safe: 2, uncomfortable: "no", instead: ["counselors"] });
    for (const [presence, language] of [["daily", "es"], ["daily", "es"], ["daily", "en"], ["weekly", "en"], ["weekly", "es"], ["never", "en"]] as const) {
      assert.equal((await respond({ variant: "hillhouse-cross", answers: answers(presence) }, language)).status, 201);
    }
    const es = await results("es");
    const en = await results("en");
    assert.equal(es.responses, 6);
    const counts = (r: SurveyResults) => r.questions.find((q) => q.id === "presence")!.options.map((o) => [o.value, o.count]);
    assert.deepEqual(counts(es), [["daily", 3], ["weekly", 2], ["rarely", 0], ["never", 1]]);
    assert.deepEqual(counts(es), counts(en));
    const presence = (r: SurveyResults) => r.questions.find((q) => q.id === "presence")!;
    assert.equal(presence(es).prompt, "¿Con qué frecuencia ves policías (SRO) en tu escuela?");
    assert.deepEqual(presence(es).options.map((o) => o.label), ["Todos los días", "Varias veces por semana", "Rara vez", "Nunca"]);
    assert.deepEqual(presence(en).options.map((o) => o.label), ["Every day", "A few times a week", "Rarely", "Never"]);
    assert.equal(es.language, "es");
    assert.equal(es.fallbacks["questions.school.options.cross"], "en");
    assert.equal(en.language, "en");
    // The organizer's own results follow their language too.
    const admin = SurveyResults.parse(await (await fetch(`${h.url}/v1/admin/surveys/students-over-sros/results?variant=hillhouse-cross`, { headers: { Authorization: `Bearer ${h.admin.key}`, "Accept-Language": "es" } })).json());
    assert.deepEqual(counts(admin), counts(es));
    assert.equal(presence(admin).options[0]!.label, "Todos los días");
  });

  test("a follow-up left in Spanish records the Spanish consent text, its version and es; in English, the English ones", async () => {
    const shown = await read("es");
    const answers = { school: "career", grade: "9", presence: "rarely", feel_safe: 4, uncomfortable: "no", instead: ["youth_jobs"] };
    assert.equal((await respond({ variant: "all-nhps", answers, followUp: { email: "lucia.es@example.org", consent: true } }, "es")).status, 201);
    assert.equal((await respond({ variant: "all-nhps", answers, followUp: { email: "sam.en@example.org", consent: true } }, "en")).status, 201);
    const rows = await h.db.query<{ email: string; consent_text: string; consent_version: string; language: string }>(
      "select email, consent_text, consent_version, language from survey_follow_ups where email in ('lucia.es@example.org', 'sam.en@example.org') order by email",
    );
    assert.deepEqual(rows[0], { email: "lucia.es@example.org", consent_text: shown.followUp!.consent.text, consent_version: shown.followUp!.consent.version, language: "es" });
    assert.equal(rows[1]!.language, "en");
    assert.equal(rows[1]!.consent_version, "2026-10-followup-v1");
    assert.match(rows[1]!.consent_text, /^Yes, Students for Educational Justice may email me/);
  });

  test("PUT: a Spanish text over the limit, a language not offered and a missing default language are field errors naming the language", async () => {
    const variant = (prompt: unknown) => ({ slug: "main", title: "Main", intro: "Two questions.", questions: [{ id: "q1", type: "single", prompt, required: true, options: [{ value: "yes", label: { en: "Yes", es: "Sí" } }] }] });
    const bad = await h.admin.send("PUT", "/surveys/clima", { title: { en: "Climate", es: "x".repeat(201), fr: "Climat" }, variants: [variant({ en: "Yes or no?", es: "¿Sí o no?" })] });
    assert.equal(bad.status, 422);
    const { fields } = ((await bad.json()) as ErrorBody).error;
    assert.equal(fields["title.es"], "Spanish title must be at most 200 characters.");
    assert.match(fields["title.fr"]!, /^"fr" is not a language the widgets speak/);
    const missing = await h.admin.send("PUT", "/surveys/clima", { title: "Climate", variants: [variant({ es: "¿Sí o no?" })] });
    assert.deepEqual(((await missing.json()) as ErrorBody).error.fields, { "variants.0.questions.0.prompt.en": "Enter the English question: English is this campaign's language." });
    const spanish = await h.admin.send("PUT", "/surveys/clima", { language: "es", title: { es: "Clima" }, variants: [{ ...variant({ es: "¿Sí o no?" }), title: { en: "Main" } }] });
    assert.deepEqual(Object.keys(((await spanish.json()) as ErrorBody).error.fields).sort(), ["variants.0.title.es"], "a Spanish survey needs its texts in Spanish (a plain string is in Spanish)");
    assert.equal((await h.admin.get("/surveys/clima")).status, 404, "nothing was saved");
  });

  test("PUT a survey in Spanish only where translated: Spanish readers fall back text by text, never to an empty text; the admin read gives back what was sent", async () => {
    const survey = {
      language: "en",
      title: { en: "School climate", es: "Clima escolar" },
      publicResults: true,
      minGroupSize: 5,
      followUp: null,
      variants: [{ slug: "main", title: "Everyone", intro: { en: "Two questions.", es: "Dos preguntas." }, questions: [{ id: "q1", type: "single", prompt: { en: "Yes or no?", es: "¿Sí o no?" }, help: "Pick one.", required: true, options: [{ value: "yes", label: { en: "Yes", es: "Sí" } }, { value: "no", label: "No" }] }] }],
    };
    assert.equal((await h.admin.send("PUT", "/surveys/clima", survey)).status, 201);
    const es = SurveyResponse.parse(await (await get("/v1/surveys/clima", "es")).json()).survey;
    assert.equal(es.title, "Clima escolar");
    assert.equal(es.variants[0]!.title, "Everyone");
    assert.equal(es.variants[0]!.questions[0]!.help, "Pick one.");
    assert.deepEqual(es.fallbacks, { "variants.main.title": "en", "variants.main.questions.q1.help": "en", "variants.main.questions.q1.options.no": "en" });
    const read = AdminSurveyDetail.parse(await (await h.admin.get("/surveys/clima")).json());
    assert.deepEqual(read, { slug: "clima", survey });
    // Sent back as read, nothing changes; a question taken out takes its translations with it.
    assert.equal((await h.admin.send("PUT", "/surveys/clima", read.survey)).status, 200);
    assert.deepEqual(AdminSurveyDetail.parse(await (await h.admin.get("/surveys/clima")).json()), read);
    const fewer = { ...survey, variants: [{ ...survey.variants[0]!, questions: [{ ...survey.variants[0]!.questions[0]!, options: [{ value: "no", label: "No" }] }] }] };
    assert.equal((await h.admin.send("PUT", "/surveys/clima", fewer)).status, 200);
    const rows = await h.db.query<{ translations: unknown }>("select translations from surveys where slug = 'clima'");
    const stored = JSON.stringify(rows[0]!.translations);
    assert.ok(!stored.includes("options.yes"), stored);
  });
});
