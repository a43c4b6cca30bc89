// The demo's trainings page in real Chromium: registering reduces seats left; with one seat, the
// second person is waitlisted and promoted when the first cancels through the signed link.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { loadSeedFile, SEEDS_DIR } from "@coalition-kit/api";
import { icsDate, parseIcs } from "@coalition-kit/api/testing/ics-parse";
import type { Locator, Page } from "playwright-core";
import { DB_LABEL, email } from "../support/env.js";
import { demoInChromium, type startIsolatedDemo } from "../support/demo.js";

type Demo = Awaited<ReturnType<typeof startIsolatedDemo>>;
const inDays = (days: number, hours = 0) => new Date(Date.now() + days * 86_400_000 + hours * 3_600_000).toISOString();

/** Upcoming sessions added to the seeded HEAL Together series, so the test never depends on today's date. */
async function addUpcomingSessions(demo: Demo) {
  const data = await loadSeedFile(`${SEEDS_DIR}heal-together-training.json`);
  const series = data.trainings![0]!;
  const base = { timeZone: "America/New_York", format: "virtual" as const, leaders: [{ name: "HEAL Together Youth Fellows", role: "Student facilitators" }] };
  series.sessions = [
    { ...base, key: "e2e-open", title: "E2E: Open session", startsAt: inDays(3), endsAt: inDays(3, 1.5), capacity: 25, virtualLink: "https://meet.example.org/e2e-open" },
    { ...base, key: "e2e-one-seat", title: "E2E: One seat", startsAt: inDays(4), endsAt: inDays(4, 1.5), capacity: 1, virtualLink: "https://meet.example.org/e2e-one" },
  ];
  await demo.reseed(data);
}

function sessionCard(page: Page, title: string): Locator {
  return page.locator('ck-training-calendar li[part~="session"]', { has: page.getByRole("heading", { name: title }) });
}

async function register(page: Page, title: string, who: string): Promise<Locator> {
  const card = sessionCard(page, title);
  await card.getByRole("button", { name: /register|join the waitlist/i }).click();
  await card.getByLabel(/first name/i).fill("Jay");
  await card.getByLabel(/^email/i).fill(who);
  await card.getByRole("button", { name: /^(register|join the waitlist)$/i }).click();
  await card.locator(".result-heading").waitFor();
  return card;
}

describe(`demo trainings page in Chromium (${DB_LABEL})`, () => {
  const running = demoInChromium({ smtp: true, prepare: addUpcomingSessions });

  test("registering reduces the seats left shown, and the registration is attributed to the partner", async () => {
    const page = await running.browser.newPage();
    await page.goto(`${running.demo.siteUrl}/trainings.html`);
    const seats = sessionCard(page, "E2E: Open session").locator('[part~="seats"]');
    await seats.waitFor();
    assert.equal(await seats.innerText(), "25 seats left");
    // The shipped (minified) bundle keeps the space before a leader's role.
    assert.equal(await sessionCard(page, "E2E: Open session").locator(".leaders").innerText(), "Led by HEAL Together Youth Fellows (Student facilitators)");
    const who = email("e2e-train");
    const card = await register(page, "E2E: Open session", who);
    assert.equal(await card.locator(".result-heading").innerText(), "You're registered!");
    assert.equal(await seats.innerText(), "24 seats left");
    await page.reload();
    await seats.waitFor();
    assert.equal(await seats.innerText(), "24 seats left");

    const rows = await running.demo.db.query<{ key: string; status: string }>(
      `select pa.publishable_key as key, r.status from training_registrations r
         join people p on p.id = r.person_id join partners pa on pa.id = r.partner_id where p.email_normalized = $1`,
      [who],
    );
    assert.deepEqual(rows, [{ key: "pk_demo_sej", status: "registered" }]);
    await page.close();
  });

  test("the 2nd registrant for a one-seat session is waitlisted and promoted when the 1st cancels", async () => {
    const page = await running.browser.newPage();
    await page.goto(`${running.demo.siteUrl}/trainings.html`);
    const first = await register(page, "E2E: One seat", email("e2e-first"));
    const cancelHref = await first.getByRole("link", { name: "Cancel my registration" }).getAttribute("href");

    await page.reload();
    const second = await register(page, "E2E: One seat", email("e2e-second"));
    assert.equal(await second.locator(".result-heading").innerText(), "You're number 1 on the waitlist.");

    // The first registrant opens their cancel link and confirms.
    const cancelPage = await running.browser.newPage();
    await cancelPage.goto(cancelHref!);
    await cancelPage.getByRole("button", { name: "Yes, cancel my registration" }).click();
    await cancelPage.getByRole("heading", { name: "Your registration is cancelled." }).waitFor();

    const rows = await running.demo.db.query<{ email: string; status: string; promoted: boolean }>(
      `select p.email_normalized as email, r.status, r.promoted_at is not null as promoted from training_registrations r
         join people p on p.id = r.person_id join training_sessions s on s.id = r.session_id
        where s.key = 'e2e-one-seat' order by r.created_at`,
    );
    assert.deepEqual(rows.map((r) => [r.email.split(".")[0], r.status, r.promoted]), [["e2e-first", "cancelled", false], ["e2e-second", "registered", true]]);
    await page.close();
    await cancelPage.close();
  });

  test("registering sends a confirmation email whose calendar file parses and whose links work", async () => {
    const page = await running.browser.newPage();
    await page.goto(`${running.demo.siteUrl}/trainings.html`);
    const who = email("e2e-mail");
    await register(page, "E2E: Open session", who);
    const mail = await running.sink.waitFor((m) => m.to.includes(who));
    assert.equal(mail.subject, "You're registered: E2E: Open session");
    assert.match(mail.html, /href="https:\/\/meet\.example\.org\/e2e-open"/, "the join link is in the email");
    const ics = parseIcs(mail.attachments.find((a) => a.contentType.startsWith("text/calendar"))!.content);
    const session = (await running.demo.db.query<{ starts_at: string | Date }>("select starts_at from training_sessions where key = 'e2e-open'"))[0]!;
    // Calendar times are whole seconds.
    assert.equal(icsDate(ics.events[0]!.DTSTART!).getTime(), Math.floor(new Date(session.starts_at).getTime() / 1000) * 1000);
    assert.equal(ics.events[0]!.URL, "https://meet.example.org/e2e-open");

    // The email's cancel link works in the running.browser.
    const cancel = /https?:\/\/\S+\/v1\/registrations\/cancel\?token=\S+/.exec(mail.text)?.[0];
    assert.ok(cancel);
    await page.goto(cancel);
    await page.getByRole("button", { name: "Yes, cancel my registration" }).click();
    await page.getByRole("heading", { name: "Your registration is cancelled." }).waitFor();
    await page.close();
  });
});
