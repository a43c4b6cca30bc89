import { publicJson, publicRead } from "../http/public-read.js";
import { acceptPartnerWrite, optionalPartner, replyWritten, type WriteOptions } from "../http/partner-request.js";
import { Hono } from "hono";
import { LOCALES, pickLocale, type Locale } from "@coalition-kit/schema";
import type { Db } from "../db/types.js";
import { publicBaseUrl } from "../http/base-url.js";
import { readBody } from "../http/body.js";
import { ApiError } from "../services/errors.js";
import { donePage } from "../http/html.js";
import { managePage } from "../http/meeting-pages.js";
import { meetingCalendar } from "../services/meetings/meeting-calendar.js";
import { applyManage, manageView } from "../services/meetings/meeting-manage.js";
import { findMeeting } from "../services/meetings/meeting-schedule.js";
import { getMeeting, rsvp } from "../services/meetings/meetings.js";
import { calendarResponse } from "../http/calendar-response.js";

export function meetingRoutes(db: Db, options: WriteOptions): Hono {
  const app = new Hono();

  app.get("/:slug", publicRead(db), async (c) => {
    const partner = await optionalPartner(db, c);
    const count = Math.max(1, Math.min(52, Number.parseInt(c.req.query("count") ?? "6", 10) || 6));
    return publicJson(c, await getMeeting(db, c.req.param("slug"), partner, count, publicBaseUrl(c), pickLocale(c.req.header("accept-language"))));
  });

  app.get("/:slug/calendar.ics", async (c) => {
    const meeting = await findMeeting(db, c.req.param("slug"));
    if (!meeting) throw new ApiError("not_found");
    // `?lang=es`: the feed URL a Spanish read hands out (calendar apps send no Accept-Language).
    const lang = c.req.query("lang");
    const locale = (LOCALES as readonly string[]).includes(lang ?? "") ? (lang as Locale) : meeting.language;
    return calendarResponse(c, await meetingCalendar(db, meeting, new URL(publicBaseUrl(c)).host, Date.now(), locale), `${meeting.slug}.ics`);
  });

  app.post("/:slug/rsvps", async (c) => {
    const { data, writer } = await acceptPartnerWrite(db, c, options, `rsvp:${c.req.param("slug")}`);
    return replyWritten(c, await rsvp(db, c.req.param("slug"), data, writer));
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
