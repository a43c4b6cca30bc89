// The demo's story page in real Chromium: a story submitted there shows on the wall only after an
// organizer approves it; an anonymous story shows no name anywhere in the API; withdrawal removes it.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { DB_LABEL } from "../support/env.js";
import { demoInChromium } from "../support/demo.js";

async function tell(page: Page, title: string, share: RegExp, firstName?: string): Promise<string> {
  const form = page.locator('ck-story-form form[part~="form"]');
  await form.getByLabel(/give your story a title/i).fill(title);
  await form.getByLabel("Your story", { exact: true }).fill("Our school cut the music program and the after-school bus, so half of us can't stay for clubs anymore.");
  await form.getByRole("radio", { name: "Student" }).check();
  await form.getByRole("radio", { name: "13 to 17" }).check();
  await form.getByRole("radio", { name: share }).check();
  if (firstName) await form.getByLabel(/first name/i).fill(firstName);
  await form.getByLabel(/publish my story/i).check();
  await form.getByRole("button", { name: "Send my story" }).click();
  await page.getByRole("heading", { name: "Thank you for sharing your story!" }).waitFor();
  return (await page.locator("ck-story-form .success a").getAttribute("href"))!;
}

describe(`demo story page in Chromium (${DB_LABEL})`, () => {
  const running = demoInChromium();

  const admin = (path: string, body?: unknown) =>
    fetch(`${running.demo.apiUrl}${path}`, {
      method: body ? "POST" : "GET",
      headers: { Authorization: `Bearer ${running.demo.organizerKey}`, "Content-Type": "application/json" },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  test("a story appears on the wall only after approval; anonymous means no name anywhere; withdrawal removes it", async () => {
    const page = await running.browser.newPage();
    await page.goto(`${running.demo.siteUrl}/stories.html`);
    const title = "No more music, no more bus";
    const withdrawUrl = await tell(page, title, /without my name/i);

    await page.reload();
    await page.locator("ck-story-wall .empty").waitFor();

    const queue = (await (await admin("/v1/admin/stories")).json()) as { stories: Array<{ id: string; title: string; partner: string }> };
    const mine = queue.stories.find((s) => s.title === title)!;
    assert.equal(mine.partner, "FaithActs for Education");
    assert.equal((await admin(`/v1/admin/stories/${mine.id}/moderation`, { decision: "approve" })).status, 200);

    await page.reload();
    const card = page.locator("ck-story-wall li.story", { hasText: title });
    await card.waitFor();
    assert.equal(await card.locator(".byline").innerText(), "— A student");
    for (const path of ["/v1/stories/tell-your-story/wall", "/v1/admin/stories?status=approved"]) {
      const text = await (await admin(path)).text();
      assert.ok(text.includes(title));
      assert.doesNotMatch(text, /"authorName":"[^"]/);
    }

    const withdraw = await running.browser.newPage();
    await withdraw.goto(withdrawUrl);
    await withdraw.getByRole("button", { name: "Yes, withdraw my story" }).click();
    await withdraw.getByRole("heading", { name: "Your story has been withdrawn." }).waitFor();
    await page.reload();
    await page.locator("ck-story-wall .empty").waitFor();
    assert.equal(await page.locator("ck-story-wall li.story", { hasText: title }).count(), 0);
  });
});
