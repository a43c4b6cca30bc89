import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { pickLocale } from "@coalition-kit/schema";
import type { Db } from "./db/types.js";
import { partnerCors } from "./http/cors.js";
import { ApiError } from "./http/errors.js";
import { embedRoutes } from "./routes/embed.js";
import { adminConsoleRoutes } from "./routes/admin-console.js";
import { meetingManageRoutes, meetingRoutes } from "./routes/meetings.js";
import { petitionRoutes } from "./routes/petitions.js";
import { adminStoryRoutes } from "./routes/admin-stories.js";
import { adminSurveyRoutes } from "./routes/admin-surveys.js";
import { adminOrganizationRoutes } from "./routes/admin-organization.js";
import { adminPeopleRoutes } from "./routes/admin-people.js";
import { adminPetitionRoutes } from "./routes/admin-petitions.js";
import { adminCampaignRoutes } from "./routes/admin-campaigns.js";
import { registrationRoutes } from "./routes/registrations.js";
import { storyRoutes } from "./routes/stories.js";
import { surveyRoutes } from "./routes/surveys.js";
import { trainingRoutes } from "./routes/trainings.js";

export interface AppOptions {
  db: Db;
  rateLimit?: { signaturesPerMinute: number };
  /** Folder served at /embed/v1/ (default: the widgets package's dist/embed). */
  embedDir?: string;
  /** Built organizer console (apps/admin/dist), served at /admin/. */
  adminDir?: string;
  maxBodyBytes?: number;
  /** Trust X-Forwarded-For (only behind your own load balancer). */
  trustProxy?: boolean;
}

export const DEFAULT_ADMIN_DIR = fileURLToPath(new URL("../../admin/dist/", import.meta.url));
export const DEFAULT_EMBED_DIR = fileURLToPath(new URL("../../../packages/widgets/dist/embed/", import.meta.url));

export function createApp(options: AppOptions): Hono {
  const { db } = options;
  const app = new Hono();

  app.use("*", async (c, next) => {
    await next();
    c.res.headers.set("X-Content-Type-Options", "nosniff");
    c.res.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  });
  app.get("/health", (c) => c.json({ ok: true, db: db.kind }));
  app.use("/v1/*", partnerCors(db));
  const writeOptions = {
    signaturesPerMinute: options.rateLimit?.signaturesPerMinute ?? Number(process.env.CK_SIGNATURES_PER_MINUTE ?? 20),
    maxBodyBytes: options.maxBodyBytes ?? 16 * 1024,
    trustProxy: options.trustProxy ?? process.env.CK_TRUST_PROXY === "1",
  };
  app.route("/v1/petitions", petitionRoutes(db, writeOptions));
  app.route("/v1/trainings", trainingRoutes(db, writeOptions));
  app.route("/v1/registrations", registrationRoutes(db, writeOptions.maxBodyBytes));
  app.route("/v1/stories", storyRoutes(db, writeOptions));
  app.route("/v1/admin/stories", adminStoryRoutes(db, writeOptions.maxBodyBytes));
  app.route("/v1/surveys", surveyRoutes(db, writeOptions));
  app.route("/v1/admin/surveys", adminSurveyRoutes(db));
  app.route("/v1/admin", adminCampaignRoutes(db, writeOptions.maxBodyBytes));
  app.route("/v1/admin/petitions", adminPetitionRoutes(db, writeOptions.maxBodyBytes));
  app.route("/v1/admin/people", adminPeopleRoutes(db, writeOptions.maxBodyBytes));
  app.route("/v1/admin", adminOrganizationRoutes(db, writeOptions.maxBodyBytes));
  app.route("/v1/meetings", meetingRoutes(db, writeOptions));
  app.route("/v1/meeting-rsvps", meetingManageRoutes(db, writeOptions.maxBodyBytes));
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
    console.error("unexpected error:", error);
    return c.json(new ApiError("internal").toBody(locale), 500);
  });
  return app;
}
