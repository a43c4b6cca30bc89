// What a proof-of-work challenge costs the signer (issue 20): the widgets' own solver chunk, as the
// embed build ships it, solving challenges made as the API makes them (CK_CHALLENGE_WORK 50,000 as
// shipped), in Chromium with and without 4× CPU throttling (an older Chromebook or phone).
import { readdir, readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { createChallenge, randomInt } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { ROOT, percentile } from "./support.mjs";

const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const EMBED = join(ROOT, "packages/widgets/dist/embed/");

export async function challengeSolve({ runs = 20, work = 50_000 } = {}) {
  const file = (await readdir(EMBED)).find((f) => f.startsWith("petition-challenge-solver.") && f.endsWith(".js"));
  if (!file) throw new Error("no solver chunk: run the build first");
  const solver = await readFile(join(EMBED, file));
  const server = createServer((req, res) => {
    if (req.url === "/solver.js") res.writeHead(200, { "Content-Type": "text/javascript" }).end(solver);
    else res.writeHead(200, { "Content-Type": "text/html" }).end("<!doctype html><title>solve</title>");
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const rows = [];
  try {
    for (const throttle of [1, 4]) {
      const page = await browser.newPage();
      await page.goto(`${origin}/`);
      if (throttle > 1) await (await page.context().newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: throttle });
      const times = [];
      for (let i = 0; i < runs; i += 1) {
        const challenge = await createChallenge({ algorithm: "SHA-256", cost: 1, counter: randomInt(Math.ceil(work / 2), work), deriveKey, hmacSignatureSecret: "bench", hmacKeySignatureSecret: "bench:key" });
        times.push(
          await page.evaluate(async ([url, c]) => {
            const { solve } = await import(url);
            const started = performance.now();
            if (!(await solve(c))) throw new Error("not solved");
            return performance.now() - started;
          }, [`${origin}/solver.js`, challenge]),
        );
      }
      rows.push({ throttle, runs, work, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), chunkBytes: solver.length });
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return rows;
}
