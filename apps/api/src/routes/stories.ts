import { Hono } from "hono";
import type { Db } from "../db/types.js";
import { publicBaseUrl } from "../http/base-url.js";
import { readBody } from "../http/body.js";
import { clientIp } from "../http/client-ip.js";
import { ApiError } from "../http/errors.js";
import { confirmPage, donePage } from "../http/html.js";
import { resolvePartner } from "../http/partner.js";
import { validIdempotencyKey } from "../services/idempotency.js";
import { enforceRateLimit, ipBucket } from "../services/rate-limit.js";
import { getStoryCampaign, storyWall, submitStory, withdrawStory } from "../services/stories.js";
import type { PetitionRouteOptions } from "./petitions.js";

export function storyRoutes(db: Db, options: PetitionRouteOptions): Hono {
  const app = new Hono();

  // A GET only asks to confirm: link scanners must not withdraw anything.
  app.get("/withdraw", (c) => c.html(confirmPage("Withdraw your story?", "It will be removed from every story wall and will not be shared again.", c.req.query("token") ?? "", "Yes, withdraw my story")));

  app.post("/withdraw", async (c) => {
    const body = await readBody(c, options.maxBodyBytes);
    try {
      const result = await withdrawStory(db, body.data);
      if (body.format === "form") return c.html(donePage(result.status === "withdrawn" ? "Your story has been withdrawn." : "This story was already withdrawn.", true));
      return c.json(result);
    } catch (error) {
      if (body.format === "form" && error instanceof ApiError) return c.html(donePage(error.fields?.token ?? error.message, false), error.status as 400);
      throw error;
    }
  });

  app.get("/:campaign", async (c) => {
    const key = c.req.header("x-partner-key") ?? c.req.query("key");
    const partner = key === undefined ? undefined : await resolvePartner(db, key, c.req.header("origin"));
    return c.json(await getStoryCampaign(db, c.req.param("campaign"), partner));
  });

  app.get("/:campaign/wall", async (c) => {
    // Browsers always revalidate (a withdrawn story must vanish); a shared cache may hold it briefly.
    c.header("Cache-Control", "public, max-age=0, s-maxage=15");
    return c.json(await storyWall(db, c.req.param("campaign"), { page: c.req.query("page"), pageSize: c.req.query("pageSize"), role: c.req.query("role") }));
  });

  app.post("/:campaign", async (c) => {
    const body = await readBody(c, options.maxBodyBytes);
    if (body.format !== "json") throw new ApiError("unsupported_media_type");
    const partner = await resolvePartner(db, c.req.header("x-partner-key") ?? c.req.query("key"), c.req.header("origin"));
    const idempotencyKey = validIdempotencyKey(c.req.header("idempotency-key"));
    await enforceRateLimit(db, await ipBucket(db, `story:${c.req.param("campaign")}`, clientIp(c, options.trustProxy)), options.signaturesPerMinute);
    const outcome = await submitStory(db, c.req.param("campaign"), partner, body.data, idempotencyKey, publicBaseUrl(c));
    if (outcome.replayed) c.header("Idempotent-Replayed", "true");
    return c.json(outcome.body, 201);
  });

  return app;
}
