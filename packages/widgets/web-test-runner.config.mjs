// Widget tests run in Debian's Chromium against the real API (PGlite in memory), started here.
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { esbuildPlugin } from "@web/dev-server-esbuild";
import { chromeLauncher } from "@web/test-runner-chrome";
import { createLogger, createSecretKey, loadSeedFile, migrate, openDb, seed, startServer } from "@coalition-kit/api";
import { TEST_PETITIONS, TEST_TRAININGS, testMeeting } from "./src/test-support/fixtures.mjs";

/** A port nothing listens on right now, so two runs on one machine never collide. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const PAGE_PORT = Number(process.env.CK_WTR_PORT || (await freePort()));
/** The API listens on a port the system gives it (0), so nothing can take it between choosing and listening. */
const API_PORT = Number(process.env.CK_TEST_API_PORT || 0);
const SEED = fileURLToPath(new URL("../../seeds/ct-funding-gap.json", import.meta.url));
const SURVEY_SEED = fileURLToPath(new URL("../../seeds/sej-students-over-sros.json", import.meta.url));

/** The API started for this run: its database, server (with its address) and an organizer's secret key. */
let running;
/** Pages whose requests to the API fail (ck-offline), and whether they do now. */
const offlinePages = new WeakMap();

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
      const server = await startServer({ port: API_PORT, db, rateLimit: { signaturesPerMinute: 1000 }, logger: createLogger(process.env.LOG_LEVEL ?? "warn") });
      // The same API and database with a classroom's limits: the 3rd write a minute from one address is asked for a proof-of-work.
      const classroom = await startServer({ port: 0, db, webhooks: false, rateLimit: { signaturesPerMinute: 2, challengeWork: 2000 }, logger: createLogger(process.env.LOG_LEVEL ?? "warn") });
      running = {
        db,
        server,
        classroom,
        secretKey: (await createSecretKey(db, "ct-fund-our-schools")).key,
        // SEJ's organizer, for its meetings (the CT key sees only CT's campaigns and people).
        sejSecretKey: (await createSecretKey(db, "students-for-educational-justice")).key,
      };
    },
    async serverStop() {
      await running?.classroom.close();
      await running?.server.close();
      await running?.db.close();
    },
    /**
     * `ck-admin` ({ method?, path, body?, organization? }): an organizer's request to the admin API
     * with the secret key (CT's, or SEJ's with organization "sej"), sent from Node, since the admin
     * API answers no partner page's CORS. Resolves { status, body }.
     */
    async executeCommand({ command, payload, session }) {
      // `ck-offline` ({ offline }): the API cannot be reached from the page (each request to it fails
      // as with no network), as on a device at a table; the test runner's own connection stays.
      if (command === "ck-offline") {
        const page = session.browser.getPage(session.id);
        const apis = [running.server.url, running.classroom.url];
        if (!offlinePages.has(page)) {
          offlinePages.set(page, false);
          await page.setRequestInterception(true);
          page.on("request", (request) => {
            if (request.isInterceptResolutionHandled()) return;
            if (offlinePages.get(page) && apis.some((api) => request.url().startsWith(api))) void request.abort("internetdisconnected");
            else void request.continue();
          });
        }
        offlinePages.set(page, Boolean(payload.offline));
        return true;
      }
      if (command !== "ck-admin") return undefined;
      const res = await fetch(`${running.server.url}${payload.path}`, {
        method: payload.method ?? "GET",
        headers: { Authorization: `Bearer ${payload.organization === "sej" ? running.sejSecretKey : running.secretKey}`, "Content-Type": "application/json" },
        ...(payload.body === undefined ? {} : { body: JSON.stringify(payload.body) }),
      });
      return { status: res.status, body: res.headers.get("content-type")?.includes("json") ? await res.json() : await res.text() };
    },
  };
}

export default {
  files: ["src/**/*.test.ts"],
  nodeResolve: true,
  port: PAGE_PORT,
  concurrency: 1,
  // Upper bounds for a busy 2-core machine (nothing waits for them to pass).
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 600_000,
  // An upper bound for a test on a busy 2-core machine, not a wait: tests wait for conditions.
  testFramework: { config: { timeout: 30_000 } },
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
    <script>window.CK_TEST_API = ${JSON.stringify(running?.server.url ?? "")}; window.CK_TEST_CLASSROOM_API = ${JSON.stringify(running?.classroom.url ?? "")};</script>
    <script type="module" src="${testFramework}"></script></body></html>`,
};
