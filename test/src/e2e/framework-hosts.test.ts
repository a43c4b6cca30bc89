// The petition inside a React 19 app and a Vue 3 app, in real Chromium: it renders, signs, and the
// framework's own event handler receives ck-success.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import { DB_LABEL, email, launchChromium } from "../support/env.js";
import { signPetition, signaturesFor, startIsolatedDemo } from "../support/demo.js";

type Demo = Awaited<ReturnType<typeof startIsolatedDemo>>;

describe(`framework host pages (${DB_LABEL})`, () => {
  let demo: Demo;
  let browser: Browser;
  before(async () => {
    demo = await startIsolatedDemo();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  for (const framework of ["react", "vue"] as const) {
    test(`${framework}: the widget signs and the app's handler sees ck-success`, async () => {
      const page = await browser.newPage();
      await page.goto(`${demo.siteUrl}/${framework}.html`);
      const form = page.locator('ck-petition form[part~="form"]');
      await form.waitFor();
      const who = email(`e2e-${framework}`);
      await signPetition(page, { first: "Ada", email: who });
      await page.getByText(new RegExp(`${framework === "react" ? "React" : "Vue"} saw ck-success \\(signed: \\d+\\)`, "i")).waitFor();
      const rows = await signaturesFor(demo, who);
      assert.equal(rows[0]?.source, `${framework}-host`);
      await page.close();
    });
  }
});
