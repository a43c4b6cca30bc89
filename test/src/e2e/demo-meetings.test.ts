// The demo's member-meetings page in real Chromium: RSVPs count per occurrence, and an
// "every week" RSVP applies to every future meeting.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { loadSeedFile, SEEDS_DIR } from "@coalition-kit/api";
import type { Browser, Locator, Page } from "playwright-core";
import { DB_LABEL, email, launchChromium } from "../support/env.js";
import { startIsolatedDemo } from "../support/demo.js";

type Demo = Awaited<ReturnType<typeof startIsolatedDemo>>;

/** Moves the seeded SEJ meeting to start tomorrow, so the test never depends on today's date. */
async function meetingFromTomorrow(demo: Demo) {
  const data = await loadSeedFile(`${SEEDS_DIR}sej-students-over-sros.json`);
  const start = new Date(Date.now() + 86_400_000).toLocaleDateString("en-CA", { timeZone: "America/New_York" });
  const weekday = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"][new Date(`${start}T12:00:00Z`).getUTCDay()];
  Object.assign(data.meetings![0]!, { startDate: start, rrule: `FREQ=WEEKLY;BYDAY=${weekday}`, breaks: [], changes: [] });
  await demo.reseed(data);
}

const going = async (row: Locator) => Number(/(\d+) going/.exec(await row.locator(".counts").innerText())?.[1]);

async function rsvp(page: Page, opener: Locator, who: string, everyWeek: boolean) {
  await opener.click();
  const form = page.locator('ck-meeting-rsvp form[part~="form"]');
  await form.getByRole("radio", { name: "Yes, I'll be there" }).check();
  if (everyWeek && (await form.getByRole("radio", { name: /every week/i }).count())) await form.getByRole("radio", { name: /every week/i }).check();
  await form.getByLabel(/first name/i).fill("Kiara");
  await form.getByLabel(/^email/i).fill(who);
  await form.getByRole("button", { name: "Send RSVP" }).click();
  await page.locator("ck-meeting-rsvp #ck-saved").waitFor();
}

describe(`demo member meetings page in Chromium (${DB_LABEL})`, () => {
  let demo: Demo;
  let browser: Browser;
  before(async () => {
    demo = await startIsolatedDemo();
    await meetingFromTomorrow(demo);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  test("RSVPs count per occurrence; 'every week' applies to every future meeting", async () => {
    const page = await browser.newPage();
    await page.goto(`${demo.siteUrl}/meetings.html`);
    const rows = page.locator("ck-meeting-rsvp li.occurrence");
    await rows.first().waitFor();
    assert.equal(await rows.count(), 6);

    await rsvp(page, rows.nth(1).getByRole("button", { name: /^RSVP/ }), email("e2e-one"), false);
    assert.deepEqual(await Promise.all([0, 1, 2].map((i) => going(rows.nth(i)))), [0, 1, 0]);

    await rsvp(page, page.locator("ck-meeting-rsvp .every-week button"), email("e2e-weekly"), true);
    await page.reload();
    await rows.first().waitFor();
    assert.deepEqual(await Promise.all([0, 1, 2, 3, 4, 5].map((i) => going(rows.nth(i)))), [1, 2, 1, 1, 1, 1]);

    const stored = await demo.db.query<{ key: string; standing: string | null }>(
      `select pa.publishable_key as key, a.standing_response as standing from meeting_attendees a
         join partners pa on pa.id = a.partner_id join people p on p.id = a.person_id where p.email_normalized like 'e2e-weekly.%'`,
    );
    assert.deepEqual(stored, [{ key: "pk_demo_sej_site", standing: "yes" }]);
    await page.close();
  });
});
