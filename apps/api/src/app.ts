import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { compress } from "hono/compress";
import { routePath } from "hono/route";
import { pickLocale } from "@coalition-kit/schema";
import { envConfig } from "./config.js";
import type { Db } from "./db/types.js";
import { adminAuthLimits } from "./http/admin-request.js";
import { SIGNED_LINK_PATHS, signedLinkLimit } from "./http/link-limit.js";
import type { Clock } from "./services/platform/rate-limit.js";
import { partnerCors } from "./http/cors.js";
import { forgetPublicReads } from "./http/public-read.js";
import { keepPageViews } from "./http/kept-page-views.js";
import { ApiError } from "./services/errors.js";
import { PAGE_CSP } from "./http/html.js";
import { embedRoutes } from "./routes/embed.js";
import { adminConsoleRoutes } from "./routes/admin-console.js";
import { meetingManageRoutes, meetingRoutes } from "./routes/meetings.js";
import { petitionRoutes } from "./routes/petitions.js";
import { adminStoryRoutes } from "./routes/admin-stories.js";
import { adminSurveyRoutes } from "./routes/admin-surveys.js";
import { adminOrganizationRoutes } from "./routes/admin-organization.js";
import { adminConnectorRoutes } from "./routes/admin-connectors.js";
import { adminPeopleRoutes } from "./routes/admin-people.js";
import { adminSettingsRoutes } from "./routes/admin-settings.js";
import { adminPetitionRoutes } from "./routes/admin-petitions.js";
import { adminCampaignRoutes } from "./routes/admin-campaigns.js";
import { registrationRoutes } from "./routes/registrations.js";
import { storyRoutes } from "./routes/stories.js";
import { surveyRoutes } from "./routes/surveys.js";
import { trainingRoutes } from "./routes/trainings.js";
import { messageRoutes } from "./routes/messages.js";
import { adminMessageRoutes } from "./routes/admin-messages.js";
import { consentRoutes, signatureRoutes } from "./routes/signatures.js";
import { log, logError, type Logger } from "./log.js";
import { requestIds, requestLog } from "./http/request-log.js";
import { createHttpMetrics } from "./http/metrics.js";
import { opsRoutes } from "./routes/ops.js";
import { openApiRoutes } from "./routes/openapi.js";
import { docsRoutes } from "./routes/docs.js";
import { adminAttendanceRoutes } from "./routes/admin-attendance.js";

export interface AppOptions {
  db: Db;
  /** Per-IP writes per minute per action, and per partner key from all addresses (default from the environment). */
  rateLimit?: { signaturesPerMinute: number; challengedWritesPerMinute?: number; challengeWork?: number; keyWritesPerMinute?: number; adminAuthFailuresPerMinute?: number; adminRequestsPerMinute?: number; linkRequestsPerMinute?: number };
  /** Folder served at /embed/v1/ (default: the widgets package's dist/embed). */
  embedDir?: string;
  /** Built organizer console (apps/admin/dist), served at /admin/. */
  adminDir?: string;
  maxBodyBytes?: number;
  /** How many of your own proxies append to X-Forwarded-For (0: ignore it). */
  trustedProxies?: number;
  /** The clock for rate-limit windows (tests freeze it so a window never ends mid-test). */
  clock?: Clock;
  /** Where request lines and error logs go (default: the process's pino logger on stdout, at LOG_LEVEL). */
  logger?: Logger;
  /** The bearer token that opens /metrics (default: METRICS_TOKEN; without one /metrics is not served). */
  metricsToken?: string;
  /** True once the server is stopping (server-start.ts): /ready answers 503. */
  draining?: () => boolean;
}

export const DEFAULT_ADMIN_DIR = fileURLToPath(new URL("../../admin/dist/", import.meta.url));
export const DEFAULT_EMBED_DIR = fileURLToPath(new URL("../../../packages/widgets/dist/embed/", import.meta.url));

