// Bilingual training series (issue 19): the API answers in the asker's language, text by text
// (sessions and leaders' roles too), and the consent ledger records the language and version of
// the exact consent text shown; organizers' translations are checked field by field, naming the language.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { AdminTrainingSeriesDetail, RegisterResponse, TrainingSeriesResponse } from "@coalition-kit/schema";
import { DB_LABEL, E4E, ORIGIN, signer } from "../testing/harness.js";
import { parseIcs, unescapeText } from "../testing/ics-parse.js";
import { mailSuite } from "../testing/suites.js";

type ErrorBody = { error: { code: string; fields: Record<string, string> } };
const inDays = (days: number, hours = 0) => new Date(Date.now() + days * 86_400_000 + hours * 3_600_000).toISOString();

describe(`training series in English and Spanish (${DB_LABEL})`, () => {
  const h = mailSuite({ webhooks: false });
  const session = (key: string, overrides: Record<string, unknown> = {}) => ({
    key,
    title: { en: "Power Mapping Your District", es: "Mapa de poder de tu distrito" },
    description: { en: "Who decides how your school is funded?", es: "¿Quién decide cómo se financia tu escuela?" },
    startsAt: inDays(10),
    endsAt: inDays(10, 1.5),
    timeZone: "America/New_York",
    format: "virtual",
    virtualLink: "https://meet.example.org/mapa",
    capacity: 20,
    leaders: [{ name: "Ana López", role: { en: "Student facilitator", es: "Facilitadora estudiantil" } }, { name: "Bo Chen", role: "Guest leader" }],
    ...overrides,
  });
  const series = (overrides: Record<string, unknown> = {}) => ({
    title: { en: "Organizing 101", es: "Organización 101" },
    description: { en: "Three evenings.", es: "Tres tardes." },
    consent: {
      coalition: { text: { en: "Yes, email me about trainings.", es: "Sí, envíenme correos sobre las capacitaciones." }, version: "c1" },
      partner: { text: "Yes, {partner} may email me.", version: "p1" },
    },
    sessions: [session("mapa"), session("plain", { title: "Budget hearings", description: "How budgets are made.", startsAt: inDays(12), endsAt: inDays(12, 1.5), leaders: [] })],
    ...overrides,
  });
  const read = async (language: string) => {
    const res = await fetch(`${h.url}/v1/trainings/org-101?key=${E4E}&r=${Math.random()}`, { headers: { Origin: ORIGIN, "Accept-Language": language } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get("vary") ?? "", /Accept-Language/);
    return TrainingSeriesResponse.parse(await res.json());
  };

  test("a Spanish reader gets the series, its sessions and leaders' roles in Spanish; what is untranslated falls back and says so", async () => {
    const put = await h.admin.send("PUT", "/trainings/org-101", series());
    assert.equal(put.status, 201, await put.clone().text());
    const es = await read("es-US,es;q=0.9");
    assert.deepEqual([es.series.language, es.series.title, es.series.description], ["es", "Organización 101", "Tres tardes."]);
    assert.equal(es.series.consent.coalition.text, "Sí, envíenme correos sobre las capacitaciones.");
    assert.match(es.series.consent.coalition.version, /^c1\+es\.[0-9a-f]{8}$/);
    assert.deepEqual(es.series.fallbacks, { "consent.partner": "en" });
    const [mapa, plain] = es.sessions;
    assert.deepEqual([mapa!.language, mapa!.title, mapa!.description], ["es", "Mapa de poder de tu distrito", "¿Quién decide cómo se financia tu escuela?"]);
    assert.deepEqual(mapa!.leaders, [{ name: "Ana López", role: "Facilitadora estudiantil" }, { name: "Bo Chen", role: "Guest leader" }]);
    assert.deepEqual(mapa!.fallbacks, { "leaders.1.role": "en" });
    assert.deepEqual([plain!.language, plain!.title, plain!.fallbacks], ["en", "Budget hearings", {}], "never an empty text: the English one, marked en");
    const en = await read("en");
    assert.deepEqual([en.series.language, en.series.title, en.sessions[0]!.title, en.sessions[0]!.leaders[0]!.role], ["en", "Organizing 101", "Power Mapping Your District", "Student facilitator"]);
  });

  test("a Spanish read hands out a Spanish calendar feed: series, sessions, roles and the calendar's own words in Spanish", async () => {
    const { feedUrl } = await read("es");
    assert.match(feedUrl, /\/v1\/trainings\/org-101\/calendar\.ics\?lang=es$/);
    const { calendar, events } = parseIcs(await (await fetch(feedUrl)).text());
    assert.equal(unescapeText(calendar["X-WR-CALNAME"] ?? ""), "Organización 101");
    assert.equal(unescapeText(events[0]!.SUMMARY!), "Mapa de poder de tu distrito · Organización 101");
    assert.match(unescapeText(events[0]!.DESCRIPTION!), /Dirigida por Ana López \(Facilitadora estudiantil\), Bo Chen \(Guest leader\)\./);
    const english = parseIcs(await (await fetch((await read("en")).feedUrl)).text());
    assert.equal(unescapeText(english.events[0]!.SUMMARY!), "Power Mapping Your District · Organizing 101");
  });

  test("a registration made in Spanish stores the Spanish consent text, version and language; its session and confirmation come back in Spanish", async () => {
    const es = await read("es");
    await h.db.query(
      `insert into webhook_endpoints (organization_id, url, events, secret) select id, 'https://hooks.example.org/ct', array['registration.created'], 'whsec_test' from organizations where slug = 'ct-fund-our-schools'`,
    );
    const res = await h.post(`/v1/trainings/org-101/sessions/${es.sessions[0]!.id}/registrations`, signer({ email: "lu.es@example.org", firstName: "Lu", consentCoalition: true, consentPartner: true }), { "X-Partner-Key": E4E, "Accept-Language": "es" });
    assert.equal(res.status, 201, await res.clone().text());
    assert.equal(RegisterResponse.parse(await res.json()).session.title, "Mapa de poder de tu distrito");
    const events = await h.db.query<{ payload: string }>(`select payload from outbox where event_type = 'registration.created' and payload like '%lu.es@example.org%'`);
    assert.equal((JSON.parse(events[0]!.payload) as { data: { language: string } }).data.language, "es", "registration.created says the language");
    const rows = await h.db.query<{ scope: string; text: string; version: string; language: string }>(
      `select k.scope, k.text, k.version, k.language from consents k join people p on p.id = k.person_id where p.email_normalized = 'lu.es@example.org' order by k.scope`,
    );
    assert.deepEqual(rows, [
      { scope: "coalition", text: es.series.consent.coalition.text, version: es.series.consent.coalition.version, language: "es" },
      { scope: "partner", text: es.series.consent.partner!.text, version: "p1", language: "en" },
    ], "the partner's text had no Spanish: the English one was shown, and is recorded as English");
    await h.deliver();
    const mail = await h.sink.waitFor((m) => m.to.includes("lu.es@example.org"));
    assert.match(`${mail.subject}\n${mail.text}`, /Mapa de poder de tu distrito/, "the confirmation names the session in Spanish");
    assert.match(mail.text, /Organización 101/, "and the series");
  });

  test("the organizer reads the texts back in every language and can send them back as they are", async () => {
    const detail = AdminTrainingSeriesDetail.parse(await (await h.admin.get("/trainings/org-101")).json());
    assert.deepEqual(detail.series.title, { en: "Organizing 101", es: "Organización 101" });
    assert.deepEqual(detail.series.sessions[0]!.leaders, [{ name: "Ana López", role: { en: "Student facilitator", es: "Facilitadora estudiantil" } }, { name: "Bo Chen", role: "Guest leader" }]);
    assert.equal(detail.series.sessions[1]!.title, "Budget hearings");
    assert.equal((await h.admin.send("PUT", "/trainings/org-101", detail.series)).status, 200);
    assert.equal((await read("es")).sessions[0]!.leaders[0]!.role, "Facilitadora estudiantil");
  });

  test("texts sent as plain strings (a one-language form) keep their saved translations, the series' and each session's", async () => {
    const plain = series({
      title: "Organizing 101",
      description: "Three evenings.",
      consent: { coalition: { text: "Yes, email me about trainings.", version: "c1" }, partner: { text: "Yes, {partner} may email me.", version: "p1" } },
      sessions: [session("mapa", { title: "Power Mapping Your District", description: "Who decides how your school is funded?", leaders: [{ name: "Ana López", role: "Student facilitator" }] }), session("plain", { title: "Budget hearings", startsAt: inDays(12), endsAt: inDays(12, 1.5), leaders: [] })],
    });
    assert.equal((await h.admin.send("PUT", "/trainings/org-101", plain)).status, 200);
    const es = await read("es");
    assert.deepEqual([es.series.title, es.series.consent.coalition.text, es.sessions[0]!.title, es.sessions[0]!.leaders[0]!.role], ["Organización 101", "Sí, envíenme correos sobre las capacitaciones.", "Mapa de poder de tu distrito", "Facilitadora estudiantil"]);
  });

  test("a translation too long, an unknown language or a missing English text is a field error naming the language; nothing changes", async () => {
    const long = await h.admin.send("PUT", "/trainings/org-101", series({ sessions: [session("mapa", { title: { en: "Power mapping", es: "x".repeat(201), fr: "Cartographie" } })] }));
    assert.equal(long.status, 422);
    const { fields } = ((await long.json()) as ErrorBody).error;
    assert.equal(fields["sessions.0.title.es"], "Spanish session's title must be at most 200 characters.");
    assert.match(fields["sessions.0.title.fr"] ?? "", /"fr" is not a language the widgets speak/);
    const missing = await h.admin.send("PUT", "/trainings/org-101", series({ description: { es: "Solo en español" }, sessions: [session("mapa", { leaders: [{ name: "Ana", role: { es: "Facilitadora" } }] })] }));
    assert.equal(missing.status, 422);
    const errors = ((await missing.json()) as ErrorBody).error.fields;
    assert.match(errors["description.en"] ?? "", /English is this campaign's language/);
    assert.match(errors["sessions.0.leaders.0.role.en"] ?? "", /English is this campaign's language/);
    assert.equal((await read("es")).series.description, "Tres tardes.", "nothing changed");
  });
});
