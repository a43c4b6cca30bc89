// An organizer changes and cancels one training session in the console, in real Chromium against
// the real API: a mistake is shown next to its field, the table shows the new time or
// "(cancelled)", the status line says how many were told, and the registrant's inbox (a real SMTP
// server) gets the change with an updated calendar file, then the cancellation.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createSecretKey, loadSeedFile, SEEDS_DIR } from "@coalition-kit/api";
import { icsDate, parseIcs } from "@coalition-kit/api/testing/ics-parse";
import { startSmtpSink, type ReceivedMail, type SmtpSink } from "@coalition-kit/api/testing/smtp-sink";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DB_LABEL, email, launchChromium } from "../support/env.js";
import { startIsolatedDemo } from "../support/demo.js";
import { axeViolations } from "../support/axe.js";
import { focused } from "../support/console.js";

type Demo = Awaited<ReturnType<typeof startIsolatedDemo>>;
const ZONE = "America/New_York";
const HOUR = 3_600_000;
/** Whole hours from now, so the console's minutes-only inputs round-trip exactly. */
const hoursAhead = (hours: number) => new Date(Math.ceil(Date.now() / HOUR) * HOUR + hours * HOUR);

/** An instant as a datetime-local value in the event's zone ("2026-12-08T18:30"). */
function wallIn(zone: string, instant: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).formatToParts(instant).map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const calendarOf = (mail: ReceivedMail) => parseIcs(mail.attachments.find((a) => a.contentType.startsWith("text/calendar"))!.content).events[0]!;
/** Whether this element has the focus inside its shadow root. */

