import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { SurveyResponse, SurveyResults } from "@coalition-kit/schema";
import { SEEDS_DIR } from "../paths.js";
import { loadSeedFile, seed } from "../seed/seed.js";
import { createSecretKey } from "../services/keys/secret-keys.js";
import { DB_LABEL, ORIGIN, startHarness, type Harness } from "../testing/harness.js";

const SURVEY = "/v1/surveys/students-over-sros";
const KEY = "pk_demo_sej_site";
const answers = (overrides: Record<string, unknown> = {}) => ({
  school: "hillhouse",
  grade: "10",
  presence: "daily",
  feel_safe: 2,
  uncomfortable: "no",
  instead: ["counselors", "mental_health"],
  ...overrides,
});

describe(`surveys: anonymous responses and results (${DB_LABEL})`, () => {
  let h: Harness;
  let sk: string;
  before(async () => {
    h = await startHarness();
    await seed(h.db, await loadSeedFile(`${SEEDS_DIR}sej-students-over-sros.json`), { extraOrigins: [ORIGIN] });
    sk = (await createSecretKey(h.db, "students-for-educational-justice")).key;
  });
  after(() => h.stop());

  const respond = (body: unknown, headers: Record<string, string> = {}) => h.post(`${SURVEY}/responses`, body, { "X-Partner-Key": KEY, ...headers });
  const results = async (query = "") => SurveyResults.parse(await (await fetch(`${h.url}${SURVEY}/results${query}`)).json());

  test("the survey has the Hillhouse/Cross and all-other-NHPS versions", async () => {
    const { survey } = SurveyResponse.parse(await (await fetch(`${h.url}${SURVEY}`)).json());
    assert.deepEqual(survey.variants.map((v) => v.slug), ["hillhouse-cross", "all-nhps"]);
    assert.equal(survey.anonymous, true);
    assert.match(survey.variants[0]!.questions[2]!.prompt, /police officers \(SROs\)/);
    assert.match(survey.variants[1]!.questions[2]!.prompt, /security guards/);
  });

  test("an anonymous response stores no IP, email, name, cookie or exact time, and follow-ups are kept apart", async () => {
    const res = await respond(
      { variant: "hillhouse-cross", answers: answers({ uncomfortable: "yes", what_happened: "Searched my bag in front of everyone." }), followUp: { email: "Student.Org@Example.org", firstName: "Dani", consent: true } },
      { "X-Forwarded-For": "203.0.113.9", Cookie: "ck_partner=partner-cookie-value" },
    );
    assert.equal(res.status, 201);
    const rows = await h.db.query<Record<string, unknown>>("select * from survey_responses");
    assert.equal(rows.length, 1);
    // channel: online, or tabling (a shared device at a table): it names no one.
    assert.deepEqual(Object.keys(rows[0]!).sort(), ["answers", "channel", "id", "partner_id", "session_id", "submitted_on", "survey_id", "variant"]);
    const stored = JSON.stringify(rows[0]);
    for (const identifying of ["127.0.0.1", "203.0.113.9", "example.org", "Dani", "partner-cookie-value"]) assert.ok(!stored.includes(identifying), `response holds ${identifying}`);
    const followUps = await h.db.query<Record<string, unknown>>("select * from survey_follow_ups");
    assert.deepEqual(Object.keys(followUps[0]!).sort(), ["consent_text", "consent_version", "email", "first_name", "id", "language", "submitted_on", "survey_id"]);
    assert.equal(followUps[0]!.email, "student.org@example.org");
  });

  test("invalid answers get a message per question and store nothing", async () => {
    const before = await h.count("select count(*)::int as n from survey_responses");
    const res = await respond({ variant: "hillhouse-cross", answers: { school: "yale", grade: "10", feel_safe: 9, instead: ["rockets"], what_happened: "not shown" } });
    assert.equal(res.status, 422);
    const { fields } = ((await res.json()) as { error: { fields: Record<string, string> } }).error;
    assert.deepEqual(fields, {
      school: "Choose one of the options.",
      presence: "Please answer this question.",
      feel_safe: "Choose a number from 1 to 5.",
      uncomfortable: "Please answer this question.",
      what_happened: "This question does not apply to your earlier answer.",
      instead: "Choose from the options listed.",
    });
    const wrongType = await respond({ variant: "hillhouse-cross", answers: { grade: { nested: true } } });
    assert.equal(wrongType.status, 422);
    assert.ok(((await wrongType.json()) as { error: { fields: Record<string, string> } }).error.fields.grade);
    assert.equal((await respond({ variant: "nope", answers: answers() })).status, 422);
    assert.equal(await h.count("select count(*)::int as n from survey_responses"), before);
  });

  test("results count and percent each answer, and withhold groups under the minimum size", async () => {
    const early = await results("?variant=all-nhps");
    assert.equal(early.suppressed, true);
    assert.ok(early.questions.every((q) => q.suppressed && q.options.length === 0));

    for (const feel of [1, 2, 2, 4, 5]) await respond({ variant: "all-nhps", answers: answers({ school: "career", feel_safe: feel, instead: feel > 3 ? ["youth_jobs"] : ["counselors", "youth_jobs"] }) });
    const shown = await results("?variant=all-nhps");
    assert.equal(shown.responses, 5);
    const feel = shown.questions.find((q) => q.id === "feel_safe")!;
    assert.equal(feel.average, 2.8);
    assert.deepEqual(feel.options.map((o) => [o.value, o.count, o.percent]), [["1", 1, 20], ["2", 2, 40], ["3", 0, 0], ["4", 1, 20], ["5", 1, 20]]);
    const instead = shown.questions.find((q) => q.id === "instead")!;
    assert.equal(instead.options.find((o) => o.value === "youth_jobs")!.count, 5);
    assert.equal(instead.options.find((o) => o.value === "counselors")!.percent, 60);
    const what = shown.questions.find((q) => q.id === "what_happened")!;
    assert.equal(what.suppressed, true, "fewer than five people answered the optional text question");
    assert.doesNotMatch(JSON.stringify(shown), /Searched my bag/);
  });

  test("organizers export every response as CSV with spreadsheet formulas neutralized", async () => {
    await respond({ variant: "all-nhps", answers: answers({ school: "metro", anything_else: '=HYPERLINK("http://evil.example","click")' }) });
    assert.equal((await fetch(`${h.url}/v1/admin/surveys/students-over-sros/responses.csv`)).status, 401);
    const res = await fetch(`${h.url}/v1/admin/surveys/students-over-sros/responses.csv`, { headers: { Authorization: `Bearer ${sk}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /text\/csv/);
    const raw = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...raw.slice(0, 3)], [0xef, 0xbb, 0xbf], "a UTF-8 byte order mark, as the signature export has, so spreadsheets read accents");
    const csv = new TextDecoder().decode(raw).replace(/^\uFEFF/, "");
    const lines = csv.trim().split("\r\n");
    assert.match(lines[0]!, /^response,variant,submitted_on,channel,session,partner,school,grade,presence,feel_safe/);
    assert.equal(lines.length, 1 + (await h.count("select count(*)::int as n from survey_responses")));
    assert.ok(csv.includes(`"'=HYPERLINK(""http://evil.example"",""click"")"`));
    assert.doesNotMatch(csv, /,=HYPERLINK/);
    const adminResults = SurveyResults.parse(await (await fetch(`${h.url}/v1/admin/surveys/students-over-sros/results`, { headers: { Authorization: `Bearer ${sk}` } })).json());
    assert.ok(adminResults.responses >= 7);
  });
  test("a response taken at a table three days ago keeps that day and says tabling; one from 31 days ago is refused", async () => {
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000);
    const res = await respond({ variant: "all-nhps", answers: answers({ school: "career" }), channel: "tabling", collectedAt: threeDaysAgo.toISOString() });
    assert.equal(res.status, 201, await res.clone().text());
    const [row] = await h.db.query<{ channel: string; day: string }>("select channel, submitted_on::text as day from survey_responses order by submitted_on asc limit 1");
    assert.deepEqual(row, { channel: "tabling", day: threeDaysAgo.toISOString().slice(0, 10) });
    const late = await respond({ variant: "all-nhps", answers: answers({ school: "career" }), channel: "tabling", collectedAt: new Date(Date.now() - 31 * 86_400_000).toISOString() });
    assert.equal(late.status, 422);
    assert.match(((await late.json()) as { error: { fields: Record<string, string> } }).error.fields["collectedAt"]!, /more than 30 days ago/);
  });
});
