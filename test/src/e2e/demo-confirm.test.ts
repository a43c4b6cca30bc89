// Double opt-in in real Chromium: on a petition that asks signers to confirm by email, signing
// shows "check your email" and the count does not move; opening the emailed link and confirming
// raises it.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { DB_LABEL, email } from "../support/env.js";
import { demoInChromium, signPetition } from "../support/demo.js";

async function shownCount(page: Page): Promise<number> {
  return Number((await page.locator('ck-petition [part~="count"]').first().innerText()).replace(/[^\d]/g, ""));
}

describe(`double opt-in petition in Chromium (${DB_LABEL})`, () => {
  const running = demoInChromium({ smtp: true, prepare: (demo) => demo.db.query("update petitions set confirmation = 'double_opt_in' where slug = 'ct-funding-gap'") });

  test("the count rises only after the emailed confirm link is opened and confirmed", async () => {
    const page = await running.browser.newPage();
    await page.goto(`${running.demo.siteUrl}/`);
    await page.getByRole("heading", { name: /713 million/i }).first().waitFor();
    const before = await shownCount(page);
    const who = email("e2e-confirm");
    await signPetition(page, { first: "Rosa", email: who });
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    assert.equal(await shownCount(page), before, "a pending signature is not counted");

    const mail = await running.sink.waitFor((m) => m.to.includes(who));
    const link = /https?:\/\/\S+\/v1\/signatures\/confirm\?token=\S+/.exec(mail.text)?.[0];
    assert.ok(link, "the email holds a confirm link");
    const confirm = await running.browser.newPage();
    await confirm.goto(link);
    await page.reload();
    await page.getByRole("heading", { name: /713 million/i }).first().waitFor();
    assert.equal(await shownCount(page), before, "opening the link alone changes nothing");
    await confirm.getByRole("button", { name: "Confirm my signature" }).click();
    await confirm.getByRole("heading", { name: /counts/ }).waitFor();

    await page.reload();
    await page.getByRole("heading", { name: /713 million/i }).first().waitFor();
    assert.equal(await shownCount(page), before + 1);
    await page.close();
    await confirm.close();
  });
});
