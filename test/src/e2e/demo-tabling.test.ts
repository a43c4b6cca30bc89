// Tabling mode on the demo, in real Chromium: a tablet at a table signs 20 people while the API
// cannot be reached (each request to it fails, as with no network), the page is reloaded still
// without it, and once the API is back the 20 go out: exactly 20 stored, as taken at the table,
// each with the time it was collected. The same for training registration at a table: three
// people register without the API, none sees the one before's cancel link, and after a reload and
// the API's return exactly three registrations are stored, as taken at the table.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { loadSeedFile, SEEDS_DIR } from "@coalition-kit/api";
import type { Page } from "playwright-core";
import { DB_LABEL, email } from "../support/env.js";
import { demoInChromium, type startIsolatedDemo } from "../support/demo.js";

const PEOPLE = 20;
const TABLE_SESSION = "E2E: At the table";

/** An upcoming session in the seeded HEAL Together series, so the test never depends on today's date. */
async function addTableSession(demo: Awaited<ReturnType<typeof startIsolatedDemo>>) {
  const data = await loadSeedFile(`${SEEDS_DIR}heal-together-training.json`);
  const inDays = (days: number, hours = 0) => new Date(Date.now() + days * 86_400_000 + hours * 3_600_000).toISOString();
  data.trainings![0]!.sessions = [
    { key: "e2e-table", title: TABLE_SESSION, startsAt: inDays(3), endsAt: inDays(3, 1.5), timeZone: "America/New_York", format: "virtual", capacity: 25, virtualLink: "https://meet.example.org/e2e-table", leaders: [{ name: "HEAL Together Youth Fellows", role: "Student facilitators" }] },
  ];
  await demo.reseed(data);
}

/** How many wait on the device, by the status line's count. */
const waitingIs = (page: Page, n: number, timeout = 15_000) =>
  page.waitForFunction((n) => Number(document.querySelector("ck-tabling-status")?.shadowRoot?.querySelector(".waiting")?.getAttribute("data-waiting")) === n, n, { timeout });

