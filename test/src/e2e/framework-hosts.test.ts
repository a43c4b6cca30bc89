// The petition inside a React 19 app and a Vue 3 app, in real Chromium: it renders, signs, and the
// framework's own event handler receives ck-success.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { DB_LABEL, email } from "../support/env.js";
import { demoInChromium, signPetition, signaturesFor } from "../support/demo.js";

describe(`framework host pages (${DB_LABEL})`, () => {
  const running = demoInChromium();

  for (const framework of ["react", "vue"] as const) {
    test(`${framework}: the widget signs and the app's handler sees ck-success`, async () => {
      const page = await running.browser.newPage();
      await page.goto(`${running.demo.siteUrl}/${framework}.html`);
      const form = page.locator('ck-petition form[part~="form"]');
      await form.waitFor();
      const who = email(`e2e-${framework}`);
      await signPetition(page, { first: "Ada", email: who });
      await page.getByText(new RegExp(`${framework === "react" ? "React" : "Vue"} saw ck-success \\(signed: \\d+\\)`, "i")).waitFor();
      const rows = await signaturesFor(running.demo, who);
      assert.equal(rows[0]?.source, `${framework}-host`);
      await page.close();
    });
  }
});
