// Widgets on hostile host pages: aggressive global CSS does not leak in (nor widget CSS out), and a
// strict Content Security Policy (no inline script or style) blocks nothing the widget needs.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { DB_LABEL, email } from "../support/env.js";
import { demoInChromium, signPetition } from "../support/demo.js";

describe(`widgets on hostile host pages (${DB_LABEL})`, () => {
  const running = demoInChromium();

  test("aggressive global CSS does not reach inside the widget, and the widget's CSS does not reach out", async () => {
    const page = await running.browser.newPage();
    await page.goto(`${running.demo.siteUrl}/hostile.html`);
    const form = page.locator('ck-petition form[part~="form"]');
    await form.waitFor();
    const inside = await page.evaluate(() => {
      const root = document.querySelector("ck-petition")!.shadowRoot!;
      const style = (selector: string) => getComputedStyle(root.querySelector(selector)!);
      return {
        inputDisplay: style("#ck-email").display,
        labelVisibility: style('label[for="ck-email"]').visibility,
        buttonBackground: style('button[type="submit"]').backgroundColor,
        headingSize: style("h2").fontSize,
        headingTransform: style("h2").textTransform,
      };
    });
    assert.notEqual(inside.inputDisplay, "none");
    assert.equal(inside.labelVisibility, "visible");
    assert.notEqual(inside.buttonBackground, "rgb(0, 255, 0)");
    assert.notEqual(inside.headingSize, "72px");
    assert.equal(inside.headingTransform, "none");

    const outside = await page.evaluate(() => {
      const text = getComputedStyle(document.getElementById("host-text")!);
      return { color: text.color, weight: text.fontWeight };
    });
    assert.deepEqual(outside, { color: "rgb(0, 0, 128)", weight: "400" }, "the host's .error/.form/.container keep the host's styles");

    // And it still works: a visitor can sign.
    await signPetition(page, { first: "Noor", email: email("e2e-hostile") });
    await page.getByRole("heading", { name: /thank you/i }).waitFor();
    await page.close();
  });

  test("under a strict CSP (no inline script or style) the widget loads, renders and signs with no violations", async () => {
    const page = await running.browser.newPage();
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    const response = await page.goto(`${running.demo.siteUrl}/strict-csp.html`);
    assert.match(response!.headers()["content-security-policy"] ?? "", /style-src 'self'/);
    await page.evaluate(() => document.addEventListener("securitypolicyviolation", (e) => console.log(`Refused to: ${e.violatedDirective} ${e.blockedURI}`)));
    const form = page.locator('ck-petition form[part~="form"]');
    await form.waitFor();
    const fill = await page.evaluate(() => getComputedStyle(document.querySelector("ck-petition")!.shadowRoot!.querySelector(".fill")!).width);
    assert.ok(fill, "the goal bar's width (set through CSSOM) applies");
    await signPetition(page, { first: "Imani", email: email("e2e-csp") });
    await page.getByRole("heading", { name: /thank you/i }).waitFor();
    assert.deepEqual(violations, []);
    await page.close();
  });
});
