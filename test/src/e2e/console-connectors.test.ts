// CRM connectors in the console, in real Chromium against the real API and a loopback OSDI endpoint
// (Action Network's API shape): a partner connects its CRM, a consenting signer arrives there, a
// refused key shows as paused with the CRM's words, and a new key typed in the console delivers
// what waited.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { createSecretKey } from "@coalition-kit/api";
import { startOsdiEndpoint, type OsdiEndpoint } from "@coalition-kit/api/testing/osdi-endpoint";
import { createClient } from "@coalition-kit/sdk";
import { DB_LABEL, launchChromium } from "../support/env.js";
import { startIsolatedDemo } from "../support/demo.js";
import { axeViolations } from "../support/axe.js";

type Demo = Awaited<ReturnType<typeof startIsolatedDemo>>;
const SLUG = "ct-funding-gap";

describe(`console: CRM connectors over OSDI, in Chromium (${DB_LABEL})`, () => {
  let demo: Demo;
  let browser: Browser;
  let crm: OsdiEndpoint;
  before(async () => {
    demo = await startIsolatedDemo();
    crm = await startOsdiEndpoint("e4e-action-network-key-1");
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await crm?.close();
    await demo?.stop();
  });

  const sign = (email: string) =>
    createClient({ baseUrl: demo.apiUrl, partnerKey: "pk_demo_e4e", retries: 0 }).petitions.sign(SLUG, { firstName: "Tabitha", email, zip: "06511", ageBand: "18_plus", consentPartner: true });
  const arrived = async (email: string) => {
    for (let i = 0; i < 100; i += 1) {
      if ([...crm.people.values()].some((p) => p.email_addresses[0]?.address === email)) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  };

  test("connect a CRM, see a refused key paused with the CRM's words, and a new key deliver what waited", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page: Page = await context.newPage();
    await page.goto(`${demo.apiUrl}/admin/`);
    await page.getByLabel("Secret key").fill((await createSecretKey(demo.db, "educators-for-excellence")).key);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "CRM connectors" }).click();
    const connect = page.getByRole("form", { name: "Connect a CRM" });
    await connect.getByLabel("OSDI API address").fill(crm.url);
    await connect.getByLabel("API key").fill("short");
    await connect.getByRole("button", { name: "Connect" }).click();
    await connect.getByText("Enter the API key the CRM gave you.").waitFor();
    await connect.getByLabel("API key").fill(crm.key);
    await connect.getByLabel("Tags (optional)").fill("coalition-kit, ct-2027");
    await connect.getByRole("button", { name: "Connect" }).click();
    await page.getByRole("cell", { name: "Delivering" }).waitFor();
    assert.equal(await page.getByText(crm.key).count(), 0, "the key is not shown");
    assert.deepEqual(await axeViolations(page), []);

    await sign("tabitha@example.org");
    assert.ok(await arrived("tabitha@example.org"), "the consenting signer is in the CRM");
    const person = [...crm.people.values()][0]!;
    assert.deepEqual(person.tags.sort(), ["coalition-kit", "ct-2027", `petition:${SLUG}`]);

    crm.key = "e4e-action-network-key-2";
    await sign("ulises@example.org");
    await page.reload();
    await page.getByRole("link", { name: "CRM connectors" }).click();
    const state = page.locator(".connector-state");
    for (let i = 0; i < 50 && !/Paused/.test(await state.innerText()); i += 1) {
      await new Promise((r) => setTimeout(r, 200));
      await page.reload();
      await state.waitFor();
    }
    assert.match(await state.innerText(), /Paused.*refused the API key \(HTTP 401\).*API Key invalid/s);
    assert.match(await state.innerText(), /1 waiting/);

    await page.getByRole("button", { name: `Replace key of ${crm.url}` }).click();
    const replace = page.getByRole("form", { name: `Replace the key of ${crm.url}` });
    await replace.getByLabel("New API key").fill(crm.key);
    await replace.getByRole("button", { name: "Save key" }).click();
    await page.getByRole("cell", { name: "Delivering" }).waitFor();
    assert.ok(await arrived("ulises@example.org"), "what waited is delivered with the new key");
    await context.close();
  });
});
