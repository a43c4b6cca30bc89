import { publicJson, publicRead } from "../http/public-read.js";
import { acceptPartnerWrite, optionalPartner, replyWritten, type WriteOptions } from "../http/partner-request.js";
import { Hono } from "hono";
import type { Db } from "../db/types.js";
import { readBody } from "../http/body.js";
import { ApiError } from "../services/errors.js";
import { confirmPage, donePage } from "../http/html.js";
import { pickLocale } from "@coalition-kit/schema";
import { getStoryCampaign, storyWall, submitStory, withdrawStory } from "../services/stories/stories.js";
import { storyGuardianRoutes } from "./story-guardian.js";

export function storyRoutes(db: Db, options: WriteOptions): Hono {
  const app = new Hono();

  app.route("/guardian", storyGuardianRoutes(db, options.maxBodyBytes));

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

  app.get("/:campaign", publicRead(db), async (c) => {
    const partner = await optionalPartner(db, c);
    return publicJson(c, await getStoryCampaign(db, c.req.param("campaign"), partner, pickLocale(c.req.header("accept-language"))));
  });

  app.get("/:campaign/wall", publicRead(db), async (c) => {
    return publicJson(c, await storyWall(db, c.req.param("campaign"), { page: c.req.query("page"), pageSize: c.req.query("pageSize"), role: c.req.query("role") }));
  });

  app.post("/:campaign", async (c) => {
    const { data, writer } = await acceptPartnerWrite(db, c, options, `story:${c.req.param("campaign")}`);
    return replyWritten(c, await submitStory(db, c.req.param("campaign"), data, writer));
  });

  return app;
}
