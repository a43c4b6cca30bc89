#!/usr/bin/env node
// Chromium screenshots of every demo page at 1280 px and 375 px wide, for before/after comparisons:
//   node scripts/screenshots.mjs docs/screenshots/after            (starts its own demo, in memory)
//   node scripts/screenshots.mjs docs/screenshots/after --site http://127.0.0.1:5174   (a running demo)
// Each page is saved as <page>-<width>.png, the viewport only (1280×900 and 375×812), so the PNGs
// stay small. Needs `pnpm run build` first and Chromium at /usr/bin/chromium (or CHROME_PATH).
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { chromium } = createRequire(join(ROOT, "test/package.json"))("playwright-core");

/** Every page of the demo partner site (apps/demo-site/public), by the name its PNGs get. */
export const DEMO_PAGES = [
  ["index", "/"],
  ["conncan", "/conncan.html"],
  ["trainings", "/trainings.html"],
  ["stories", "/stories.html"],
  ["survey", "/survey.html"],
  ["meetings", "/meetings.html"],
  ["campaign", "/campaign.html?petition=ct-funding-gap"],
  ["tabling", "/tabling.html"],
  ["react", "/react.html"],
  ["vue", "/vue.html"],
  ["hostile", "/hostile.html"],
  ["strict-csp", "/strict-csp.html"],
  ["thanks", "/thanks.html"],
];

/** The two widths the issue asks for, with a typical window height. */
const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 375, height: 812 },
];

const args = process.argv.slice(2);
const out = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--site");
if (!out) {
  console.error("usage: node scripts/screenshots.mjs <output folder> [--site <demo site URL>]");
  process.exit(2);
}
const siteIndex = args.indexOf("--site");
let siteUrl = siteIndex >= 0 ? args[siteIndex + 1] : undefined;
let demo;
if (!siteUrl) {
  const { startDemo } = await import(join(ROOT, "apps/demo-site/src/start-demo.mjs"));
  demo = await startDemo({ apiPort: 0, sitePort: 0, memory: true });
  siteUrl = demo.siteUrl;
}
const folder = resolve(out);
await mkdir(folder, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
try {
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport, isMobile: viewport.width < 500, hasTouch: viewport.width < 500, locale: "en-US", timezoneId: "America/New_York" });
    for (const [name, path] of DEMO_PAGES) {
      const page = await context.newPage();
      await page.goto(siteUrl + path, { waitUntil: "networkidle" });
      // Widgets keep `data-ck-loading` until their form is on screen.
      await page.waitForFunction(() => !document.querySelector("[data-ck-loading]"), undefined, { timeout: 10_000 }).catch(() => {});
      await page.evaluate(() => document.fonts.ready);
      const file = join(folder, `${name}-${viewport.width}.png`);
      await page.screenshot({ path: file, animations: "disabled", caret: "hide" });
      console.log(`  ${file}`);
      await page.close();
    }
    await context.close();
  }
} finally {
  await browser.close();
  await demo?.close();
}
