// An organizer marks attendance for a session in the console, in real Chromium against the real
// API: ticking a registrant shows as progress ("1 of 8 sessions attended") in the roster and the
// series' progress table; a CSV upload saves its good rows and lists the bad row by number with
// the API's words; the per-partner numbers follow; a threshold set in the series form completes it.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createSecretKey, loadSeedFile, SEEDS_DIR } from "@coalition-kit/api";
import { ATTENDANCE_NOT_REGISTERED_MESSAGE } from "@coalition-kit/schema";
import { createClient } from "@coalition-kit/sdk";
import type { Browser } from "playwright-core";
import { DB_LABEL, email, launchChromium } from "../support/env.js";
import { startIsolatedDemo } from "../support/demo.js";
import { axeViolations } from "../support/axe.js";

type Demo = Awaited<ReturnType<typeof startIsolatedDemo>>;
const HOUR = 3_600_000;
const SERIES = "heal-together-2";

describe(`console: attendance marked for a session shows as progress, in Chromium (${DB_LABEL})`, () => {
  let demo: Demo;
  let browser: Browser;
  const jay = email("e2e-attend-jay");
  const kim = email("e2e-attend-kim");

  before(async () => {
    demo = await startIsolatedDemo();
    // The seed's dates are relative to the day it is read: read 60 days ago, its seven sessions have all been held.
    const data = await loadSeedFile(`${SEEDS_DIR}heal-together-training.json`, Date.now() - 60 * 24 * HOUR);
    const sessions = data.trainings![0]!.sessions;
    const session = (start: Date) => ({
      key: "e2e-attend", title: "E2E: Attended session", startsAt: start.toISOString(), endsAt: new Date(start.getTime() + HOUR).toISOString(),
      timeZone: "America/New_York", format: "virtual" as const, virtualLink: "https://meet.example.org/e2e-attend", capacity: 20, leaders: [],
    });
    sessions.push(session(new Date(Date.now() + 5 * 24 * HOUR)));
    await demo.reseed(data);
    // Two people register through the partner's key, as the widget would…
    const client = createClient({ baseUrl: demo.apiUrl, partnerKey: "pk_demo_sej", retries: 0 });
    const id = (await client.trainings.get(SERIES)).sessions.find((s) => s.title === "E2E: Attended session")!.id;
    await client.trainings.register(SERIES, id, { firstName: "Jay", email: jay });
    await client.trainings.register(SERIES, id, { firstName: "Kim", email: kim });
    // …and the session has since taken place.
    sessions[sessions.length - 1] = session(new Date(Date.now() - 2 * HOUR));
    await demo.reseed(data);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  test("tick one registrant and upload a CSV: both show as progress, the bad row is listed, the partner's numbers follow", async () => {
    // axe is injected as a script: the console's CSP would refuse it.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${demo.apiUrl}/admin/`);
    await page.getByLabel("Secret key").fill((await createSecretKey(demo.db, "heal-together")).key);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "Trainings" }).click();
    await page.getByRole("link", { name: "Attendance and progress HEAL Together Training Series 2.0" }).click();
    await page.locator("ck-admin-attendance[data-loaded]").waitFor();
    // The session that took place last is the one shown.
    assert.match(await page.getByLabel("Session").locator("option:checked").innerText(), /E2E: Attended session/);

    const roster = page.locator("table.roster");
    const jayRow = roster.locator(`tr[data-email="${jay}"]`);
    assert.equal(await jayRow.locator(".progress-text").innerText(), "0 of 8 sessions attended");
    await page.getByLabel("Jay attended").check();
    await page.getByRole("status").filter({ hasText: "Jay attended." }).waitFor();
    await jayRow.locator(".progress-text", { hasText: "1 of 8 sessions attended" }).waitFor();
    assert.ok(await page.getByLabel("Jay attended").isChecked());
    const progress = page.locator("table.progress");
    assert.equal(await progress.locator(`tr[data-email="${jay}"] .progress-text`).innerText(), "1 of 8 sessions attended");
    assert.equal(await progress.locator(`tr[data-email="${jay}"] td`).nth(4).innerText(), "Needs 7 more");

    await page.getByLabel("Or upload a CSV of who attended").setInputFiles({ name: "attended.csv", mimeType: "text/csv", buffer: Buffer.from(`email,attended\n${kim},yes\nstranger@example.org,yes\n`) });
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "1 row saved, 1 not saved (see below)." }).waitFor();
    assert.deepEqual(await page.getByRole("list", { name: "Rows not saved" }).getByRole("listitem").allInnerTexts(), [`Row 3: ${ATTENDANCE_NOT_REGISTERED_MESSAGE}`]);
    await roster.locator(`tr[data-email="${kim}"] .progress-text`, { hasText: "1 of 8 sessions attended" }).waitFor();
    assert.ok(await page.getByLabel("Kim attended").isChecked());

    const sej = page.locator('table.partners tr[data-partner="students-for-educational-justice"] td');
    assert.deepEqual(await sej.allInnerTexts(), ["students-for-educational-justice", "2", "100%", "0"]);
    assert.deepEqual(await axeViolations(page), [], "the attendance page");

    // One session completes the series now: both show as completed, and the partner's count follows.
    await page.getByRole("link", { name: "All trainings" }).click();
    await page.getByRole("link", { name: "Edit series HEAL Together Training Series 2.0" }).click();
    await page.getByLabel("Completing the series takes").selectOption("count");
    await page.getByLabel("Sessions to attend").fill("1");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("link", { name: "Attendance and progress HEAL Together Training Series 2.0" }).click();
    await page.getByText("Completing the series takes 1 of its 8 sessions.").waitFor();
    assert.equal(await progress.locator(`tr[data-email="${jay}"] td`).nth(4).innerText(), "Completed");
    assert.deepEqual(await sej.allInnerTexts(), ["students-for-educational-justice", "2", "100%", "2"]);
    await context.close();
  });
});
