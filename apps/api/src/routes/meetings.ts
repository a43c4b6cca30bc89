import { Hono } from "hono";
import type { Db } from "../db/types.js";
import { publicBaseUrl } from "../http/base-url.js";
import { readBody } from "../http/body.js";
import { clientIp } from "../http/client-ip.js";
import { ApiError } from "../http/errors.js";
import { donePage } from "../http/html.js";
import { managePage } from "../http/meeting-pages.js";
import { resolvePartner } from "../http/partner.js";
import { validIdempotencyKey } from "../services/idempotency.js";
import { meetingCalendar } from "../services/meeting-calendar.js";
import { applyManage, manageView } from "../services/meeting-manage.js";
import { findMeeting } from "../services/meeting-schedule.js";
import { getMeeting, rsvp } from "../services/meetings.js";
import { enforceRateLimit, ipBucket } from "../services/rate-limit.js";
import type { PetitionRouteOptions } from "./petitions.js";
import { calendarResponse } from "./trainings.js";

export function meetingRoutes(db: Db, options: PetitionRouteOptions): Hono {
  const app = new Hono();

  app.get("/:slug", async (c) => {
    const key = c.req.header("x-partner-key") ?? c.req.query("key");
    const partner = key === undefined ? undefined : await resolvePartner(db, key, c.req.header("origin"));
    const count = Math.max(1, Math.min(52, Number.parseInt(c.req.query("count") ?? "6", 10) || 6));
    c.header("Cache-Control", "no-store");
    return c.json(await getMeeting(db, c.req.param("slug"), partner, count, publicBaseUrl(c)));
  });

  app.get("/:slug/calendar.ics", async (c) => {
    const meeting = await findMeeting(db, c.req.param("slug"));
    if (!meeting) throw new ApiError("not_found");
    return calendarResponse(c, await meetingCalendar(db, meeting, new URL(publicBaseUrl(c)).host), `${meeting.slug}.ics`);
  });

  app.post("/:slug/rsvps", async (c) => {
    const body = await readBody(c, options.maxBodyBytes);
    if (body.format !== "json") throw new ApiError("unsupported_media_type");
    const partner = await resolvePartner(db, c.req.header("x-partner-key") ?? c.req.query("key"), c.req.header("origin"));
    const idempotencyKey = validIdempotencyKey(c.req.header("idempotency-key"));
    await enforceRateLimit(db, await ipBucket(db, `rsvp:${c.req.param("slug")}`, clientIp(c, options.trustProxy)), options.signaturesPerMinute);
    const outcome = await rsvp(db, c.req.param("slug"), partner, body.data, idempotencyKey, publicBaseUrl(c));
    if (outcome.replayed) c.header("Idempotent-Replayed", "true");
    return c.json(outcome.body, 201);
  });

  return app;
}

/** The signed manage link: GET shows the person's answers as forms; POST changes one, then shows the page again. */
export function meetingManageRoutes(db: Db, maxBodyBytes: number): Hono {
  const app = new Hono();
  const show = async (token: string) => managePage(await manageView(db, token), token);

  app.get("/manage", async (c) => {
    try {
      return c.html(await show(c.req.query("token") ?? ""));
    } catch (error) {
      if (error instanceof ApiError) return c.html(donePage("This link is not valid.", false), error.status as 400);
      throw error;
    }
  });

  app.post("/manage", async (c) => {
    const body = await readBody(c, maxBodyBytes);
    try {
      await applyManage(db, body.data);
    } catch (error) {
      if (body.format === "form" && error instanceof ApiError) return c.html(donePage(Object.values(error.fields ?? {})[0] ?? error.message, false), error.status as 400);
      throw error;
    }
    if (body.format === "json") return c.json({ status: "saved" });
    return c.redirect(`${publicBaseUrl(c)}/v1/meeting-rsvps/manage?token=${encodeURIComponent(String(body.data.token))}`, 303);
  });

  return app;
}