describe(`tabling mode on the demo partner page (${DB_LABEL})`, () => {
  const env = demoInChromium({ prepare: addTableSession });

  test("20 signatures taken without the API, a reload, then the API back: exactly 20 stored with their collection times", async () => {
    const page = await env.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${env.demo.siteUrl}/tabling.html`);
    const form = page.locator('ck-petition form[part~="form"]');
    await form.waitFor();
    const status = page.locator("ck-tabling-status .waiting");

    // The API is out of reach: every request to it fails before it leaves the browser.
    await page.route(`${env.demo.apiUrl}/v1/**`, (route) => route.abort("internetdisconnected"));
    const emails = Array.from({ length: PEOPLE }, (_, i) => email(`table-${i}`));
    const startedAt = new Date();
    for (const [i, address] of emails.entries()) {
      await form.getByLabel(/first name/i).fill(`Student${i}`);
      await form.getByLabel(/^email/i).fill(address);
      await form.getByLabel(/zip/i).fill("06511");
      await form.getByRole("radio", { name: /18 or older/i }).check();
      await form.getByRole("button", { name: /add your name/i }).click();
      await page.waitForFunction((n) => Number(document.querySelector("ck-tabling-status")?.shadowRoot?.querySelector(".waiting")?.getAttribute("data-waiting")) === n, i + 1);
      await form.getByLabel(/first name/i).waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
        throw new Error(`person ${i}: no fresh form; the widget shows: ${await page.locator("ck-petition").innerText().catch(() => "?")}`, { cause: error });
      });
      assert.equal(await form.getByLabel(/^email/i).inputValue(), "", "the next person gets an empty form");
    }
    assert.equal(await status.innerText(), `${PEOPLE} are waiting on this device to be sent.`);
    assert.equal((await env.demo.db.query<{ n: number }>("select count(*)::int as n from signatures where channel = 'tabling'"))[0]!.n, 0, "nothing reached the API");

    // Reloaded, still without the API: the petition comes from the device, the 20 still wait.
    await page.reload();
    await form.waitFor();
    await page.waitForFunction((n) => Number(document.querySelector("ck-tabling-status")?.shadowRoot?.querySelector(".waiting")?.getAttribute("data-waiting")) === n, PEOPLE);
    assert.match(await page.locator('ck-petition [part~="title"]').innerText(), /713 million/);

    // The API is back: the device sends what waited.
    await page.unroute(`${env.demo.apiUrl}/v1/**`);
    await page.evaluate(() => dispatchEvent(new Event("online")));
    await page.waitForFunction(() => Number(document.querySelector("ck-tabling-status")?.shadowRoot?.querySelector(".waiting")?.getAttribute("data-waiting")) === 0, undefined, { timeout: 60_000 });

    const rows = await env.demo.db.query<{ email: string; channel: string; collected_at: Date | string; created_at: Date | string }>(
      `select p.email_normalized as email, s.channel, s.collected_at, s.created_at from signatures s join people p on p.id = s.person_id where s.source = 'demo-tabling'`,
    );
    assert.equal(rows.length, PEOPLE, "exactly 20 stored");
    assert.deepEqual(new Set(rows.map((r) => r.email)), new Set(emails.map((e) => e.toLowerCase())));
    for (const r of rows) {
      assert.equal(r.channel, "tabling");
      const collected = new Date(r.collected_at);
      const arrived = new Date(r.created_at);
      assert.ok(collected >= new Date(startedAt.getTime() - 1000) && collected <= arrived, `collected at the table (${collected.toISOString()}), after ${startedAt.toISOString()} and before it arrived (${arrived.toISOString()})`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("3 training registrations taken without the API, none showing the one before's links, a reload, then the API back: exactly 3 stored", async () => {
    const page = await env.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${env.demo.siteUrl}/tabling-trainings.html`);
    const card = page.locator('ck-training-calendar li[part~="session"]', { has: page.getByRole("heading", { name: TABLE_SESSION }) });
    await card.waitFor();

    await page.route(`${env.demo.apiUrl}/v1/**`, (route) => route.abort("internetdisconnected"));
    const emails = Array.from({ length: 3 }, (_, i) => email(`table-reg-${i}`));
    const startedAt = new Date();
    for (const [i, address] of emails.entries()) {
      await card.getByRole("button", { name: /^register/i }).click();
      await card.getByLabel(/first name/i).fill(`Trainee${i}`);
      await card.getByLabel(/^email/i).fill(address);
      await card.getByRole("button", { name: /^register$/i }).click();
      await waitingIs(page, i + 1);
      await card.getByRole("button", { name: /^register/i }).waitFor();
      const shown = await page.locator('ck-training-calendar [part~="container"]').innerText();
      assert.match(shown, /E2E: At the table/, "the fresh calendar lists the session");
      assert.doesNotMatch(shown, new RegExp(`Trainee${i}|${address.replace(/[.+]/g, "\\$&")}`), "nothing of the last person shows");
      assert.equal(await page.locator("ck-training-calendar").getByRole("link", { name: "Cancel my registration" }).count(), 0, "no cancel link of the last person");
      assert.match(await page.locator("ck-tabling-status .thanks").innerText(), /Saved on this device\. You'll get your confirmation email when it's sent\./);
    }
    assert.equal((await env.demo.db.query<{ n: number }>("select count(*)::int as n from training_registrations where channel = 'tabling'"))[0]!.n, 0, "nothing reached the API");

    // Reloaded, still without the API: the calendar comes from the device, the 3 still wait.
    await page.reload();
    await card.waitFor();
    await waitingIs(page, 3);

    await page.unroute(`${env.demo.apiUrl}/v1/**`);
    await page.evaluate(() => dispatchEvent(new Event("online")));
    await waitingIs(page, 0, 60_000);
    const rows = await env.demo.db.query<{ email: string; channel: string; collected_at: Date | string; created_at: Date | string }>(
      `select p.email_normalized as email, r.channel, r.collected_at, r.created_at from training_registrations r join people p on p.id = r.person_id where r.source = 'demo-tabling'`,
    );
    assert.equal(rows.length, 3, "exactly 3 stored");
    assert.deepEqual(new Set(rows.map((r) => r.email)), new Set(emails.map((e) => e.toLowerCase())));
    for (const r of rows) {
      assert.equal(r.channel, "tabling");
      const collected = new Date(r.collected_at);
      assert.ok(collected >= new Date(startedAt.getTime() - 1000) && collected <= new Date(r.created_at), `collected at the table (${collected.toISOString()}), before it arrived`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
});
