// An organizer names a feedback survey for a series in the console and sends its link after a
// session, in real Chromium against the real API and a real SMTP server: the attendance page shows
// the session's "Feedback link to send", an attendee ticked as attended gets the feedback email
// with that link, the page counts the feedback emails that went out, and shows the session's answers.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createSecretKey, loadSeedFile, queueSessionFeedback, SEEDS_DIR } from "@coalition-kit/api";
import { createClient } from "@coalition-kit/sdk";
import { createAdminClient } from "@coalition-kit/sdk/admin";
import { DB_LABEL, email } from "../support/env.js";
import { demoInChromium } from "../support/demo.js";
import { axeViolations } from "../support/axe.js";

const HOUR = 3_600_000;
const SERIES = "heal-together-2";
const PAGE = "https://heal.example.org/how-was-it";

describe(`console: a series' feedback survey and its link after a session, in Chromium (${DB_LABEL})`, () => {
  const jay = email("e2e-feedback-jay");
  const kim = email("e2e-feedback-kim");
  let sessionId = "";
  let secretKey = "";
  const env = demoInChromium({
    smtp: true,
    prepare: async (demo) => {
      const data = await loadSeedFile(`${SEEDS_DIR}heal-together-training.json`);
      const sessions = data.trainings![0]!.sessions;
      const session = (start: Date) => ({
        key: "e2e-feedback", title: "E2E: Feedback session", startsAt: start.toISOString(), endsAt: new Date(start.getTime() + HOUR).toISOString(),
        timeZone: "America/New_York", format: "virtual" as const, virtualLink: "https://meet.example.org/e2e-feedback", capacity: 20, leaders: [],
      });
      sessions.push(session(new Date(Date.now() + 5 * 24 * HOUR)));
      await demo.reseed(data);
      const client = createClient({ baseUrl: demo.apiUrl, partnerKey: "pk_demo_sej", retries: 0 });
      sessionId = (await client.trainings.get(SERIES)).sessions.find((s) => s.title === "E2E: Feedback session")!.id;
      await client.trainings.register(SERIES, sessionId, { firstName: "Jay", email: jay });
      await client.trainings.register(SERIES, sessionId, { firstName: "Kim", email: kim });
      // The session has since taken place (it ended an hour ago).
      sessions[sessions.length - 1] = session(new Date(Date.now() - 2 * HOUR));
      await demo.reseed(data);
      secretKey = (await createSecretKey(demo.db, "heal-together")).key;
      const admin = createAdminClient({ baseUrl: demo.apiUrl, secretKey });
      await admin.surveys.save("heal-session-feedback", {
        title: "How was the session?",
        minGroupSize: 3,
        variants: [{ slug: "all", title: "Everyone", intro: "", questions: [{ id: "useful", type: "scale", prompt: "How useful was it?", required: true, scale: { min: 1, max: 5, minLabel: "Not at all", maxLabel: "Very" } }] }],
      });
    },
  });

  test("choose the survey in the series form; the attendance page shows the link to send and counts the emails that went out", async () => {
    const { demo, browser, sink } = env;
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${demo.apiUrl}/admin/`);
    await page.getByLabel("Secret key").fill(secretKey);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "Trainings" }).click();
    await page.getByRole("link", { name: "Edit series HEAL Together Training Series 2.0" }).click();
    await page.getByLabel("Feedback survey after each session").selectOption("heal-session-feedback");
    await page.getByLabel("Page where the feedback survey is embedded").fill(PAGE);
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("link", { name: "Attendance and progress HEAL Together Training Series 2.0" }).click();
    await page.locator("ck-admin-attendance[data-loaded]").waitFor();
    assert.match(await page.getByLabel("Session").locator("option:checked").innerText(), /E2E: Feedback session/);

    const link = `${PAGE}?ck_session=${sessionId}`;
    assert.equal(await page.getByLabel("Feedback link to send").inputValue(), link);
    assert.equal(await page.locator(".feedback-sent").innerText(), "0 feedback emails went out.");
    await page.getByLabel("Jay attended").check();
    await page.getByRole("status").filter({ hasText: "Jay attended." }).waitFor();

    // The message worker's feedback round (every 5 minutes), run now; the worker sends what it queued.
    await queueSessionFeedback(demo.db);
    const mail = await sink.waitFor((m) => m.to.includes(jay) && m.subject === "How was E2E: Feedback session?");
    assert.ok(mail.text.includes(link), "the email links to the survey's page for this session");
    assert.equal(sink.to(kim).filter((m) => m.subject.startsWith("How was")).length, 0, "not ticked: no feedback email");

    // Marked sent once the SMTP server took it: then the page counts it.
    for (let i = 0; i < 50 && (await demo.db.query("select 1 from messages where kind = 'training.feedback' and status = 'sent'")).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    await page.reload();
    await page.locator("ck-admin-attendance[data-loaded]").waitFor();
    await page.locator(".feedback-sent", { hasText: "1 feedback email went out." }).waitFor();

    // Three attendees answer through the link (the widget sends the session with each response).
    const partner = createClient({ baseUrl: demo.apiUrl, partnerKey: "pk_demo_sej", retries: 0 });
    const variant = (await partner.surveys.get("heal-session-feedback")).survey.variants[0]!;
    for (const useful of [4, 5, 5]) await partner.surveys.respond("heal-session-feedback", variant, { variant: variant.slug, answers: { useful }, session: sessionId });
    await page.getByRole("button", { name: "Show this session's answers" }).click();
    await page.getByRole("heading", { name: "Answers from this session (3 responses)" }).waitFor();
    assert.match(await page.locator('ck-admin-attendance section[aria-labelledby="feedback-title"]').innerText(), /How useful was it\?[\s\S]*Average: 4\.7/);
    assert.deepEqual(await axeViolations(page), [], "the attendance page with its feedback link and answers");
    await context.close();
  });
});
