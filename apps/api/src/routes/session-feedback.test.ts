// A feedback survey after each training session (issue 20 leftover), against the real API, the real
// database and a real SMTP server in-process, with the API's and the message worker's clock moved
// past the session: attendees get one feedback email linking to the survey's page with the session,
// responses given with that session are read per session with the survey's small-group
// suppression, and a session that does not use the survey is a field error.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { AdminTrainingSeriesDetail, AttendanceRoster, FEEDBACK_SURVEY_MESSAGE, FEEDBACK_URL_MESSAGE, SURVEY_SESSION_MESSAGE, SurveyResults } from "@coalition-kit/schema";
import { queueSessionFeedback } from "../services/messages/training-feedback.js";
import { linkIn } from "../testing/email-links.js";
import { DB_LABEL, signer } from "../testing/harness.js";
import { mailSuite } from "../testing/suites.js";
import { hourInDays, seriesOf, sessionIds, sessionInDays } from "../testing/trainings.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SLUG = "feedback-series";
const SURVEY = "after-the-session";
const PAGE = "https://coalition.example.org/feedback?from=email";
const SERIES = seriesOf(SLUG, "Feedback series", "For feedback tests.", [sessionInDays("fb1", 1), sessionInDays("fb2", 2)]);
/** A series that asks no feedback: its session's id is not one this survey takes. */
const OTHER = seriesOf("no-feedback-series", "No feedback", "For feedback tests.", [sessionInDays("other", 1)]);
type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

