// Every demo page, and the organizer console's sign-in, in real Chromium at a desktop and a phone
// width: nothing logs a console error or an uncaught exception, and no request fails or answers
// 4xx/5xx (the favicon included), as a first-time visitor with the developer tools open would see.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { DB_LABEL } from "../support/env.js";
import { demoInChromium } from "../support/demo.js";

/** The demo site's pages, read from its folder so a new page is checked too. */
const PUBLIC = join(dirname(createRequire(import.meta.url).resolve("@coalition-kit/demo-site")), "../public");
const PAGES = readdirSync(PUBLIC)
  .filter((f) => f.endsWith(".html"))
  .sort()
  .map((f) => (f === "index.html" ? "/" : f === "campaign.html" ? "/campaign.html?petition=ct-funding-gap" : `/${f}`));

describe(`every demo page loads cleanly in Chromium (${DB_LABEL})`, () => {
  const running = demoInChromium();

  for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 812 }]) {
    test(`at ${viewport.width} px: no console error, no failed request, on ${PAGES.length} demo pages and the console`, async () => {
      assert.ok(PAGES.length >= 10, `the demo's pages: ${PAGES.join(", ")}`);
      const context = await running.browser.newContext({ viewport });
      const problems: string[] = [];
      for (const path of [...PAGES.map((p) => running.demo.siteUrl + p), `${running.demo.apiUrl}/admin/`]) {
        const page = await context.newPage();
        page.on("console", (message) => {
          if (message.type() === "error") problems.push(`${path}: console error: ${message.text()}`);
        });
        page.on("pageerror", (error) => problems.push(`${path}: uncaught ${error.message}`));
        page.on("requestfailed", (request) => problems.push(`${path}: ${request.method()} ${request.url()} failed: ${request.failure()?.errorText}`));
        page.on("response", (response) => {
          if (response.status() >= 400) problems.push(`${path}: ${response.request().method()} ${response.url()} answered ${response.status()}`);
        });
        await page.goto(path, { waitUntil: "networkidle" });
        // The icon is fetched after load; give it its turn.
        await page.waitForTimeout(300);
        await page.close();
      }
      await context.close();
      assert.deepEqual(problems, []);
    });
  }
});
