// Widget tests run in Debian's Chromium against the real API (PGlite in memory), started here.
import { fileURLToPath } from "node:url";
import { esbuildPlugin } from "@web/dev-server-esbuild";
import { chromeLauncher } from "@web/test-runner-chrome";
import { createSecretKey, loadSeedFile, migrate, openDb, seed, startServer } from "@coalition-kit/api";
import { TEST_PETITIONS, TEST_TRAININGS, testMeeting } from "./src/test-support/fixtures.mjs";

const PAGE_PORT = Number(process.env.CK_WTR_PORT ?? 8000);
const API_PORT = Number(process.env.CK_TEST_API_PORT ?? 8788);
const SEED = fileURLToPath(new URL("../../seeds/ct-funding-gap.json", import.meta.url));
const SURVEY_SEED = fileURLToPath(new URL("../../seeds/sej-students-over-sros.json", import.meta.url));

/** The API started for this run: its database, server and an organizer's secret key. */
let running;

/** Starts the API with a fresh seeded database before the tests and stops it after. */
function realApi() {
  return {
    name: "coalition-kit-api",
    async serverStart() {
      const db = await openDb({ memory: true });
      await migrate(db);
      const data = await loadSeedFile(SEED);
      data.petitions.push(...TEST_PETITIONS);
      data.trainings = [...(data.trainings ?? []), ...TEST_TRAININGS];
      const extraOrigins = [`http://localhost:${PAGE_PORT}`, `http://127.0.0.1:${PAGE_PORT}`];
      await seed(db, data, { extraOrigins });
      const sej = await loadSeedFile(SURVEY_SEED);
      sej.meetings = [...(sej.meetings ?? []), testMeeting()];
      await seed(db, sej, { extraOrigins });
      const server = await startServer({ port: API_PORT, db, rateLimit: { signaturesPerMinute: 1000 } });
      running = { db, server, secretKey: (await createSecretKey(db, "ct-fund-our-schools")).key };
    },
    async serverStop() {
      await running?.server.close();
      await running?.db.close();
    },
  };
}

export default {
  files: ["src/**/*.test.ts"],
  nodeResolve: true,
  port: PAGE_PORT,
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [esbuildPlugin({ ts: true, target: "es2021" }), realApi()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
        headless: true,
        args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
      },
    }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html><html><head><meta charset="utf-8"></head><body>
    <script>window.CK_TEST_API = "http://127.0.0.1:${API_PORT}"; window.CK_TEST_SECRET_KEY = ${JSON.stringify(running?.secretKey ?? "")};</script>
    <script type="module" src="${testFramework}"></script></body></html>`,
};
