// The demo's survey page in real Chromium: an anonymous response shows up in the aggregates, an
// invalid answer gets a field error, and the database holds nothing identifying for it.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { DB_LABEL } from "../support/env.js";
import { demoInChromium, startIsolatedDemo } from "../support/demo.js";

type Demo = Awaited<ReturnType<typeof startIsolatedDemo>>;

async function results(demo: Demo): Promise<{ responses: number; questions: Array<{ id: string; options: Array<{ value: string; count: number }> }> }> {
  return (await (await fetch(`${demo.apiUrl}/v1/surveys/students-over-sros/results?variant=hillhouse-cross`)).json()) as never;
}

async function answer(page: Page, feel: string, email?: string) {
  const survey = page.locator("ck-survey");
  const next = () => survey.getByRole("button", { name: /^(next|send my answers)$/i }).click();
  await survey.getByRole("button", { name: "Hillhouse and Cross students" }).click();
  await survey.getByRole("radio", { name: "Wilbur Cross High School" }).check();
  await next();
  await survey.getByRole("radio", { name: "10th" }).check();
  await next();
  await survey.getByRole("radio", { name: "Every day" }).check();
  await next();
  await survey.getByRole("radio", { name: new RegExp(`^${feel}`) }).check();
  await next();
  await survey.getByRole("radio", { name: "No", exact: true }).check();
  await next();
  await survey.getByRole("checkbox", { name: "More counselors" }).check();
  await next();
  await survey.getByLabel(/Board of Education/).fill("We need counselors, not cops.");
  await next();
  if (email) {
    await survey.getByLabel(/^email/i).fill(email);
    await survey.getByRole("checkbox", { name: /may email me/i }).check();
  }
  await next();
  await survey.getByRole("heading", { name: "Thank you! Your answers were recorded." }).waitFor();
}

describe(`demo survey page in Chromium (${DB_LABEL})`, () => {
  const running = demoInChromium();

  test("a required question can't be skipped: the field error shows and focus stays on it", async () => {
    const page = await running.browser.newPage();
    await page.goto(`${running.demo.siteUrl}/survey.html`);
    const survey = page.locator("ck-survey");
    await survey.getByRole("button", { name: "Students at other NHPS high schools" }).click();
    await survey.getByRole("button", { name: "Next" }).click();
    await survey.getByText("Please answer this question.").waitFor();
    assert.equal(await survey.getByRole("radio", { name: "Career High School" }).evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement), true);
    await page.close();
  });

  test("five responses from Chromium show in the aggregates; nothing identifying is stored", async () => {
    for (const [i, feel] of ["1", "2", "2", "4", "1"].entries()) {
      const page = await running.browser.newPage();
      await page.goto(`${running.demo.siteUrl}/survey.html`);
      await answer(page, feel, i === 0 ? "organize.with.us@example.org" : undefined);
      await page.close();
    }
    const shown = await results(running.demo);
    assert.equal(shown.responses, 5);
    const feel = shown.questions.find((q) => q.id === "feel_safe")!;
    assert.deepEqual(feel.options.map((o) => o.count), [2, 2, 0, 1, 0]);

    const rows = await running.demo.db.query<Record<string, unknown>>("select * from survey_responses");
    assert.equal(rows.length, 5);
    for (const row of rows) {
      assert.deepEqual(Object.keys(row).sort(), ["answers", "channel", "id", "partner_id", "session_id", "submitted_on", "survey_id", "variant"]);
      assert.doesNotMatch(JSON.stringify(row), /example\.org|127\.0\.0\.1|Mozilla|Chrome/);
    }
    const followUps = await running.demo.db.query<Record<string, unknown>>("select * from survey_follow_ups");
    assert.equal(followUps.length, 1);
    assert.ok(!("response_id" in followUps[0]!), "contact details are not linked to answers");
  });
});
