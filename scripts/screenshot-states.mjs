#!/usr/bin/env node
// Chromium screenshots of the states a page load alone does not show (issue 21's points), at 1280 px:
//   node scripts/screenshot-states.mjs docs/screenshots/states
// It starts its own demo in memory, then: the petition's field errors in one pass, the petition
// with the form first, the story counter near and past its limit, the dark and high-contrast
// presets, and the console's over-time chart and story moderation history. Element screenshots,
// so each PNG holds only what it shows. Needs `pnpm run build` first and Chromium at /usr/bin/chromium.
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { chromium } = createRequire(join(ROOT, "test/package.json"))("playwright-core");
const { STORY_MAX } = await import(join(ROOT, "packages/schema/dist/rules.js"));

const SENTENCE = "Our school has one counselor for six hundred students, and the wait to see her is three weeks. ";
const out = process.argv[2];
if (!out) {
  console.error("usage: node scripts/screenshot-states.mjs <output folder>");
  process.exit(2);
}
const folder = resolve(out);
await mkdir(folder, { recursive: true });

// This script signs 24 times from one address for the chart: above the API's per-address default.
process.env.CK_SIGNATURES_PER_MINUTE ??= "1000";
const { startDemo } = await import(join(ROOT, "apps/demo-site/src/start-demo.mjs"));
const demo = await startDemo({ apiPort: 0, sitePort: 0, memory: true });
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium", headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US", timezoneId: "America/New_York" });

/** Save `locator`'s element as <name>.png. */
async function shoot(locator, name) {
  const file = join(folder, `${name}.png`);
  await locator.screenshot({ path: file, animations: "disabled", caret: "hide" });
  console.log(`  ${file}`);
}

/** A demo page with its widgets loaded; `before` runs on the page first (a theme link, an attribute). */
async function open(path, before) {
  const page = await context.newPage();
  await page.goto(demo.siteUrl + path, { waitUntil: "networkidle" });
  if (before) await before(page);
  await page.waitForFunction(() => !document.querySelector("[data-ck-loading]"), undefined, { timeout: 10_000 }).catch(() => {});
  await page.evaluate(() => document.fonts.ready);
  return page;
}

try {
  // Every bad field reported at once: a bad email, a short ZIP and no age group.
  let page = await open("/");
  // The widget's own form (the no-JS fallback form stays unrendered in light DOM).
  const petition = page.locator('ck-petition form[part~="form"]');
  await petition.getByLabel(/first name/i).fill("Maya");
  await petition.getByLabel(/^email/i).fill("maya@");
  await petition.getByLabel(/zip/i).fill("651");
  await petition.getByRole("button", { name: /add your name/i }).click();
  await petition.locator("#ageBand-error").waitFor();
  await shoot(petition, "petition-errors-one-pass");
  await page.close();

  // layout="form-first": the form above the fold, the text folded under "Read the full petition".
  page = await open("/", (p) => p.locator("ck-petition").evaluate((el) => el.setAttribute("layout", "form-first")));
  const path = join(folder, "petition-form-first.png");
  await page.screenshot({ path, animations: "disabled", caret: "hide" });
  console.log(`  ${path}`);
  await page.close();

  // The story's character counter: a warning from 90 % of the limit, an error style past it.
  page = await open("/stories.html");
  const story = page.locator("ck-story-form #ck-story");
  const words = (n) => SENTENCE.repeat(Math.ceil(n / SENTENCE.length)).slice(0, n);
  await story.fill(words(Math.round(STORY_MAX * 0.95)));
  const field = page.locator("ck-story-form .field", { has: page.locator("#ck-story") });
  await shoot(field, "story-counter-warning");
  await story.fill(words(STORY_MAX + 40));
  await shoot(field, "story-counter-over");
  await page.close();

  // The theme presets as a partner links them: <link rel="stylesheet" href=".../themes/<name>.css">.
  // The demo site sets its own brand colour on the widgets (site.css), which would win over the
  // preset's; here it is left out, and the page turns dark with the dark preset as a dark site would.
  const pageStyle = { dark: "body { background: #0d1117; color: #e8ecf1; }", "high-contrast": "" };
  for (const preset of ["dark", "high-contrast"]) {
    page = await open("/", async (p) => {
      await p.addStyleTag({ url: `${demo.apiUrl}/embed/v1/themes/${preset}.css` });
      await p.addStyleTag({ content: `ck-petition { --ck-color-primary: unset; } ${pageStyle[preset]}` });
    });
    await shoot(page.locator("ck-petition"), `theme-${preset}`);
    await page.close();
  }

  // The console: a petition's signatures over time, and the story moderation history (one story
  // sent as a student would, then approved in the console).
  const sent = await fetch(`${demo.apiUrl}/v1/stories/tell-your-story`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Partner-Key": "pk_demo_faithacts", Origin: demo.siteUrl, "Idempotency-Key": crypto.randomUUID() },
    body: JSON.stringify({ title: "Three weeks to see a counselor", story: words(400), role: "student", ageBand: "13_17", publish: "anonymous", consentPublish: true }),
  });
  if (!sent.ok) throw new Error(`story not sent: ${sent.status} ${await sent.text()}`);
  // 24 signatures through the API, then spread over the last 12 days, so the chart has days to draw.
  for (let i = 0; i < 24; i += 1) {
    const signed = await fetch(`${demo.apiUrl}/v1/petitions/ct-funding-gap/signatures`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Partner-Key": "pk_demo_e4e", Origin: demo.siteUrl, "Idempotency-Key": crypto.randomUUID() },
      body: JSON.stringify({ firstName: "Sam", email: `states-${i}@example.org`, zip: "06511", ageBand: "18_plus" }),
    });
    if (!signed.ok) throw new Error(`signature not stored: ${signed.status} ${await signed.text()}`);
  }
  await demo.db.query("update signatures set created_at = created_at - make_interval(days => abs(hashtext(id::text)) % 12) where petition_id = (select id from petitions where slug = 'ct-funding-gap')");
  page = await context.newPage();
  await page.goto(`${demo.apiUrl}/admin/`);
  await page.getByLabel("Secret key").fill(demo.organizerKey);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.goto(`${demo.apiUrl}/admin/#/petitions/ct-funding-gap`);
  await page.locator("ck-admin-petition[data-loaded]").waitFor();
  await shoot(page.locator('ck-admin-petition svg[role="img"]'), "console-petition-chart");
  await page.getByRole("link", { name: "Story moderation" }).click();
  await page.locator("ck-admin-stories[data-loaded]").waitFor();
  const approve = page.getByRole("button", { name: "Approve" }).first();
  if (await approve.count()) {
    await approve.click();
    await page.getByRole("heading", { name: "Moderation history" }).waitFor();
    await page.locator("ck-admin-stories td", { hasText: "Approved" }).first().waitFor();
  }
  await shoot(page.locator("ck-admin-stories"), "console-moderation-history");
  await page.close();
} finally {
  await context.close();
  await browser.close();
  await demo.close();
}