describe(`console: change and cancel a training session, in Chromium (${DB_LABEL})`, () => {
  let demo: Demo;
  let browser: Browser;
  let sink: SmtpSink;
  /** Any window.alert/confirm/prompt: the console must ask in the page instead. */
  const dialogs: string[] = [];
  const start = hoursAhead(6 * 24);
  const who = email("e2e-moved");

  before(async () => {
    sink = await startSmtpSink();
    demo = await startIsolatedDemo({ smtpUrl: sink.url });
    const data = await loadSeedFile(`${SEEDS_DIR}heal-together-training.json`);
    const series = data.trainings![0]!;
    series.sessions = [
      {
        key: "e2e-move",
        title: "E2E: Moving session",
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 1.5 * HOUR).toISOString(),
        timeZone: ZONE,
        format: "virtual",
        virtualLink: "https://meet.example.org/e2e-move",
        capacity: 20,
        leaders: [{ name: "HEAL Together Youth Fellows", role: "Student facilitators" }],
      },
    ];
    await demo.reseed(data);
    browser = await launchChromium();

    // Someone registers on the partner's page, as a visitor would.
    const page = await browser.newPage();
    await page.goto(`${demo.siteUrl}/trainings.html`);
    const card = page.locator('ck-training-calendar li[part~="session"]', { has: page.getByRole("heading", { name: "E2E: Moving session" }) });
    await card.getByRole("button", { name: /register/i }).click();
    await card.getByLabel(/first name/i).fill("Jay");
    await card.getByLabel(/^email/i).fill(who);
    await card.getByRole("button", { name: /^register$/i }).click();
    await card.locator(".result-heading").waitFor();
    await page.close();
    await sink.waitFor((m) => m.to.includes(who) && m.subject.startsWith("You're registered"));
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
    await sink?.close();
  });

  /** The console, signed in as the HEAL Together coalition, on its Trainings section. */
  async function trainings(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    page.on("dialog", (d) => void d.dismiss().finally(() => dialogs.push(d.message())));
    await page.goto(`${demo.apiUrl}/admin/`);
    await page.getByLabel("Secret key").fill((await createSecretKey(demo.db, "heal-together")).key);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "Trainings" }).click();
    await page.locator('tr[data-session="e2e-move"]').waitFor();
    return page;
  }

  test("move a session: the field error is next to its field, then the row shows the new time and the registrant gets the change", async () => {
    const context = await browser.newContext();
    const page = await trainings(context);
    const cspViolations: string[] = [];
    page.on("console", (m) => m.type() === "error" && /Content Security Policy/i.test(m.text()) && cspViolations.push(m.text()));
    const row = page.locator('tr[data-session="e2e-move"]');
    await row.getByRole("button", { name: /^Change/ }).click();
    const form = page.getByRole("form", { name: "Change E2E: Moving session" });
    const starts = form.getByLabel("Starts (America/New York)");
    const ends = form.getByLabel("Ends (America/New York)");
    assert.equal(await starts.inputValue(), wallIn(ZONE, start), "the form shows the time in the event's zone");

    // Ending before it starts: the API's words next to "Ends", and the focus on it.
    const moved = new Date(start.getTime() + 2 * 24 * HOUR + HOUR);
    await starts.fill(wallIn(ZONE, moved));
    await ends.fill(wallIn(ZONE, new Date(moved.getTime() - HOUR)));
    await form.getByRole("button", { name: "Save and notify" }).click();
    await form.getByText("A session ends after it starts.").waitFor();
    assert.equal(await ends.getAttribute("aria-invalid"), "true");
    assert.match((await ends.getAttribute("aria-describedby")) ?? "", /endsAt-error/);
    assert.ok(await focused(ends), "the focus moved to the first field in error");

    await ends.fill(wallIn(ZONE, new Date(moved.getTime() + 2 * HOUR)));
    await form.getByRole("button", { name: "Save and notify" }).click();
    const status = page.getByRole("status").filter({ hasText: "1 person was notified by email." });
    await status.waitFor();
    assert.ok(await focused(status), "the focus moved to the status line");
    const shown = await page.evaluate(([iso, zone]) => new Date(iso!).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short", timeZone: zone }), [moved.toISOString(), ZONE]);
    assert.equal((await row.locator(".when").innerText()).startsWith(shown), true, `the row shows ${shown}`);
    assert.equal(await form.count(), 0, "the form closed");

    const notice = await sink.waitFor((m) => m.to.includes(who) && m.subject === "Changed: E2E: Moving session");
    const event = calendarOf(notice);
    assert.equal(icsDate(event.DTSTART!).toISOString(), moved.toISOString());
    assert.equal(event.SEQUENCE, "1");
    assert.deepEqual(cspViolations, []);
    await context.close();
  });

  test("cancel a session: confirmed in the page, the row says (cancelled), the registrant is told; axe finds nothing on the open form or the confirmation", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await trainings(context);
    const row = page.locator('tr[data-session="e2e-move"]');

    await row.getByRole("button", { name: /^Change/ }).click();
    await page.getByRole("form", { name: "Change E2E: Moving session" }).getByRole("button", { name: "Save and notify" }).waitFor();
    assert.deepEqual(await axeViolations(page), [], "the change form");
    await page.getByRole("button", { name: "Keep as is" }).click();

    await row.getByRole("button", { name: /^Cancel session/ }).click();
    const question = page.getByText(/Cancel “E2E: Moving session” on .+\?/);
    await question.waitFor();
    assert.ok(await focused(page.locator("#question")), "the focus is on the question");
    await page.getByText("1 registered and 0 on the waitlist will get a cancellation email.", { exact: false }).waitFor();
    assert.deepEqual(await axeViolations(page), [], "the cancel confirmation");
    await page.getByRole("button", { name: "Keep the session" }).click();
    assert.equal(await question.count(), 0);
    assert.equal(await row.getByText("(cancelled)").count(), 0, "keeping it changes nothing");

    await row.getByRole("button", { name: /^Cancel session/ }).click();
    await page.getByRole("button", { name: "Yes, cancel this session" }).click();
    await page.getByRole("status").filter({ hasText: "“E2E: Moving session” is cancelled. 1 person was notified by email." }).waitFor();
    await row.getByText("(cancelled)").waitFor();
    assert.equal(await row.getByRole("button").count(), 0, "a cancelled session offers no more changes");
    assert.deepEqual(await axeViolations(page), [], "the table after cancelling");

    const notice = await sink.waitFor((m) => m.to.includes(who) && m.subject === "Cancelled: E2E: Moving session");
    assert.equal(calendarOf(notice).STATUS, "CANCELLED");
    assert.deepEqual(dialogs, [], "no browser dialogs");
    await context.close();
  });
});
