// The API reference at /docs in Chromium: it renders the operations of /v1/openapi.json, with
// everything from the API's own origin and nothing the page's strict policy had to block.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import { startIsolatedApi } from "../support/api.js";
import { DB_LABEL, launchChromium } from "../support/env.js";

describe(`the API reference at /docs in Chromium (${DB_LABEL})`, () => {
  let api: Awaited<ReturnType<typeof startIsolatedApi>>;
  let browser: Browser;
  before(async () => {
    api = await startIsolatedApi();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  test("shows the public and organizer operations, loads nothing from elsewhere, and breaks no CSP rule", async () => {
    const page = await browser.newPage();
    const blocked: string[] = [];
    const elsewhere: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) blocked.push(message.text());
    });
    page.on("request", (request) => {
      if (!request.url().startsWith(api.url) && !request.url().startsWith("data:")) elsewhere.push(request.url());
    });
    await page.goto(`${api.url}/docs`);
    await page.getByText("Whether the API is up, and which database it runs on").first().waitFor();
    const shown: Array<[string, string]> = [["Petitions", "Sign a petition (JSON from the widget, or the no-JS form)"], ["Admin: petitions", "Create a petition"]];
    for (const [group, operation] of shown) {
      await page.getByText(group, { exact: true }).first().click();
      await page.getByText(operation, { exact: true }).first().waitFor();
    }
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).margin), "0px", "Scalar's stylesheet applies");
    assert.deepEqual(blocked, []);
    assert.deepEqual(elsewhere, []);
    await page.close();
  });
});
