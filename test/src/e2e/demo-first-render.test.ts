// What a visitor sees while a partner page loads the petition, in real Chromium: the page does not
// jump (the widget keeps its room from the first paint), the widget asks for its data once, beside
// its code, with no CORS preflight, and if the widget's code cannot load the page's no-JavaScript
// form comes back instead of an empty box.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Request } from "playwright-core";
import { DB_LABEL } from "../support/env.js";
import { demoInChromium } from "../support/demo.js";

/** Before any page script: record every layout shift not caused by input, as Lighthouse counts them. */
const recordShifts = () => {
  const shifts: Array<{ value: number; nodes: string[] }> = [];
  (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean; sources: Array<{ node?: Node }> }>) {
      if (!e.hadRecentInput) shifts.push({ value: e.value, nodes: e.sources.map((s) => s.node?.nodeName ?? "?") });
    }
  }).observe({ type: "layout-shift", buffered: true });
};

describe(`the petition's first render on a partner page, in Chromium (${DB_LABEL})`, () => {
  const running = demoInChromium();

  test("nothing on the page moves while the petition loads, and its data is read once with no preflight", async () => {
    const context = await running.browser.newContext({ viewport: { width: 1350, height: 940 } });
    const page = await context.newPage();
    await page.addInitScript(recordShifts);
    const reads: Request[] = [];
    page.on("request", (request) => {
      if (request.url().startsWith(`${running.demo.apiUrl}/v1/`)) reads.push(request);
    });
    await page.goto(`${running.demo.siteUrl}/`);
    await page.locator('ck-petition form[part~="form"]').getByRole("button", { name: /add your name/i }).waitFor();
    await page.waitForLoadState("networkidle");

    const shifts = await page.evaluate(() => (window as unknown as { __shifts: Array<{ value: number; nodes: string[] }> }).__shifts);
    assert.deepEqual(shifts, [], "no layout shift: the footer stays where the first paint put it");
    assert.equal(reads.length, 1, `one API request: ${reads.map((r) => `${r.method()} ${r.url()}`).join(", ")}`);
    const [read] = reads;
    assert.equal(read!.method(), "GET");
    assert.equal(read!.url(), `${running.demo.apiUrl}/v1/petitions/ct-funding-gap?key=pk_demo_e4e`, "the partner key travels in the URL");
    const headers = await read!.allHeaders();
    assert.equal(headers["x-partner-key"], undefined, "no custom header, so the browser sends no preflight");
    assert.equal(await page.locator("ck-petition").getAttribute("data-ck-loading"), null, "the reserved room is let go once the form is on screen");
    await context.close();
  });

  test("when the widget's code cannot load, the page's own no-JavaScript form is shown", async () => {
    const context = await running.browser.newContext();
    await context.route(/\/embed\/v1\/petition\.[\w-]{6,}\.js$/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${running.demo.siteUrl}/`);
    const fallback = page.locator("ck-petition > form.fallback");
    await fallback.getByRole("button", { name: "Add your name" }).waitFor({ state: "visible" });
    assert.equal(await page.locator("ck-petition").getAttribute("data-ck-failed"), "");
    await context.close();
  });
});
