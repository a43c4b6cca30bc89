// An organizer creates a recurring meeting in the console and edits it, in real Chromium against
// the real API: a break that ends before it starts gets the API's words next to its "to" field with
// the focus on it, the new meeting is listed with its schedule, and an edit (every other week, on
// Thursday) is loaded, saved and shown; the week changes stay one click away. axe finds nothing.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { AdminMeetingDetail } from "@coalition-kit/schema";
import { DB_LABEL } from "../support/env.js";
import { demoInChromium } from "../support/demo.js";
import { axeViolations } from "../support/axe.js";
import { consoleSignIn, cspViolations, focused } from "../support/console.js";

const DAY = 86_400_000;
/** The first Tuesday at least two weeks from now, "YYYY-MM-DD". */
const firstTuesday = (() => {
  let t = Date.now() + 14 * DAY;
  while (new Date(t).getUTCDay() !== 2) t += DAY;
  return new Date(t).toISOString().slice(0, 10);
})();
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);

describe(`console: create and edit a meeting, in Chromium (${DB_LABEL})`, () => {
  const env = demoInChromium();
  const signedIn = consoleSignIn(env, "students-for-educational-justice", "Meetings", "ck-admin-meetings");

  test("create: a break ending before it starts gets the API's words by its field; fixed, the meeting is listed", async () => {
    const context = await env.browser.newContext();
    const page = await signedIn(context);
    const violations = cspViolations(page);
    await page.getByRole("link", { name: "New meeting" }).click();
    const form = page.getByRole("form", { name: "New meeting" });
    await form.getByLabel("Address").fill("e2e-parents");
    await form.getByLabel("Title", { exact: true }).fill("E2E: Parent meeting");
    await form.getByLabel("Description").fill("Parents and students plan the next step.");
    await form.getByLabel("Tuesday").check();
    await form.getByLabel("Time zone").fill("America/New_York");
    await form.getByLabel("First meeting").fill(firstTuesday);
    await form.getByLabel(/^Starts at/).fill("17:00");
    await form.getByLabel("Length in minutes").fill("60");
    await form.getByLabel("How people take part").selectOption("in_person");
    await form.getByLabel("Place").fill("Library, room 2");
    // Keyboard only from here: Enter on "Add a break", type, Enter in a field to submit.
    await form.getByRole("button", { name: "Add a break" }).focus();
    await page.keyboard.press("Enter");
    const from = form.getByLabel("Break 1 from");
    assert.ok(await focused(from), "the new break row has the focus");
    await from.fill(plusDays(firstTuesday, 21));
    const to = form.getByLabel("Break 1 to");
    await to.fill(plusDays(firstTuesday, 14));
    await form.getByLabel("Break 1 reason").fill("Spring recess");
    await page.keyboard.press("Enter");
    await form.getByText("A break ends on or after the day it starts.").waitFor();
    assert.equal(await to.getAttribute("aria-invalid"), "true");
    assert.match((await to.getAttribute("aria-describedby")) ?? "", /breaks\.0\.to-error/);
    assert.ok(await focused(to), "the focus moved to the field in error");

    await to.fill(plusDays(firstTuesday, 28));
    await form.getByRole("button", { name: "Create meeting" }).click();
    const section = page.getByRole("region", { name: "E2E: Parent meeting" });
    await section.getByText(/^Every Tuesday, 5:00\sPM$/).waitFor();
    assert.match(await section.locator("tbody").innerText(), /Library, room 2/);
    assert.deepEqual(violations, []);
    await context.close();
  });

  test("edit: the saved meeting fills the form; every other Thursday shows in the list; axe finds nothing", async () => {
    const context = await env.browser.newContext({ bypassCSP: true });
    const page = await signedIn(context);
    await page.getByRole("link", { name: "Edit meeting E2E: Parent meeting" }).click();
    const form = page.getByRole("form", { name: "Edit meeting" });
    const title = form.getByLabel("Title", { exact: true });
    await title.waitFor();
    assert.equal(await title.inputValue(), "E2E: Parent meeting");
    assert.equal(await form.getByLabel("Tuesday").isChecked(), true);
    assert.equal(await form.getByLabel("First meeting").inputValue(), firstTuesday);
    assert.equal(await form.getByLabel("Break 1 reason").inputValue(), "Spring recess");
    await form.getByRole("link", { name: "meetings list" }).waitFor();
    assert.deepEqual(await axeViolations(page), [], "the edit form");

    // A length the API refuses: its words (checked first by the SDK with the same schema) by the field.
    const length = form.getByLabel("Length in minutes");
    await length.fill("2");
    await form.getByRole("button", { name: "Save changes" }).click();
    await form.getByText("Meetings last 5 minutes or more.").waitFor();
    assert.ok(await focused(length));
    assert.deepEqual(await axeViolations(page), [], "the form with an error shown");

    await length.fill("90");
    await form.getByLabel("Tuesday").uncheck();
    await form.getByLabel("Thursday").check();
    await form.getByLabel("How often").selectOption("2");
    await form.getByLabel("First meeting").fill(plusDays(firstTuesday, 2));
    await form.getByRole("button", { name: "Save changes" }).click();
    const section = page.getByRole("region", { name: "E2E: Parent meeting" });
    await section.getByText(/^Every 2 weeks on Thursday, 5:00\sPM$/).waitFor();

    const saved = AdminMeetingDetail.parse(await (await fetch(`${env.demo.apiUrl}/v1/admin/meetings/e2e-parents`, { headers: { Authorization: `Bearer ${await signedIn.secretKey()}` } })).json());
    assert.equal(saved.meeting.rrule, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH");
    assert.equal(saved.meeting.durationMinutes, 90);
    assert.deepEqual(saved.meeting.breaks, [{ from: plusDays(firstTuesday, 21), to: plusDays(firstTuesday, 28), reason: "Spring recess" }]);
    await context.close();
  });
});
