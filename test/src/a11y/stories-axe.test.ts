// axe-core over every Storybook story in every theme preset (the "Theme" toolbar: light, dark,
// high contrast), rendered in Chromium from the built Storybook: zero violations, WCAG 2.2 target
// size (24 x 24 CSS px) included. Runs after `storybook build` (the test command builds it first).
// One page serves every run: Storybook is loaded once per story and theme in it.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/env.js";
import { serveFolder } from "../support/static-server.js";

const STATIC = fileURLToPath(new URL("../../../storybook-static/", import.meta.url));
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

const index = JSON.parse(await readFile(`${STATIC}index.json`, "utf8")) as { entries: Record<string, { id: string; type: string; title: string; name: string }> };
const stories = Object.values(index.entries).filter((e) => e.type === "story");
/** The presets in @coalition-kit/widgets/themes/ that the Storybook toolbar offers. */
const THEMES = ["light", "dark", "high-contrast"] as const;
const PRESETS = fileURLToPath(new URL("../../../packages/widgets/themes/", import.meta.url));
const presetCss = Object.fromEntries(await Promise.all(THEMES.map(async (t) => [t, await readFile(`${PRESETS}${t}.css`, "utf8")] as const)));

describe("accessibility: axe-core on every story in every theme", () => {
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let browser: Browser;
  let page: Page;
  let axeSource: string;
  before(async () => {
    server = await serveFolder(STATIC);
    browser = await launchChromium();
    page = await browser.newPage();
    axeSource = await readFile(AXE, "utf8");
  });
  after(async () => {
    await page?.close();
    await browser?.close();
    await server?.close();
  });

  test("there are stories for every widget", () => {
    const titles = new Set(stories.map((s) => s.title));
    for (const title of ["Widgets/Petition", "Widgets/Training calendar", "Widgets/Stories", "Widgets/Survey", "Widgets/Meeting RSVP"]) assert.ok(titles.has(title), title);
  });

  test("the theme builder story is there", () => {
    assert.ok(stories.some((s) => s.title === "Theming/Theme builder"));
  });

  for (const theme of THEMES) {
    for (const story of stories) {
      test(`${theme}: ${story.title} / ${story.name}`, async () => {
        await page.goto(`${server.url}/iframe.html?id=${story.id}&viewMode=story&globals=theme:${theme}`);
        // Wait for Storybook's own render lifecycle to end: the story rendered, its play function
        // reached the state it shows (each play waits for it), and the a11y add-on's own axe run
        // (an afterEach hook) finished, so two axe runs never overlap.
        const phase = await page.waitForFunction(() => {
          const render = (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__?.currentRender;
          return render && ["finished", "errored", "aborted"].includes(render.phase ?? "") ? render.phase : undefined;
        }, undefined, { timeout: 60_000 });
        assert.equal(await phase.jsonValue(), "finished", "the story rendered and its play function completed");
        assert.equal(await page.evaluate(() => document.getElementById("ck-theme-preset")?.textContent), presetCss[theme], `the ${theme} preset, as shipped, is on the page`);
        await page.addScriptTag({ content: axeSource });
        const violations = (await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
          const result = await axe.run({ include: [["#storybook-root"]] }, { resultTypes: ["violations"], rules: { "target-size": { enabled: true } } });
          return result.violations;
        })) as AxeViolation[];
        const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
        assert.deepEqual(summary, []);
      });
    }
  }
});
