// An organizer creates a training series in the console and edits it, in real Chromium against the
// real API: a time zone only the API can refuse is shown next to the zone field with the API's own
// words and the focus on it, the new series is listed with its session, and an edit (capacity,
// title, a partner dropped, seats kept for a partner, too many refused first) is loaded, saved and
// shown. axe finds nothing on the form.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { AdminTrainingSeriesDetail, PARTNER_SEATS_CAPACITY_MESSAGE } from "@coalition-kit/schema";
import { DB_LABEL } from "../support/env.js";
import { demoInChromium } from "../support/demo.js";
import { axeViolations } from "../support/axe.js";
import { consoleSignIn, cspViolations, focused } from "../support/console.js";

const ZONE = "America/New_York";
const HOUR = 3_600_000;

/** An instant as a datetime-local value in the event's zone ("2026-12-08T18:30"). */
function wallIn(zone: string, instant: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).formatToParts(instant).map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

describe(`console: create and edit a training series, in Chromium (${DB_LABEL})`, () => {
  const env = demoInChromium();
  const start = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 9 * 24 * HOUR);
  const signedIn = consoleSignIn(env, "heal-together", "Trainings", "ck-admin-trainings");

  test("create: the API's word on a bad time zone sits next to that field; fixed, the series is listed", async () => {
    const context = await env.browser.newContext();
    const page = await signedIn(context);
    const violations = cspViolations(page);
    await page.getByRole("link", { name: "New training series" }).click();
    const form = page.getByRole("form", { name: "New training series" });
    await form.getByLabel("Address").fill("e2e-organizing");
    await form.getByLabel("Title", { exact: true }).fill("E2E: Organizing basics");
    await form.getByLabel("Description").fill("Two evenings on building a campaign.");
    const zone = form.getByLabel("Time zone");
    await zone.fill("Mars/Olympus");
    await form.getByLabel("Session title").fill("E2E: First evening");
    await form.getByLabel(/^Starts/).fill(wallIn(ZONE, start));
    await form.getByLabel("Length in minutes").fill("90");
    await form.getByLabel("Join link").fill("https://meet.example.org/e2e-first");
    await form.getByLabel("Capacity").fill("25");
    await form.getByLabel("Leader 1 name").fill("Jordan Lee");
    await form.getByLabel("Leader 1 role").fill("Organizer");
    await form.getByRole("button", { name: "Add a leader" }).click();
    const second = form.getByLabel("Leader 2 name");
    assert.ok(await focused(second), "the new leader row has the focus");
    await second.fill("Sam Ortiz");
    await form.getByLabel("Students for Educational Justice", { exact: true }).check();
    await form.getByLabel("HEAL Together Partner Network", { exact: true }).check();

    // The same body straight to the API, to know its words for this zone.
    const direct = await fetch(`${env.demo.apiUrl}/v1/admin/trainings/e2e-check-zone`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${await signedIn.secretKey()}`, "Content-Type": "application/json", "Idempotency-Key": "e2e-zone-check" },
      body: JSON.stringify({
        title: "x",
        description: "x",
        consent: { coalition: { text: "x", version: "1" }, partner: { text: "x", version: "1" } },
        sessions: [{ key: "a", title: "x", startsAt: start.toISOString(), endsAt: new Date(start.getTime() + HOUR).toISOString(), timeZone: "Mars/Olympus", format: "virtual", leaders: [] }],
      }),
    });
    assert.equal(direct.status, 422);
    const apiWords = ((await direct.json()) as { error: { fields: Record<string, string> } }).error.fields["sessions.0.timeZone"]!;

    await form.getByRole("button", { name: "Create training series" }).click();
    await form.locator("#timeZone-error").waitFor();
    assert.equal(await form.locator("#timeZone-error").innerText(), apiWords);
    assert.equal(await zone.getAttribute("aria-invalid"), "true");
    assert.match((await zone.getAttribute("aria-describedby")) ?? "", /timeZone-error/);
    assert.ok(await focused(zone), "the focus moved to the field in error");
    assert.equal(await form.getByLabel("Leader 2 name").inputValue(), "Sam Ortiz", "what was typed is kept");

    await zone.fill(ZONE);
    await form.getByRole("button", { name: "Create training series" }).click();
    const section = page.getByRole("region", { name: "E2E: Organizing basics" });
    await section.waitFor();
    const row = section.locator("tbody tr").first();
    assert.match(await row.innerText(), /E2E: First evening/);
    assert.equal(await row.locator("td.num").nth(1).innerText(), "25");
    assert.deepEqual(violations, []);
    await context.close();
  });

  test("edit: the saved series fills the form; a change shows in the list; axe finds nothing on the form, errors shown or not", async () => {
    const context = await env.browser.newContext({ bypassCSP: true });
    const page = await signedIn(context);
    await page.getByRole("link", { name: "Edit series E2E: Organizing basics" }).click();
    const form = page.getByRole("form", { name: "Edit training series" });
    const title = form.getByLabel("Title", { exact: true });
    await title.waitFor();
    assert.equal(await title.inputValue(), "E2E: Organizing basics");
    assert.equal(await form.getByLabel(/^Starts/).inputValue(), wallIn(ZONE, start));
    assert.equal(await form.getByLabel("Length in minutes").inputValue(), "90");
    assert.equal(await form.getByLabel("Leader 2 name").inputValue(), "Sam Ortiz");
    assert.equal(await form.getByLabel("HEAL Together Partner Network", { exact: true }).isChecked(), true);
    assert.deepEqual(await axeViolations(page), [], "the edit form");

    // A join link that is not https: the SDK checks with the API's schema, so the words are the API's.
    const link = form.getByLabel("Join link");
    await link.fill("http://meet.example.org/plain");
    await form.getByRole("button", { name: "Save changes" }).click();
    await form.locator('[id="sessions.0.virtualLink-error"]').waitFor();
    assert.equal(await link.getAttribute("aria-invalid"), "true");
    assert.ok(await focused(link));
    assert.deepEqual(await axeViolations(page), [], "the form with an error shown");

    await link.fill("https://meet.example.org/e2e-first");
    await title.fill("E2E: Organizing, the basics");
    await form.getByLabel("Capacity").fill("5");
    await form.getByLabel("HEAL Together Partner Network", { exact: true }).uncheck();
    assert.equal(await form.getByLabel("Seats kept for HEAL Together Partner Network").count(), 0, "an unticked partner has no seats to keep");

    // Seats kept for a partner: more than the capacity is refused next to the partners, in the schema's words.
    const kept = form.getByLabel("Seats kept for Students for Educational Justice");
    await kept.fill("6");
    await form.getByRole("button", { name: "Save changes" }).click();
    const tooMany = form.locator('[id="sessions.0.partnerSeats-error"]');
    await tooMany.waitFor();
    assert.equal(await tooMany.innerText(), PARTNER_SEATS_CAPACITY_MESSAGE);
    assert.deepEqual(await axeViolations(page), [], "the form with a seats error shown");
    await kept.fill("3");
    await form.getByRole("button", { name: "Save changes" }).click();
    const section = page.getByRole("region", { name: "E2E: Organizing, the basics" });
    await section.waitFor();
    assert.equal(await section.locator("tbody tr").first().locator("td.num").nth(1).innerText(), "5");
    assert.equal(await section.locator('[data-partner="students-for-educational-justice"]').innerText(), "students-for-educational-justice: 0 of 3 kept seats taken");

    const saved = await fetch(`${env.demo.apiUrl}/v1/admin/trainings/e2e-organizing`, { headers: { Authorization: `Bearer ${await signedIn.secretKey()}` } });
    const { series } = AdminTrainingSeriesDetail.parse(await saved.json());
    assert.deepEqual(series.sessions[0]!.partners, ["students-for-educational-justice"]);
    assert.deepEqual(series.sessions[0]!.partnerSeats, [{ partner: "students-for-educational-justice", seats: 3 }]);
    assert.deepEqual(series.sessions[0]!.leaders, [{ name: "Jordan Lee", role: "Organizer" }, { name: "Sam Ortiz", role: null }]);
    await context.close();
  });
});
