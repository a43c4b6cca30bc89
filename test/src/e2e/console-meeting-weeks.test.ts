// An organizer moves, restores and cancels one week of a recurring meeting in the console, in real
// Chromium against the real API: a mistake is shown next to its field, the table shows the week as
// it now stands, the status line says how many were told, and the member who said yes gets each
// notice from a real SMTP server.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createSecretKey, loadSeedFile, SEEDS_DIR } from "@coalition-kit/api";
import { startSmtpSink, type SmtpSink } from "@coalition-kit/api/testing/smtp-sink";
import type { Browser } from "playwright-core";
import { DB_LABEL, email, launchChromium } from "../support/env.js";
import { startIsolatedDemo } from "../support/demo.js";
import { axeViolations } from "../support/axe.js";
import { focused } from "../support/console.js";

type Demo = Awaited<ReturnType<typeof startIsolatedDemo>>;

describe(`console: change one meeting week, in Chromium (${DB_LABEL})`, () => {
  let demo: Demo;
  let browser: Browser;
  let sink: SmtpSink;
  let week: string;
  const member = email("e2e-weekly");

  before(async () => {
    sink = await startSmtpSink();
    demo = await startIsolatedDemo({ smtpUrl: sink.url });
    // The seeded SEJ meeting, from tomorrow, so the test never depends on today's date.
    const data = await loadSeedFile(`${SEEDS_DIR}sej-students-over-sros.json`);
    const start = new Date(Date.now() + 86_400_000).toLocaleDateString("en-CA", { timeZone: "America/New_York" });
    const weekday = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"][new Date(`${start}T12:00:00Z`).getUTCDay()];
    Object.assign(data.meetings![0]!, { startDate: start, rrule: `FREQ=WEEKLY;BYDAY=${weekday}`, breaks: [], changes: [] });
    await demo.reseed(data);
    week = new Date(Date.parse(`${start}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    browser = await launchChromium();

    // A member says "yes, every week" on the partner's page.
    const page = await browser.newPage();
    await page.goto(`${demo.siteUrl}/meetings.html`);
    await page.locator("ck-meeting-rsvp .every-week button").click();
    const form = page.locator('ck-meeting-rsvp form[part~="form"]');
    await form.getByRole("radio", { name: "Yes, I'll be there" }).check();
    await form.getByLabel(/first name/i).fill("Kiara");
    await form.getByLabel(/^email/i).fill(member);
    await form.getByRole("button", { name: "Send RSVP" }).click();
    await page.locator("ck-meeting-rsvp #ck-saved").waitFor();
    await page.close();
    await sink.waitFor((m) => m.to.includes(member) && m.subject.startsWith("You're coming"));
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
    await sink?.close();
  });

  test("move a week (a mistake first), undo it, then cancel it: the table and the member's inbox follow; axe finds nothing", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (d) => void d.dismiss().finally(() => dialogs.push(d.message())));
    await page.goto(`${demo.apiUrl}/admin/`);
    await page.getByLabel("Secret key").fill((await createSecretKey(demo.db, "students-for-educational-justice")).key);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "Meetings" }).click();
    const row = page.locator(`tr[data-date="${week}"]`);
    await row.waitFor();

    // In person without a place: the API's words next to "Place", and the focus on it.
    await row.getByRole("button", { name: /^Change/ }).click();
    const form = page.getByRole("form", { name: `Change the meeting of ${week}` });
    assert.equal(await form.getByLabel("Time (America/New York)").inputValue(), "16:00");
    await form.getByLabel("How people take part").selectOption("in_person");
    await form.getByRole("button", { name: "Save and notify" }).click();
    const place = form.getByLabel("Place");
    await form.getByText("Enter a place for the people who come in person.").waitFor();
    assert.ok(await focused(place), "the focus moved to the field in error");
    assert.deepEqual(await axeViolations(page), [], "the change form with an error");

    await form.getByLabel("How people take part").selectOption("virtual");
    await form.getByLabel("Time (America/New York)").fill("17:30");
    await form.getByLabel("Note").fill("Later this week: Board of Education hearing.");
    await form.getByRole("button", { name: "Save and notify" }).click();
    const status = page.getByRole("status").filter({ hasText: "1 person was notified by email." });
    await status.waitFor();
    assert.ok(await focused(status), "the focus moved to the status line");
    await row.getByText("(moved)").waitFor();
    assert.match(await row.locator(".when").innerText(), /5:30\sPM/);
    const moved = await sink.waitFor((m) => m.to.includes(member) && m.subject === "Moved: SEJ Member Meeting");
    assert.match(moved.text, /5:30/);
    assert.match(moved.text, /Board of Education hearing/);

    // Undo: back to 4:00 PM, and the member is told again.
    await row.getByRole("button", { name: /^Undo change/ }).click();
    await page.getByRole("status").filter({ hasText: "is back to its regular time and place" }).waitFor();
    assert.match(await row.locator(".when").innerText(), /4:00\sPM/);
    await sink.waitFor(() => sink.to(member).filter((m) => m.subject === "Moved: SEJ Member Meeting").length === 2);

    // Cancel, with a note, confirmed in the page.
    await row.getByRole("button", { name: /^Cancel week/ }).click();
    await page.getByText("The 1 who said yes will get an email.", { exact: false }).waitFor();
    assert.deepEqual(await axeViolations(page), [], "the cancel confirmation");
    await page.getByLabel("Note (optional)").fill("No meeting: school holiday.");
    await page.getByRole("button", { name: "Yes, cancel this week" }).click();
    await page.getByRole("status").filter({ hasText: "is cancelled. 1 person was notified by email." }).waitFor();
    await row.getByText("(cancelled)").waitFor();
    assert.equal(await row.getByRole("button").count(), 0, "a cancelled week offers no more changes");
    const cancelled = await sink.waitFor((m) => m.to.includes(member) && m.subject === "Cancelled this week: SEJ Member Meeting");
    assert.match(cancelled.text, /school holiday/);
    assert.deepEqual(await axeViolations(page), [], "the table after the changes");
    assert.deepEqual(dialogs, [], "no browser dialogs");
    await context.close();
  });
});
