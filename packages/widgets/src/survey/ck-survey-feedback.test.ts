// <ck-survey> as a training session's feedback survey, in real Chromium against the real API: the
// page opened from the feedback email has ?ck_session=<session id>, and the response is stored with
// that session (read back through the organizer's results and CSV export).
import { expect, fixture } from "@open-wc/testing";
import { html } from "lit";
import "../define.js";
import type { CkSurvey } from "./ck-survey.js";
import { admin, API, KEY, until } from "../test-support/helpers.js";

type El = CkSurvey & { shadowRoot: ShadowRoot };
const q = <E extends Element = HTMLElement>(el: El, s: string) => el.shadowRoot.querySelector<E>(s);
const SURVEY = "wtr-session-feedback";
const SERIES = "wtr-feedback-series";
const DAY = 86_400_000;

const survey = {
  title: "How was the session?",
  minGroupSize: 3,
  variants: [{ slug: "all", title: "Everyone", intro: "", questions: [{ id: "useful", type: "scale", prompt: "How useful was the session?", required: true, scale: { min: 1, max: 5, minLabel: "Not at all", maxLabel: "Very" } }] }],
};
const start = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 3 * DAY);
const series = {
  title: "Feedback series",
  description: "For the feedback widget test.",
  consent: { coalition: { text: "The coalition may email me.", version: "c1" }, partner: { text: "{partner} may email me.", version: "p1" } },
  feedbackSurvey: SURVEY,
  feedbackUrl: "https://coalition.example.org/feedback",
  sessions: [{ key: "wtr-fb", title: "Feedback session", startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString(), timeZone: "America/New_York", format: "virtual", virtualLink: "https://meet.example.org/wtr-fb", capacity: null, leaders: [] }],
};

async function answerAndSend(el: El, value: string): Promise<void> {
  await until(() => q(el, "form"), "questions");
  q<HTMLInputElement>(el, `input[name="q-useful"][value="${value}"]`)!.click();
  await el.updateComplete;
  q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
  await until(() => q(el, "#ck-thanks"), "thanks");
}

describe("<ck-survey> as a session's feedback survey", () => {
  let session = "";
  const page = location.href;
  before(async () => {
    expect((await admin(`/v1/admin/surveys/${SURVEY}`, { method: "PUT", body: survey })).status).to.be.oneOf([200, 201]);
    expect((await admin(`/v1/admin/trainings/${SERIES}`, { method: "PUT", body: series })).status).to.be.oneOf([200, 201]);
    const list = await admin<{ series: Array<{ slug: string; sessions: Array<{ id: string }> }> }>("/v1/admin/trainings");
    session = list.body.series.find((s) => s.slug === SERIES)!.sessions[0]!.id;
  });
  after(() => history.replaceState(null, "", page));

  it("sends the page address's ck_session (or its session attribute) with the response, and organizers read it per session", async () => {
    history.replaceState(null, "", `${location.pathname}?ck_session=${session}`);
    const fromLink = await fixture<El>(html`<ck-survey api=${API} partner=${KEY} survey=${SURVEY} layout="all"></ck-survey>`);
    await answerAndSend(fromLink, "5");
    history.replaceState(null, "", page);
    const fromAttribute = await fixture<El>(html`<ck-survey api=${API} partner=${KEY} survey=${SURVEY} layout="all" session=${session}></ck-survey>`);
    await answerAndSend(fromAttribute, "4");
    const plain = await fixture<El>(html`<ck-survey api=${API} partner=${KEY} survey=${SURVEY} layout="all"></ck-survey>`);
    await answerAndSend(plain, "2");

    const csv = await admin<string>(`/v1/admin/surveys/${SURVEY}/responses.csv`);
    const rows = csv.body.trim().split(/\r?\n/);
    expect(rows[0]).to.match(/^\uFEFF?response,variant,submitted_on,channel,session,partner,useful/);
    expect(rows.filter((r) => r.includes(session))).to.have.length(2, "two responses carry the session; the one without it does not");
    // Two answers are fewer than the survey's 3: the session's results are withheld.
    const results = await admin<{ responses: number; suppressed: boolean; session?: string }>(`/v1/admin/surveys/${SURVEY}/results?session=${session}`);
    expect(results.status).to.equal(200);
    expect(results.body.suppressed).to.equal(true);
    expect(results.body.session).to.equal(session);
    expect((await admin<{ responses: number }>(`/v1/admin/surveys/${SURVEY}/results`)).body.responses).to.equal(3);
  });

  it("a session that is not this survey's shows the API's message and stores nothing", async () => {
    const el = await fixture<El>(html`<ck-survey api=${API} partner=${KEY} survey=${SURVEY} layout="all" session="00000000-0000-4000-8000-000000000000"></ck-survey>`);
    await until(() => q(el, "form"), "questions");
    q<HTMLInputElement>(el, 'input[name="q-useful"][value="3"]')!.click();
    await el.updateComplete;
    q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    const error = await until(() => q(el, "p.error"), "the session's error");
    expect(error.textContent).to.equal("This survey is not the feedback survey for that session.");
    expect((await admin<{ responses: number }>(`/v1/admin/surveys/${SURVEY}/results`)).body.responses).to.equal(3);
  });
});
