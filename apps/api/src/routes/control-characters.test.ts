// A NUL or other control character in any text of any public write is a field error (422) that
// names the field, on JSON and form posts alike, and stores nothing. (It used to reach
// PostgreSQL, which refuses NUL in text, and answer 500.)
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { SEEDS_DIR } from "../paths.js";
import { loadSeedFile, seed } from "../seed/seed.js";
import { DB_LABEL, ORIGIN, SLUG, signer } from "../testing/harness.js";
import { harnessSuite } from "../testing/suites.js";
import { oneSessionSeries, sessionIds } from "../testing/trainings.js";

const SEJ = "pk_demo_sej_site";
const CONTROL = ["\u0000", "\u0007", "\u001b[31m", "\u007f"];

describe(`control characters in public writes (${DB_LABEL})`, () => {
  const h = harnessSuite({ extraTrainings: [oneSessionSeries("nul-series")] });
  let session: string;
  before(async () => {
    await seed(h.db, await loadSeedFile(`${SEEDS_DIR}sej-students-over-sros.json`), { extraOrigins: [ORIGIN] });
    session = (await sessionIds(h.db)).s1!;
  });

  const meetingSlug = async () => (await h.db.query<{ slug: string }>("select slug from meetings limit 1"))[0]!.slug;
  const writes = (bad: string) => [
    { what: "petition signature", path: `/v1/petitions/${SLUG}/signatures`, body: signer({ firstName: `Jor${bad}dan` }), field: "firstName", table: "signatures" },
    { what: "petition signature (last name)", path: `/v1/petitions/${SLUG}/signatures`, body: signer({ lastName: `Lee${bad}` }), field: "lastName", table: "signatures" },
    { what: "story", path: "/v1/stories/tell-your-story", body: { title: "Desks", story: `There are not enough desks${bad} in our class.`, role: "student", ageBand: "13_17", publish: "internal" }, field: "story", table: "stories" },
    { what: "training registration", path: `/v1/trainings/nul-series/sessions/${session}/registrations`, body: signer({ firstName: `A${bad}na` }), field: "firstName", table: "training_registrations" },
  ];

  for (const bad of CONTROL) {
    const label = JSON.stringify(bad);
    test(`${label} in signatures, stories and registrations, as JSON and as a form, is a field error and stores nothing`, async () => {
      for (const w of writes(bad)) {
        const before = await h.count(`select count(*)::int as n from ${w.table}`);
        for (const format of ["json", "form"] as const) {
          const res =
            format === "json"
              ? await h.post(w.path, w.body)
              : await h.post(w.path, new URLSearchParams(Object.entries(w.body).map(([k, v]): [string, string] => [k, String(v)])).toString(), { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" });
          assert.equal(res.status, 422, `${w.what} (${format})`);
          const text = await res.text();
          if (format === "json" || text.startsWith("{")) {
            const { error } = JSON.parse(text) as { error: { fields: Record<string, string> } };
            assert.equal(error.fields[w.field], "Remove the invisible control character from this field.", `${w.what} (${format})`);
          } else {
            assert.match(text, /Remove the invisible control character from this field\./, `${w.what} (${format}): the no-JS page says why`);
          }
        }
        assert.equal(await h.count(`select count(*)::int as n from ${w.table}`), before, `${w.what}: nothing stored`);
      }
    });
  }

  test("a NUL in a survey answer or a meeting RSVP is a field error at its path, in Spanish when asked", async () => {
    const survey = await h.post(
      "/v1/surveys/students-over-sros/responses",
      { variant: "hillhouse-cross", answers: { school: "hillhouse", grade: "10", presence: "daily", feel_safe: 2, uncomfortable: "yes", instead: ["counselors"], what_happened: "They\u0000 searched my bag." } },
      { "X-Partner-Key": SEJ, "Accept-Language": "es" },
    );
    assert.equal(survey.status, 422);
    assert.deepEqual(((await survey.json()) as { error: { fields: Record<string, string> } }).error.fields, { "answers.what_happened": "Quita el carácter de control invisible de este campo." });
    const before = await h.count("select count(*)::int as n from meeting_attendees");
    const rsvp = await h.post(`/v1/meetings/${await meetingSlug()}/rsvps`, { ...signer({ firstName: "Dani\u0000" }), response: "yes", scope: "series" }, { "X-Partner-Key": SEJ });
    assert.equal(rsvp.status, 422);
    assert.equal(((await rsvp.json()) as { error: { fields: Record<string, string> } }).error.fields.firstName, "Remove the invisible control character from this field.");
    assert.equal(await h.count("select count(*)::int as n from meeting_attendees"), before);
  });

  test("tabs and line breaks are text, not control characters", async () => {
    const res = await h.post("/v1/stories/tell-your-story", { title: "Desks", story: "Line one\r\nLine two\tand a tab, long enough.", role: "student", ageBand: "13_17", publish: "internal" });
    assert.equal(res.status, 201);
  });
});
