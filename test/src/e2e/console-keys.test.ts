// Keys in the console, in real Chromium against the real API: rotate a partner's publishable key
// (a bad overlap is shown next to its field; the new key and the old key's end are shown), and add
// a read-only secret key whose sign-in can look but is told it cannot change anything.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createSecretKey } from "@coalition-kit/api";
import { DB_LABEL, launchChromium } from "../support/env.js";
import { startIsolatedDemo } from "../support/demo.js";
import { axeViolations } from "../support/axe.js";

type Demo = Awaited<ReturnType<typeof startIsolatedDemo>>;

describe(`console: partner key rotation and read-only keys, in Chromium (${DB_LABEL})`, () => {
  let demo: Demo;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    demo = await startIsolatedDemo();
    browser = await launchChromium();
    // axe is injected as an inline script, which the console's CSP rightly refuses: bypass it for these checks only.
    context = await browser.newContext({ bypassCSP: true });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await demo?.stop();
  });

  async function signIn(key: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${demo.apiUrl}/admin/`);
    await page.getByLabel("Secret key").fill(key);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Petitions" }).waitFor();
    return page;
  }

  test("Rotate key: a bad overlap is refused at its field, then the new key and the old key's end are shown", async () => {
    const page = await signIn((await createSecretKey(demo.db, "ct-fund-our-schools")).key);
    await page.getByRole("link", { name: "Partners" }).click();
    await page.getByRole("button", { name: "Rotate key of ConnCAN" }).click();
    const form = page.getByRole("form", { name: "Rotate the key of ConnCAN" });
    const hours = form.getByLabel("Hours the old key keeps working");
    await hours.waitFor();
    assert.equal(await hours.inputValue(), "24");
    assert.deepEqual(await axeViolations(page), [], "the rotation form");

    await hours.fill("500");
    await form.getByRole("button", { name: "Rotate key" }).click();
    await form.getByText("Enter the overlap as whole hours from 0 to 168.").waitFor();
    assert.equal(await hours.getAttribute("aria-invalid"), "true");

    await hours.fill("48");
    await form.getByRole("button", { name: "Rotate key" }).click();
    const status = page.getByRole("status").filter({ hasText: "New key for ConnCAN" });
    await status.waitFor();
    const shown = (await status.locator(".new-key").innerText()).trim();
    const stored = await demo.db.query<{ publishable_key: string; previous_key: string }>("select publishable_key, previous_key from partners where previous_key = 'pk_demo_conncan'");
    assert.equal(shown, stored[0]?.publishable_key, "the console shows the partner's new key");
    assert.match(await status.innerText(), /The old key pk_demo_conncan keeps working until/);
    await page.getByText("Old key pk_demo_conncan works until").waitFor();
    assert.deepEqual(await axeViolations(page), [], "the partner list after a rotation");
    await page.close();
  });

  test("a read-only key made in the console lists partners, and a change is refused with the API's words", async () => {
    const page = await signIn((await createSecretKey(demo.db, "ct-fund-our-schools")).key);
    await page.getByRole("link", { name: "Secret keys" }).click();
    await page.getByRole("heading", { name: "Secret keys" }).waitFor();
    await page.locator("ck-admin-keys[data-loaded]").waitFor();
    assert.deepEqual(await axeViolations(page), [], "the key list");
    await page.getByLabel("What the key may do").selectOption("read_only");
    await page.getByRole("button", { name: "Add key" }).click();
    const secret = (await page.locator(".key-secret").innerText()).trim();
    assert.match(secret, /^sk_/);
    await page.getByRole("cell", { name: "Read only" }).waitFor();
    await page.close();

    const viewer = await signIn(secret);
    await viewer.getByRole("link", { name: "Partners" }).click();
    await viewer.getByRole("button", { name: "Rotate key of ConnCAN" }).click();
    await viewer.getByRole("form", { name: "Rotate the key of ConnCAN" }).getByRole("button", { name: "Rotate key" }).click();
    await viewer.getByRole("alert").filter({ hasText: "This secret key is read-only. Use a read-write key to make changes." }).waitFor();
    await viewer.close();
  });
});
