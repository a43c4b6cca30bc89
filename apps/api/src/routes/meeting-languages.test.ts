// Bilingual member meetings (issue 19): the API answers in the asker's language, text by text
// (breaks and one-week notes too), and the consent ledger records the language and version of the
// exact consent text shown; organizers' translations are checked field by field, naming the language.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { AdminMeetingDetail, MeetingResponse, MeetingWeekChanged } from "@coalition-kit/schema";
import { DB_LABEL, ORIGIN, signer } from "../testing/harness.js";
import { parseIcs, unescapeText } from "../testing/ics-parse.js";
import { SEJ_KEY, SEJ_ORGANIZATION, seedWeeklyMeeting } from "../testing/meetings.js";
import { mailSuite } from "../testing/suites.js";

type ErrorBody = { error: { code: string; fields: Record<string, string> } };

describe(`meetings in English and Spanish (${DB_LABEL})`, () => {
  let dates: string[];
  const h = mailSuite({ webhooks: false }, {
    organization: SEJ_ORGANIZATION,
    setup: async (h) => {
      ({ dates } = await seedWeeklyMeeting(h, "bilingual"));
    },
  });
  const read = async (slug: string, language: string) => {
    const res = await fetch(`${h.url}/v1/meetings/${slug}?count=4&key=${SEJ_KEY}&r=${Math.random()}`, { headers: { Origin: ORIGIN, "Accept-Language": language } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get("vary") ?? "", /Accept-Language/);
    return MeetingResponse.parse(await res.json());
  };
  const week = (slug: string, date: string, body: unknown) => h.admin.send("PUT", `/meetings/${slug}/weeks/${date}`, body);

  test("a Spanish reader gets the seeded SEJ meeting, its consents and schedule in Spanish; an English reader in English", async () => {
    const { meeting: es } = await read("bilingual", "es-US,es;q=0.9");
    assert.equal(es.language, "es");
    assert.deepEqual(es.fallbacks, {});
    assert.equal(es.title, "Reunión de miembros de SEJ");
    assert.match(es.description, /^Nuestra reunión semanal de miembros, dirigida por jóvenes/);
    assert.match(es.schedule, /^Cada /);
    assert.match(es.consent.coalition.text, /^Sí, Students for Educational Justice puede enviarme correos/);
    assert.equal(es.consent.partner, null, "SEJ's own page: one consent, to SEJ");
    assert.match(es.consent.coalition.version, /^2026-09-members-v1\+es\.[0-9a-f]{8}$/, "a Spanish text has its own version");
    const { meeting: en } = await read("bilingual", "en");
    assert.deepEqual([en.language, en.title, en.consent.coalition.version], ["en", "SEJ Member Meeting", "2026-09-members-v1"]);
  });

  test("the cacheable read keeps one answer per language: the same address read in English, Spanish, English again (within the memory cache's second)", async () => {
    const at = `${h.url}/v1/meetings/bilingual?count=2&key=${SEJ_KEY}`;
    const get = (language: string) => fetch(at, { headers: { Origin: ORIGIN, "Accept-Language": language } });
    const [en, es, again] = [await get("en"), await get("es"), await get("en")];
    const titles = await Promise.all([en, es, again].map(async (r) => MeetingResponse.parse(await r.json()).meeting.title));
    assert.deepEqual(titles, ["SEJ Member Meeting", "Reunión de miembros de SEJ", "SEJ Member Meeting"]);
    assert.notEqual(en.headers.get("etag"), es.headers.get("etag"));
    for (const r of [en, es]) assert.match(r.headers.get("vary") ?? "", /Accept-Language/);
    const revalidated = await fetch(at, { headers: { Origin: ORIGIN, "Accept-Language": "es", "If-None-Match": en.headers.get("etag")! } });
    assert.equal(revalidated.status, 200, "the English answer's ETag does not stand for the Spanish one");
  });

  test("an RSVP made in Spanish stores the Spanish consent text, version and language, and its email names the meeting in Spanish", async () => {
    const { meeting: shown } = await read("bilingual", "es");
    await h.db.query(
      `insert into webhook_endpoints (organization_id, url, events, secret) select id, 'https://hooks.example.org/sej', array['rsvp.created'], 'whsec_test' from organizations where slug = $1`,
      [SEJ_ORGANIZATION],
    );
    const ana = signer({ firstName: "Ana", email: "ana.rsvp.es@example.org" });
    const res = await h.post("/v1/meetings/bilingual/rsvps", { ...ana, response: "yes", occurrence: dates[0], consentCoalition: true, consentPartner: true }, { "X-Partner-Key": SEJ_KEY, "Accept-Language": "es" });
    assert.equal(res.status, 201, await res.clone().text());
    const rows = await h.db.query<{ scope: string; text: string; version: string; language: string }>(
      `select k.scope, k.text, k.version, k.language from consents k join people p on p.id = k.person_id where p.email_normalized = 'ana.rsvp.es@example.org' order by k.scope`,
    );
    assert.deepEqual(rows, [{ scope: "coalition", text: shown.consent.coalition.text, version: shown.consent.coalition.version, language: "es" }], "one consent: SEJ hosts its own meeting");
    const person = (await (await h.admin.get(`/people?email=${encodeURIComponent("ana.rsvp.es@example.org")}`)).json()) as { consents: Array<Record<string, unknown>> };
    assert.deepEqual(person.consents.map((c) => c.language), ["es"], "the person's export shows the language of each consent");
    const events = await h.db.query<{ payload: string }>(`select payload from outbox where event_type = 'rsvp.created' and payload like '%ana.rsvp.es@example.org%'`);
    assert.equal((JSON.parse(events[0]!.payload) as { data: { language: string } }).data.language, "es", "rsvp.created says the language");
    await h.deliver();
    const mail = await h.sink.waitFor((m) => m.to.includes("ana.rsvp.es@example.org"));
    assert.match(mail.subject, /Reunión de miembros de SEJ/);

    const bo = signer({ firstName: "Bo", email: "bo.rsvp.en@example.org" });
    assert.equal((await h.post("/v1/meetings/bilingual/rsvps", { ...bo, response: "yes", occurrence: dates[0], consentCoalition: true }, { "X-Partner-Key": SEJ_KEY, "Accept-Language": "en" })).status, 201);
    const bos = await h.db.query<{ version: string; language: string }>(`select k.version, k.language from consents k join people p on p.id = k.person_id where p.email_normalized = 'bo.rsvp.en@example.org'`);
    assert.deepEqual(bos, [{ version: "2026-09-members-v1", language: "en" }]);
  });

  test("a week's note written in both languages is read in the asker's; a note left in English falls back and says so", async () => {
    const saved = await week("bilingual", dates[1]!, { note: { en: "In person, with food!", es: "¡En persona y con comida!" }, format: "hybrid", location: "Wilson Branch Library" });
    assert.equal(saved.status, 200, await saved.clone().text());
    assert.equal(MeetingWeekChanged.parse(await saved.json()).week.note, "In person, with food!", "organizers see the meeting's language");
    assert.equal((await week("bilingual", dates[2]!, { note: "Bring a friend." })).status, 200);
    const { occurrences } = await read("bilingual", "es");
    const one = occurrences.find((o) => o.date === dates[1])!;
    const two = occurrences.find((o) => o.date === dates[2])!;
    assert.deepEqual([one.note, one.language], ["¡En persona y con comida!", "es"]);
    assert.deepEqual([two.note, two.language], ["Bring a friend.", "en"], "never an empty note: the English one, marked en");
    const detail = AdminMeetingDetail.parse(await (await h.admin.get("/meetings/bilingual")).json());
    assert.deepEqual(detail.meeting.changes.find((c) => c.date === dates[1])?.note, { en: "In person, with food!", es: "¡En persona y con comida!" });
  });

  test("a Spanish read hands out a Spanish calendar feed: the title, the notes and the calendar's own words in Spanish", async () => {
    const { feedUrl, occurrences } = await read("bilingual", "es");
    assert.match(feedUrl, /\/v1\/meetings\/bilingual\/calendar\.ics\?lang=es$/);
    assert.doesNotMatch((await read("bilingual", "en")).feedUrl, /lang=/);
    const res = await fetch(feedUrl);
    assert.equal(res.status, 200);
    const { calendar, events } = parseIcs(await res.text());
    assert.equal(unescapeText(calendar["X-WR-CALNAME"] ?? ""), "Reunión de miembros de SEJ");
    const noted = events.find((e) => unescapeText(e.DESCRIPTION ?? "").startsWith("¡En persona y con comida!"));
    assert.ok(noted, "the week's Spanish note");
    assert.equal(unescapeText(noted.SUMMARY!), "Reunión de miembros de SEJ");
    assert.match(unescapeText(events.find((e) => e.LOCATION === undefined || /En línea/.test(e.LOCATION))?.DESCRIPTION ?? ""), /Planificada en la hora de America\/New_York\./);
    assert.ok(occurrences.length > 0);
  });

  test("a week's note too long in Spanish, in an unknown language, or without English is a field error naming it; nothing changes", async () => {
    const long = await week("bilingual", dates[3]!, { note: { en: "Snow day", es: "x".repeat(301), fr: "Neige" } });
    assert.equal(long.status, 422);
    const { fields } = ((await long.json()) as ErrorBody).error;
    assert.equal(fields["note.es"], "Spanish note must be at most 300 characters.");
    assert.match(fields["note.fr"] ?? "", /"fr" is not a language the widgets speak/);
    const missing = await week("bilingual", dates[3]!, { note: { es: "Solo en español" } });
    assert.equal(missing.status, 422);
    assert.match(((await missing.json()) as ErrorBody).error.fields["note.en"] ?? "", /English is this campaign's language/);
    const { occurrences } = await read("bilingual", "es");
    assert.equal(occurrences.find((o) => o.date === dates[3])?.note, null);
  });

  describe("an organizer writes a meeting in English and Spanish", () => {
    const base = (overrides: Record<string, unknown> = {}) => ({
      title: "Parent meeting",
      description: "Every Monday.",
      timeZone: "America/New_York",
      startDate: dates[0],
      startTime: "18:30",
      durationMinutes: 60,
      rrule: "FREQ=WEEKLY",
      format: "virtual",
      virtualLink: "https://meet.example.org/parents",
      consent: { coalition: { text: "Yes, email me.", version: "1" }, partner: { text: "Yes, {partner} may email me.", version: "1" } },
      ...overrides,
    });

    test("without translations a Spanish reader gets English, marked en, never an empty text", async () => {
      assert.equal((await h.admin.send("PUT", "/meetings/padres", base())).status, 201);
      const { meeting } = await read("padres", "es");
      assert.deepEqual([meeting.language, meeting.title, meeting.fallbacks], ["en", "Parent meeting", {}]);
    });

    test("translated title and break: those in Spanish, the rest fall back field by field and say so", async () => {
      const res = await h.admin.send("PUT", "/meetings/padres", base({ title: { en: "Parent meeting", es: "Reunión de padres" }, breaks: [{ from: "2099-07-01", to: "2099-08-31", reason: { en: "Summer", es: "Verano" } }, { from: "2099-12-20", to: "2099-12-31", reason: "Winter" }] }));
      assert.equal(res.status, 200, await res.clone().text());
      const { meeting } = await read("padres", "es");
      assert.equal(meeting.language, "es");
      assert.equal(meeting.title, "Reunión de padres");
      assert.deepEqual(meeting.breaks.map((b) => b.reason), ["Verano", "Winter"]);
      assert.deepEqual(meeting.fallbacks, { description: "en", "consent.coalition": "en", "breaks.1.reason": "en" }, "no partner consent on SEJ's own page, so none to fall back");
      const detail = AdminMeetingDetail.parse(await (await h.admin.get("/meetings/padres")).json());
      assert.deepEqual(detail.meeting.title, { en: "Parent meeting", es: "Reunión de padres" });
      assert.equal((await h.admin.send("PUT", "/meetings/padres", detail.meeting)).status, 200, "sent back as read, it is accepted");
      assert.equal((await read("padres", "es")).meeting.breaks[0]?.reason, "Verano", "and keeps its translations");
    });

    test("a text sent as a plain string keeps its saved translations (a one-language form erases nothing); one text per language replaces them", async () => {
      const plain = await h.admin.send("PUT", "/meetings/padres", base({ title: "Parents' meeting", breaks: [{ from: "2099-07-01", to: "2099-08-31", reason: "Summer" }] }));
      assert.equal(plain.status, 200, await plain.clone().text());
      const kept = (await read("padres", "es")).meeting;
      assert.deepEqual([kept.title, kept.breaks[0]?.reason], ["Reunión de padres", "Verano"]);
      assert.equal((await read("padres", "en")).meeting.title, "Parents' meeting");
      assert.equal((await h.admin.send("PUT", "/meetings/padres", base({ title: { en: "Parent meeting" } }))).status, 200);
      const replaced = (await read("padres", "es")).meeting;
      assert.deepEqual([replaced.title, replaced.language], ["Parent meeting", "en"], "nothing left in Spanish: the answer is in English");
      assert.equal((await h.admin.send("PUT", "/meetings/padres", base({ title: { en: "Parent meeting", es: "Reunión de padres" } }))).status, 200);
    });

    test("changing only the Spanish consent words makes a new Spanish version; the English one stays", async () => {
      const put = (es: string) => h.admin.send("PUT", "/meetings/padres", base({ consent: { coalition: { text: { en: "Yes, email me.", es }, version: "1" }, partner: { text: "Yes, {partner} may email me.", version: "1" } } }));
      assert.equal((await put("Sí, envíenme correos.")).status, 200);
      const before = (await read("padres", "es")).meeting.consent.coalition.version;
      assert.equal((await put("Sí, pueden enviarme correos.")).status, 200);
      const after = (await read("padres", "es")).meeting.consent.coalition.version;
      assert.notEqual(after, before);
      assert.match(after, /^1\+es\.[0-9a-f]{8}$/);
      assert.equal((await read("padres", "en")).meeting.consent.coalition.version, "1");
    });

    test("a translation too long, an unknown language or a missing English text is a field error naming the language", async () => {
      const res = await h.admin.send("PUT", "/meetings/padres", base({ title: { en: "Parent meeting", es: "x".repeat(201), fr: "Réunion" } }));
      assert.equal(res.status, 422);
      const { fields } = ((await res.json()) as ErrorBody).error;
      assert.equal(fields["title.es"], "Spanish title must be at most 200 characters.");
      assert.match(fields["title.fr"] ?? "", /"fr" is not a language the widgets speak/);
      const missing = await h.admin.send("PUT", "/meetings/padres", base({ breaks: [{ from: "2099-07-01", to: "2099-08-31", reason: { es: "Verano" } }] }));
      assert.equal(missing.status, 422);
      assert.match(((await missing.json()) as ErrorBody).error.fields["breaks.0.reason.en"] ?? "", /English is this campaign's language/);
      assert.equal((await read("padres", "es")).meeting.consent.coalition.text, "Sí, pueden enviarme correos.", "nothing changed");
    });
  });
});
