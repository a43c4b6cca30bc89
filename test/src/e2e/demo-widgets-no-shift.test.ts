// The demo's other widget pages as a first-time visitor sees them in real Chromium: while each
// widget loads its code and data, nothing on the partner's page moves (the loader and
// coalition-kit.css keep the widget's room until it renders). The petition's own page is checked,
// with its reads, in demo-first-render.test.ts.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { DB_LABEL } from "../support/env.js";
import { demoInChromium } from "../support/demo.js";

/** Each page, and what the visitor sees once its widget has rendered (inside its shadow root). */
const PAGES = [
  { path: "/conncan.html", rendered: 'ck-petition form[part~="form"]' },
  { path: "/campaign.html?petition=ct-funding-gap", rendered: 'ck-petition form[part~="form"]' },
  { path: "/trainings.html", rendered: 'ck-training-calendar [part~="sessions"]' },
  { path: "/meetings.html", rendered: 'ck-meeting-rsvp [part~="occurrence"]' },
  { path: "/survey.html", rendered: 'ck-survey [part~="title"]' },
  { path: "/stories.html", rendered: 'ck-story-form [part~="form"]' },
];

/** Before any page script: record every layout shift not caused by input, and what moved. */
const recordShifts = () => {
  const shifts: Array<{ value: number; nodes: string[] }> = [];
  (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean; sources: Array<{ node?: Element }> }>) {
      if (!e.hadRecentInput) shifts.push({ value: e.value, nodes: e.sources.map((s) => (s.node ? `${s.node.nodeName.toLowerCase()}${s.node.className ? `.${s.node.className}` : ""}` : "?")) });
    }
  }).observe({ type: "layout-shift", buffered: true });
};

describe(`the demo's widget pages keep still while their widget loads, in Chromium (${DB_LABEL})`, () => {
  const running = demoInChromium();

  for (const { path, rendered } of PAGES) {
    test(`${path}: nothing below the widget moves when its content arrives`, async () => {
      const context = await running.browser.newContext({ viewport: { width: 1350, height: 940 } });
      const page = await context.newPage();
      await page.addInitScript(recordShifts);
      await page.goto(running.demo.siteUrl + path);
      await page.locator(rendered).first().waitFor();
      await page.waitForLoadState("networkidle");
      const shifts = await page.evaluate(() => (window as unknown as { __shifts: Array<{ value: number; nodes: string[] }> }).__shifts);
      assert.deepEqual(shifts, [], "no layout shift: the footer stays where the first paint put it");
      await context.close();
    });
  }
});
