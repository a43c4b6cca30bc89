// The README's demo, driven in real Chromium: the partner page loads the widget from the API with
// one script tag, a visitor signs, the count shown goes up, and the row is attributed to the partner.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { DB_LABEL, email } from "../support/env.js";
import { demoInChromium, signPetition, signaturesFor } from "../support/demo.js";

async function shownCount(page: Page): Promise<number> {
  const text = await page.locator('ck-petition [part~="count"]').first().innerText();
  const digits = text.replace(/[^\d]/g, "");
  assert.ok(digits.length > 0, `count text should hold a number, got ${JSON.stringify(text)}`);
  return Number(digits);
}

describe(`demo partner site in Chromium (${DB_LABEL})`, () => {
  const running = demoInChromium();

  test("signing on the Educators for Excellence page raises the count and stores the partner", async () => {
    const page = await running.browser.newPage();
    await page.goto(`${running.demo.siteUrl}/`);
    await page.getByRole("heading", { name: /713 million/i }).first().waitFor();
    const before = await shownCount(page);

    const signer = email("e2e-e4e");
    await signPetition(page, { first: "Maya", email: signer, zip: "06511" });
    await page.getByRole("heading", { name: /thank you/i }).waitFor();

    // The new total counts up over 600 ms; the live region is busy until it lands.
    await page.locator('ck-petition [part~="count"][aria-busy="false"]').waitFor();
    assert.equal(await shownCount(page), before + 1);
    const rows = await signaturesFor(running.demo, signer);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.partner_key, "pk_demo_e4e");
    assert.equal(rows[0]?.partner_name, "Educators for Excellence");
    assert.equal(rows[0]?.source, "demo-site");
    await page.close();
  });

  test("a second partner's page attributes to that partner and the per-partner count shows it", async () => {
    const page = await running.browser.newPage();
    await page.goto(`${running.demo.siteUrl}/conncan.html`);
    const partners = page.locator('ck-petition [part~="partners"]');
    await partners.waitFor();
    const signer = email("e2e-conncan");
    await signPetition(page, { first: "Luis", email: signer, zip: "06106" });
    await page.getByRole("heading", { name: /thank you/i }).waitFor();

    const rows = await signaturesFor(running.demo, signer);
    assert.equal(rows[0]?.partner_key, "pk_demo_conncan");
    await page.reload();
    await partners.waitFor();
    assert.match(await partners.innerText(), /ConnCAN\D*1\b/);
    await page.close();
  });

  test("with JavaScript off, the fallback form signs and returns to the partner's thank-you page", async () => {
    const context = await running.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${running.demo.siteUrl}/`);
    const signer = email("e2e-nojs");
    await page.getByLabel(/first name/i).fill("Ana");
    await page.getByLabel(/^email/i).fill(signer);
    await page.getByLabel(/zip/i).fill("06510");
    await page.getByRole("button", { name: /add your name/i }).click();
    await page.waitForURL(/thanks\.html\?ck_signed=1/);
    await page.getByRole("heading", { name: /thank you/i }).waitFor();

    const rows = await signaturesFor(running.demo, signer);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.partner_key, "pk_demo_e4e");
    assert.equal(rows[0]?.source, "demo-site-nojs");
    await context.close();
  });
});
