// Members recruiting members, on the demo in real Chromium: Maya signs on the Educators for
// Excellence page and shares its link; her friend opens that link and signs; the organizer's
// console counts one signature recruited through a signer's link, and names neither of them.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { DB_LABEL, email } from "../support/env.js";
import { demoInChromium, signPetition } from "../support/demo.js";
import { consoleSignIn, cspViolations } from "../support/console.js";

describe(`a share link recruits, end to end (${DB_LABEL})`, () => {
  const env = demoInChromium();
  const signedIn = consoleSignIn(env, "ct-fund-our-schools", "Petitions", "ck-admin-petitions");

  test("a friend who signs from Maya's shared link shows in the console as recruited, one step on", async () => {
    const maya = await env.browser.newPage();
    await maya.goto(`${env.demo.siteUrl}/`);
    await signPetition(maya, { first: "Maya", email: email("share-maya") });
    const link = await maya.locator("ck-petition #ck-share-url").first().inputValue();
    assert.match(link, new RegExp(`^${env.demo.siteUrl}/\\?ck_ref=[A-Za-z0-9_-]{22}$`), "the page she signed on, with her code");
    const whatsapp = await maya.locator('ck-petition nav[part~="share-links"] a', { hasText: "WhatsApp" }).getAttribute("href");
    assert.ok(decodeURIComponent(whatsapp ?? "").endsWith(link), "WhatsApp shares the same link");

    const friend = await env.browser.newPage();
    await friend.goto(link);
    await signPetition(friend, { first: "Ana", email: email("share-friend") });
    await friend.getByRole("heading", { name: /thank you/i }).waitFor();

    const context = await env.browser.newContext();
    const page = await signedIn(context);
    const violations = cspViolations(page);
    await page.goto(`${env.demo.apiUrl}/admin/#/petitions/ct-funding-gap`);
    const step = page.locator('table.referrals tr[data-depth="1"]');
    await step.waitFor();
    assert.equal((await step.innerText()).replace(/\s+/g, " ").trim(), "Through a signer's link (1 step) 1");
    assert.match(await page.locator("p.recruited").innerText(), /^1 signature came through a signer's share link, from 1 signer whose link brought someone\.$/);
    const sources = await page.locator("table.sources").innerText();
    assert.match(sources, /demo-site\s+\d/, "signatures by the widget's source");
    assert.doesNotMatch(await page.locator("ck-admin-petition").innerText(), /Maya|Ana/, "nobody is named");
    assert.deepEqual(violations, []);
    await context.close();
    await maya.close();
    await friend.close();
  });
});