describe(`feedback survey after each session (${DB_LABEL})`, () => {
  let now = new Date();
  const h = mailSuite({ extraTrainings: [SERIES, OTHER], webhooks: false, clock: () => now });
  let ids: Record<string, string>;
  const people = { ana: signer({ firstName: "Ana" }), ben: signer({ firstName: "Ben" }), cy: signer({ firstName: "Cy" }), lu: signer({ firstName: "Lucía" }) };
  const email = (who: Record<string, unknown>) => who.email as string;
  const { slug: _slug, ...seriesBody } = SERIES;
  const afterFirst = new Date(hourInDays(1).getTime() + 2 * HOUR);

  const roster = async (key: string) => AttendanceRoster.parse(await (await h.admin.get(`/trainings/${SLUG}/sessions/${key}/attendance`)).json());
  const mark = async (key: string, who: Record<string, unknown>, attended: boolean) => {
    const entry = (await roster(key)).roster.find((e) => e.email === email(who))!;
    assert.equal((await h.admin.send("PUT", `/trainings/${SLUG}/sessions/${key}/attendance/${entry.registration}`, { attended })).status, 200);
  };
  /** The message worker's round at `at`: queue what is due, then send it. */
  const workerRound = async (at: Date) => {
    await queueSessionFeedback(h.db, { now: at, publicUrl: h.url });
    await h.deliver(at);
  };
  const feedbackMails = (who: Record<string, unknown>) => h.sink.to(email(who)).filter((m) => m.subject.includes("Session fb1") && !m.subject.startsWith("You're registered") && !m.subject.startsWith("Reminder") && !m.subject.startsWith("Tu inscripción") && !m.subject.startsWith("Recordatorio"));
  const respond = (body: Record<string, unknown>, headers: Record<string, string> = {}) => h.post(`/v1/surveys/${SURVEY}/responses`, { variant: "all", answers: { useful: 4 }, ...body }, headers);
  const results = async (query: string) => {
    const res = await h.admin.get(`/surveys/${SURVEY}/results${query}`);
    assert.equal(res.status, 200);
    return SurveyResults.parse(await res.json());
  };

  before(async () => {
    ids = await sessionIds(h.db);
    const survey = {
      title: "After the session",
      minGroupSize: 3,
      variants: [{ slug: "all", title: "Everyone", intro: "", questions: [{ id: "useful", type: "scale", prompt: "How useful was the session?", required: true, scale: { min: 1, max: 5, minLabel: "Not at all", maxLabel: "Very" } }] }],
    };
    assert.equal((await h.admin.send("PUT", `/surveys/${SURVEY}`, survey)).status, 201);
    for (const who of [people.ana, people.ben, people.cy]) assert.equal((await h.post(`/v1/trainings/${SLUG}/sessions/${ids.fb1}/registrations`, who)).status, 201);
    assert.equal((await h.post(`/v1/trainings/${SLUG}/sessions/${ids.fb1}/registrations`, people.lu, { "Accept-Language": "es-MX,es;q=0.9" })).status, 201);
    await h.deliver();
  });

  test("a series names one of the coalition's surveys and its page; an unknown survey or a missing page is a field error", async () => {
    let res = await h.admin.send("PUT", `/trainings/${SLUG}`, { ...seriesBody, feedbackSurvey: "no-such-survey", feedbackUrl: PAGE });
    assert.equal(res.status, 422);
    assert.equal(((await res.json()) as ErrorBody).error.fields?.feedbackSurvey, FEEDBACK_SURVEY_MESSAGE);
    res = await h.admin.send("PUT", `/trainings/${SLUG}`, { ...seriesBody, feedbackSurvey: SURVEY, feedbackUrl: "http://coalition.example.org/feedback" });
    assert.equal(res.status, 422);
    assert.equal(((await res.json()) as ErrorBody).error.fields?.feedbackUrl, FEEDBACK_URL_MESSAGE);
    res = await h.admin.send("PUT", `/trainings/${SLUG}`, { ...seriesBody, feedbackSurvey: SURVEY, feedbackUrl: PAGE });
    assert.equal(res.status, 200);
    // Saved again without the fields (an older form), they stay.
    assert.equal((await h.admin.send("PUT", `/trainings/${SLUG}`, seriesBody)).status, 200);
    const detail = AdminTrainingSeriesDetail.parse(await (await h.admin.get(`/trainings/${SLUG}`)).json());
    assert.equal(detail.series.feedbackSurvey, SURVEY);
    assert.equal(detail.series.feedbackUrl, PAGE);
  });

  test("after the session, an attendee gets exactly one feedback email with the session's link; a non-attendee gets none", async () => {
    const link = `https://coalition.example.org/feedback?from=email&ck_session=${ids.fb1}`;
    assert.equal((await roster("fb1")).feedback.link, link, "the console shows the link to send by hand");
    now = new Date(hourInDays(1).getTime() + 30 * 60_000);
    await mark("fb1", people.ana, true);
    await mark("fb1", people.lu, true);
    await mark("fb1", people.ben, false);
    // Still under way: nothing yet.
    await workerRound(now);
    assert.equal(feedbackMails(people.ana).length, 0, "no feedback before the session ends");

    now = afterFirst;
    await workerRound(now);
    await workerRound(new Date(now.getTime() + 5 * 60_000));
    const mail = await h.sink.waitFor((m) => m.to.includes(email(people.ana)) && m.subject === "How was Session fb1?");
    assert.equal(feedbackMails(people.ana).length, 1, "running the job twice sends once");
    assert.match(mail.text, /Hi Ana,/);
    assert.equal(linkIn(mail, "/feedback?from=email"), link);
    assert.match(mail.text, /Stop reminders and follow-up emails for this series/, "the one-click link says what it stops");
    const spanish = await h.sink.waitFor((m) => m.to.includes(email(people.lu)) && m.subject.startsWith("¿Qué tal fue"));
    assert.equal(spanish.subject, "¿Qué tal fue Session fb1?");
    assert.equal(linkIn(spanish, "/feedback?from=email"), link);
    assert.equal(feedbackMails(people.ben).length, 0, "marked not attended: no feedback email");
    assert.equal(feedbackMails(people.cy).length, 0, "not marked: no feedback email");
    assert.equal((await roster("fb1")).feedback.sent, 2);
  });

  test("attendance marked days later still sends it, once; two weeks after the session nothing more goes", async () => {
    now = new Date(afterFirst.getTime() + 3 * DAY);
    await mark("fb1", people.cy, true);
    await workerRound(now);
    await workerRound(new Date(now.getTime() + HOUR));
    await h.sink.waitFor((m) => m.to.includes(email(people.cy)) && m.subject === "How was Session fb1?");
    assert.equal(feedbackMails(people.cy).length, 1);
    // Ben's mark corrected to attended after the window: no email.
    now = new Date(afterFirst.getTime() + 15 * DAY);
    await mark("fb1", people.ben, true);
    await workerRound(now);
    assert.equal(feedbackMails(people.ben).length, 0, "past the 14 days, no feedback email");
    assert.equal((await roster("fb1")).feedback.sent, 3);
  });

  test("responses given with the session are counted per session; a session with fewer than min_group_size answers is withheld", async () => {
    for (const useful of [5, 4, 3]) assert.equal((await respond({ session: ids.fb1, answers: { useful } })).status, 201);
    assert.equal((await respond({ session: ids.fb2, answers: { useful: 1 } })).status, 201);
    assert.equal((await respond({ answers: { useful: 2 } })).status, 201);

    const first = await results(`?session=${ids.fb1}`);
    assert.equal(first.suppressed, false);
    assert.equal(first.responses, 3);
    assert.equal(first.questions[0]!.average, 4, "only that session's answers (5, 4, 3)");
    const second = await results(`?session=${ids.fb2}`);
    assert.equal(second.suppressed, true, "one answer is fewer than 3: withheld");
    assert.equal(second.responses, 0);
    assert.equal(second.questions[0]!.options.length, 0);
    assert.equal((await results("")).responses, 5, "without ?session, every response counts");

    const csv = await (await h.admin.get(`/surveys/${SURVEY}/responses.csv`)).text();
    const lines = csv.trim().split(/\r?\n/);
    assert.match(lines[0]!, /^response,variant,submitted_on,channel,session,partner,useful/);
    assert.equal(lines.filter((l) => l.includes(ids.fb1!)).length, 3);
  });

  test("a session whose series does not use this survey is a field error, in English and Spanish, and nothing is stored", async () => {
    const before = await h.count("select count(*)::int as n from survey_responses");
    const other = ids.other!;
    for (const session of [other, crypto.randomUUID(), "not-a-session"]) {
      const res = await respond({ session });
      assert.equal(res.status, 422);
      assert.equal(((await res.json()) as ErrorBody).error.fields?.session, SURVEY_SESSION_MESSAGE);
    }
    const es = await respond({ session: other }, { "Accept-Language": "es" });
    assert.equal(((await es.json()) as ErrorBody).error.fields?.session, "Esta encuesta no es la encuesta de opinión de esa sesión.");
    assert.equal(await h.count("select count(*)::int as n from survey_responses"), before);
    const res = await h.admin.get(`/surveys/${SURVEY}/results?session=${other}`);
    assert.equal(res.status, 422);
    assert.equal(((await res.json()) as ErrorBody).error.fields?.session, SURVEY_SESSION_MESSAGE);
  });
});
