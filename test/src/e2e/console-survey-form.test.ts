// An organizer creates a survey in the console and edits it, in real Chromium against the real
// API: a version address the API would refuse gets its words next to that field with the focus on
// it, the new survey is listed, a follow-up question shows only after a given answer, and an edit is
// loaded, saved and shown. axe finds nothing on the form.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { AdminSurveyDetail } from "@coalition-kit/schema";
import { DB_LABEL } from "../support/env.js";
import { demoInChromium } from "../support/demo.js";
import { axeViolations } from "../support/axe.js";
import { consoleSignIn, cspViolations, focused } from "../support/console.js";


describe(`console: create and edit a survey, in Chromium (${DB_LABEL})`, () => {
  const env = demoInChromium();
  const signedIn = consoleSignIn(env, "students-for-educational-justice", "Surveys", "ck-admin-surveys");

  test("create: a bad version address gets the API's words by its field; fixed, the survey is listed", async () => {
    const context = await env.browser.newContext();
    const page = await signedIn(context);
    const violations = cspViolations(page);
    await page.getByRole("link", { name: "New survey" }).click();
    const form = page.getByRole("form", { name: "New survey" });
    await form.getByLabel("Address", { exact: true }).fill("e2e-safety");
    await form.getByLabel("Title", { exact: true }).fill("E2E: Safety at school");
    await form.getByLabel("Version title").fill("Every student");
    const version = form.getByLabel("Version address");
    await version.fill("Every Student");
    await form.getByRole("textbox", { name: "Question 1", exact: true }).fill("Do you feel safe at school?");
    await form.getByLabel("Choices").fill("Yes\nNo");
    await form.getByLabel("An answer is required").check();
    await form.getByRole("button", { name: "Add a question to Every student" }).click();
    const second = form.getByRole("textbox", { name: "Question 2", exact: true });
    assert.ok(await focused(second), "the new question has the focus");
    await second.fill("What would help?");
    await form.getByLabel("Kind of answer").nth(1).selectOption("long_text");
    await form.getByLabel("Show this question").selectOption({ label: "Only after: Do you feel safe at school?" });
    await form.getByLabel("When the answer is").selectOption({ label: "No" });

    await form.getByRole("button", { name: "Create survey" }).click();
    await form.getByText("Use lowercase letters, numbers and dashes.").waitFor();
    assert.equal(await version.getAttribute("aria-invalid"), "true");
    assert.match((await version.getAttribute("aria-describedby")) ?? "", /variants\.0\.slug-error/);
    assert.ok(await focused(version), "the focus moved to the field in error");

    await version.fill("every-student");
    await form.getByRole("button", { name: "Create survey" }).click();
    await page.locator("ck-admin-surveys").getByRole("cell", { name: /^E2E: Safety at school/ }).waitFor();
    assert.deepEqual(violations, []);

    const saved = AdminSurveyDetail.parse(await (await fetch(`${env.demo.apiUrl}/v1/admin/surveys/e2e-safety`, { headers: { Authorization: `Bearer ${await signedIn.secretKey()}` } })).json());
    const [first, followUp] = saved.survey.variants[0]!.questions;
    assert.deepEqual(first!.options, [{ value: "yes", label: "Yes" }, { value: "no", label: "No" }]);
    assert.equal(first!.required, true);
    assert.deepEqual(followUp!.showIf, { question: first!.id, equals: "no" });
    await context.close();
  });

  test("edit: the saved survey fills the form; a new title shows in the list; axe finds nothing", async () => {
    const context = await env.browser.newContext({ bypassCSP: true });
    const page = await signedIn(context);
    await page.getByRole("link", { name: "Edit E2E: Safety at school" }).click();
    const form = page.getByRole("form", { name: "Edit survey" });
    const title = form.getByLabel("Title", { exact: true });
    await title.waitFor();
    assert.equal(await title.inputValue(), "E2E: Safety at school");
    assert.equal(await form.getByLabel("Choices").inputValue(), "Yes\nNo");
    assert.equal(await form.getByLabel("When the answer is").inputValue(), "no");
    assert.deepEqual(await axeViolations(page), [], "the edit form");

    await title.fill("");
    await form.getByRole("button", { name: "Save changes" }).click();
    await form.getByText("Enter a title.").waitFor();
    assert.ok(await focused(title));
    assert.deepEqual(await axeViolations(page), [], "the form with an error shown");

    await title.fill("E2E: Feeling safe at school");
    await form.getByRole("button", { name: "Save changes" }).click();
    await page.locator("ck-admin-surveys").getByRole("cell", { name: /^E2E: Feeling safe at school/ }).waitFor();
    await context.close();
  });
});
