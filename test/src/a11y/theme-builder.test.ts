// The Storybook theme tools, in Chromium from the built Storybook: the Theme toolbar puts a preset on
// a story, and the Theme builder story follows its controls live (the Controls panel sends the
// preview new args), prints the CSS for them and copies it.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../support/env.js";
import { serveFolder } from "../support/static-server.js";

const STATIC = fileURLToPath(new URL("../../../storybook-static/", import.meta.url));

/** Open a story and wait until it rendered and its play function finished. */
async function open(page: Page, url: string) {
  await page.goto(url);
  const phase = await page.waitForFunction(() => {
    const render = (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__?.currentRender;
    return render && ["finished", "errored", "aborted"].includes(render.phase ?? "") ? render.phase : undefined;
  }, undefined, { timeout: 60_000 });
  assert.equal(await phase.jsonValue(), "finished");
}

/** A computed style of an element inside the petition's shadow root. */
function petitionStyle(page: Page, selector: string, property: string): Promise<string> {
  return page.evaluate(
    ([sel, prop]) => getComputedStyle(document.querySelector("ck-petition")!.shadowRoot!.querySelector(sel!)!).getPropertyValue(prop!),
    [selector, property],
  );
}

describe("Storybook theme toolbar and theme builder", () => {
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  before(async () => {
    server = await serveFolder(STATIC);
    browser = await launchChromium();
    context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    page = await context.newPage();
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  test("the Theme toolbar's dark preset makes a story's petition dark; light keeps it white", async () => {
    await open(page, `${server.url}/iframe.html?id=widgets-petition--ready&viewMode=story&globals=theme:dark`);
    assert.equal(await petitionStyle(page, ".container", "background-color"), "rgb(22, 27, 34)");
    await open(page, `${server.url}/iframe.html?id=widgets-petition--ready&viewMode=story&globals=theme:light`);
    assert.equal(await petitionStyle(page, ".container", "background-color"), "rgb(255, 255, 255)");
  });

  test("a control change restyles the preview at once and the CSS block and the copy button give it", async () => {
    await open(page, `${server.url}/iframe.html?id=theming-theme-builder--builder&viewMode=story`);
    assert.equal(await petitionStyle(page, 'button[type="submit"]', "background-color"), "rgb(31, 94, 255)");
    // What the Controls panel's "update args" message runs in the preview when a colour is picked: new args, no reload.
    await page.evaluate(async () => {
      const preview = (window as unknown as { __STORYBOOK_PREVIEW__: { onUpdateArgs(update: { storyId: string; updatedArgs: object }): Promise<void> } }).__STORYBOOK_PREVIEW__;
      await preview.onUpdateArgs({ storyId: "theming-theme-builder--builder", updatedArgs: { primary: "#7a1f5c", radius: 0 } });
    });
    await page.waitForFunction(() => document.querySelector(".builder pre")?.textContent?.includes("--ck-color-primary: #7a1f5c"));
    assert.equal(await petitionStyle(page, 'button[type="submit"]', "background-color"), "rgb(122, 31, 92)");
    assert.equal(await petitionStyle(page, ".container", "border-top-left-radius"), "0px");
    const css = await page.locator(".builder pre").textContent();
    assert.match(css!, /^:root \{\n/);
    assert.match(css!, /--ck-radius: 0px;/);
    await page.getByRole("button", { name: "Copy CSS" }).click();
    await page.getByRole("status").filter({ hasText: "Copied." }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), css);
    assert.equal(await page.getByRole("row", { name: /Text on primary/ }).getByRole("cell").last().textContent(), "Passes");
  });
});