export function createApp(options: AppOptions): Hono {
  const { db } = options;
  const app = new Hono();
  const config = envConfig();
  const logger = options.logger ?? log();
  const metrics = createHttpMetrics(db);

  // Outermost: a page view answered from memory is kept, final headers and all, for the node
  // listener to answer the next identical one before the app (http/kept-page-views.ts).
  app.use("*", keepPageViews(db, logger, metrics));
  app.use("*", requestIds());
  app.use("*", requestLog(logger, metrics));
  app.use("*", async (c, next) => {
    await next();
    c.res.headers.set("X-Content-Type-Options", "nosniff");
    // Stopping: this answer is the connection's last, so the server can close once it is sent.
    if (options.draining?.()) c.res.headers.set("Connection", "close");
    c.res.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
    // The API's own pages (thank-you, emailed links, manage an RSVP) are personal: a strict CSP and
    // never cached. The console (/admin/) and the API reference (/docs) set their own policies.
    if (c.res.headers.get("content-type")?.startsWith("text/html") && !c.req.path.startsWith("/admin") && !c.req.path.startsWith("/docs")) {
      c.res.headers.set("Content-Security-Policy", PAGE_CSP);
      c.res.headers.set("Cache-Control", "no-store");
      c.res.headers.set("Referrer-Policy", "no-referrer");
    }
  });
  app.route("/", opsRoutes(db, { metrics, metricsToken: options.metricsToken ?? config.metricsToken, draining: options.draining ?? (() => false), logger }));
  // Reads go gzipped, and only to a client that accepts it: for any other the middleware still
  // rewraps the answer as a stream, which halves the rate of reads served from memory (public reads
  // name Accept-Encoding in Vary themselves). Writes answer a few hundred bytes, and Chromium
  // refused some gzipped answers to cross-origin POSTs from the widget tests' page.
  const gzip = compress();
  app.use("/v1/*", (c, next) => (c.req.method === "GET" && /gzip|deflate/i.test(c.req.header("accept-encoding") ?? "") ? gzip(c, next) : next()));
  app.use("/v1/*", partnerCors(db));
  // A write answered here forgets the public reads kept in memory (http/public-read.ts).
  app.use("/v1/*", async (c, next) => {
    await next();
    if (c.req.method !== "GET" && c.req.method !== "HEAD" && c.req.method !== "OPTIONS" && c.res.status < 400) forgetPublicReads(db);
  });
  const writeOptions = {
    signaturesPerMinute: options.rateLimit?.signaturesPerMinute ?? config.signaturesPerMinute,
    challengedWritesPerMinute: options.rateLimit?.challengedWritesPerMinute ?? config.challengedWritesPerMinute,
    challengeWork: options.rateLimit?.challengeWork ?? config.challengeWork,
    keyWritesPerMinute: options.rateLimit?.keyWritesPerMinute ?? config.keyWritesPerMinute,
    maxBodyBytes: options.maxBodyBytes ?? 16 * 1024,
    trustedProxies: options.trustedProxies ?? config.trustedProxies,
    ...(options.clock ? { clock: options.clock } : {}),
  };
  // Organizer answers hold people's names and emails: no cache anywhere may keep one.
  app.use("/v1/admin/*", async (c, next) => {
    await next();
    c.res.headers.set("Cache-Control", "no-store");
  });
  const clock = options.clock ? { clock: options.clock } : {};
  app.use(
    "/v1/admin/*",
    adminAuthLimits({
      failuresPerMinute: options.rateLimit?.adminAuthFailuresPerMinute ?? config.adminAuthFailuresPerMinute,
      requestsPerMinute: options.rateLimit?.adminRequestsPerMinute ?? config.adminRequestsPerMinute,
      trustedProxies: writeOptions.trustedProxies,
      ...clock,
    }),
  );
  const linkLimit = signedLinkLimit(db, { perMinute: options.rateLimit?.linkRequestsPerMinute ?? config.linkRequestsPerMinute, trustedProxies: writeOptions.trustedProxies, ...clock });
  for (const path of SIGNED_LINK_PATHS) app.use(path, linkLimit);
  app.route("/v1/petitions", petitionRoutes(db, writeOptions));
  app.route("/v1/trainings", trainingRoutes(db, writeOptions));
  app.route("/v1/registrations", registrationRoutes(db, writeOptions.maxBodyBytes));
  app.route("/v1/stories", storyRoutes(db, writeOptions));
  app.route("/v1/admin/stories", adminStoryRoutes(db, writeOptions.maxBodyBytes));
  app.route("/v1/surveys", surveyRoutes(db, writeOptions));
  app.route("/v1/admin/surveys", adminSurveyRoutes(db));
  app.route("/v1/admin", adminCampaignRoutes(db, writeOptions.maxBodyBytes, options.clock));
  app.route("/v1/admin", adminAttendanceRoutes(db, writeOptions.maxBodyBytes, options.clock));
  app.route("/v1/admin/petitions", adminPetitionRoutes(db, writeOptions.maxBodyBytes));
  app.route("/v1/admin/people", adminPeopleRoutes(db, writeOptions.maxBodyBytes));
  app.route("/v1/admin", adminOrganizationRoutes(db, writeOptions.maxBodyBytes));
  app.route("/v1/admin/connectors", adminConnectorRoutes(db, writeOptions.maxBodyBytes));
  app.route("/v1/admin", adminSettingsRoutes(db, writeOptions.maxBodyBytes));
  app.route("/v1/meetings", meetingRoutes(db, writeOptions));
  app.route("/v1/meeting-rsvps", meetingManageRoutes(db, writeOptions.maxBodyBytes));
  app.route("/v1/messages", messageRoutes(db, writeOptions.maxBodyBytes));
  app.route("/v1/signatures", signatureRoutes(db, writeOptions.maxBodyBytes));
  app.route("/v1/consents", consentRoutes(db, writeOptions.maxBodyBytes));
  app.route("/v1/admin/messages", adminMessageRoutes(db, writeOptions.maxBodyBytes));
  app.route("/v1/openapi.json", openApiRoutes());
  app.route("/docs", docsRoutes());
  app.route("/embed/v1", embedRoutes(options.embedDir ?? DEFAULT_EMBED_DIR));
  app.route("/admin", adminConsoleRoutes(options.adminDir ?? DEFAULT_ADMIN_DIR));

  app.notFound((c) => c.json(new ApiError("not_found").toBody(pickLocale(c.req.header("accept-language"))), 404));
  app.onError((error, c) => {
    const locale = pickLocale(c.req.header("accept-language"));
    c.header("Content-Language", locale);
    c.header("Vary", "Accept-Language", { append: true });
    if (error instanceof ApiError) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return c.json(error.toBody(locale), error.status as 400);
    }
    logError(`unexpected error on ${c.req.method} ${routePath(c)}`, error, logger, { reqId: c.get("requestId") });
    return c.json(new ApiError("internal").toBody(locale), 500);
  });
  return app;
}
