// Cold loads of the demo partner pages in Chromium: time from navigation to the widget's form on
// screen, long tasks, requests and bytes before it, the chain of sequential requests after the
// HTML, and cumulative layout shift (a PerformanceObserver for `layout-shift`, as Lighthouse
// counts it: shifts without recent input). Each load is a fresh browser context (empty cache).
import { chromium } from "playwright-core";
import { startDemo } from "@coalition-kit/demo-site";
import { percentile } from "./support.mjs";
import { recordInitiators, sequentialHops } from "./request-chain.mjs";

const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** Pages and what "rendered" means on each: the selector inside the widget's shadow root. */
export const PAGES = [
  { page: "index.html", widget: "ck-petition", ready: 'form[part~="form"]' },
  { page: "conncan.html", widget: "ck-petition", ready: 'form[part~="form"]' },
  { page: "campaign.html", widget: "ck-petition", ready: 'form[part~="form"]' },
  { page: "trainings.html", widget: "ck-training-calendar", ready: '[part~="title"]' },
  { page: "meetings.html", widget: "ck-meeting-rsvp", ready: '[part~="occurrence"]' },
  { page: "survey.html", widget: "ck-survey", ready: '[part~="title"]' },
  { page: "stories.html", widget: "ck-story-form", ready: '[part~="form"], form' },
];

// Runs in the page before anything else: records layout shifts, long tasks and the moment the
// widget's `ready` element first exists (checked every animation frame).
const OBSERVE = ({ widget, ready }) => {
  const m = (window.__ckBench = { cls: 0, shifts: [], longTasks: [], readyAt: undefined });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) {
      m.cls += e.value;
      m.shifts.push({ at: Math.round(e.startTime), value: e.value });
    }
  }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) m.longTasks.push({ at: e.startTime, ms: e.duration });
  }).observe({ type: "longtask", buffered: true });
  const check = () => {
    if (document.querySelector(widget)?.shadowRoot?.querySelector(ready)) m.readyAt = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
};

async function coldLoad(browser, url, spec, throttle) {
  const context = await browser.newContext({ viewport: { width: 1350, height: 940 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (throttle > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  const initiators = await recordInitiators(cdp);
  const requests = [];
  page.on("requestfinished", async (request) => {
    const sizes = await request.sizes().catch(() => undefined);
    requests.push({ url: request.url(), method: request.method(), end: request.timing().responseEnd, bytes: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0, started: Date.now() });
  });
  await page.addInitScript(OBSERVE, { widget: spec.widget, ready: spec.ready });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => window.__ckBench.readyAt !== undefined, undefined, { timeout: 30_000 }).catch((error) => {
    throw new Error(`${spec.widget} on ${url}: ${spec.ready} never rendered`, { cause: error });
  });
  // Let late shifts (fonts, a second render) land before reading CLS.
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  const result = await page.evaluate(() => {
    const m = window.__ckBench;
    const resources = performance.getEntriesByType("resource").map((e) => ({ name: e.name, startTime: e.startTime, responseEnd: e.responseEnd, initiatorType: e.initiatorType }));
    const nav = performance.getEntriesByType("navigation")[0];
    const icons = [...document.querySelectorAll('link[rel~="icon"]')].map((l) => l.href);
    return { ...m, resources, icons, htmlEnd: nav.responseEnd };
  });
  // The tab's icon is left out: the browser fetches it on its own once the document has parsed,
  // nothing on the page waits for it, and where it happened to end just before a request began it
  // made that request look one hop deeper than the chain the form actually waits on.
  const before = result.resources.filter((r) => r.responseEnd <= result.readyAt && !result.icons.includes(r.name));
  const chain = sequentialHops(before, initiators, page.url());
  await context.close();
  const longBefore = result.longTasks.filter((t) => t.at <= result.readyAt);
  return {
    readyMs: result.readyAt,
    cls: result.cls,
    longTasks: longBefore.length,
    longTaskMs: longBefore.reduce((s, t) => s + t.ms, 0),
    requestsBefore: before.length + 1,
    bytesBefore: requests.filter((r) => before.some((b) => b.name === r.url) || r.url === url).reduce((s, r) => s + r.bytes, 0),
    hops: chain.hops,
    chain: chain.chain,
    preflights: requests.filter((r) => r.method === "OPTIONS").length,
  };
}

/** Median of `runs` cold loads of each page, unthrottled and with 4x CPU throttling. */
export async function widgetLoad({ runs = 5, pages = PAGES } = {}) {
  const demo = await startDemo({ apiPort: 0, sitePort: 0, memory: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const rows = [];
  try {
    for (const throttle of [1, 4]) {
      for (const spec of pages) {
        const loads = [];
        for (let i = 0; i < runs; i += 1) loads.push(await coldLoad(browser, `${demo.siteUrl}/${spec.page}`, spec, throttle));
        const median = (key) => percentile(loads.map((l) => l[key]), 50);
        // CK_BENCH_CHAINS=1: the deepest load's chain, to see what a hop beyond two waits on.
        if (process.env.CK_BENCH_CHAINS) console.error(`${spec.page} (CPU ÷${throttle}):`, loads.reduce((a, b) => (b.hops > a.hops ? b : a)).chain.join(" → "));
        rows.push({ page: spec.page, throttle, readyMs: median("readyMs"), cls: Math.max(...loads.map((l) => l.cls)), longTasks: median("longTasks"), longTaskMs: median("longTaskMs"), requestsBefore: median("requestsBefore"), bytesBefore: median("bytesBefore"), hops: Math.max(...loads.map((l) => l.hops)), preflights: Math.max(...loads.map((l) => l.preflights)) });
      }
    }
  } finally {
    await browser.close();
    await demo.close();
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await widgetLoad({ runs: Number(process.env.CK_BENCH_LOADS ?? 5), ...(process.env.CK_BENCH_PAGES ? { pages: PAGES.filter((p) => process.env.CK_BENCH_PAGES.split(",").includes(p.page)) } : {}) });
  console.table(rows);
}
