import { publicJson, publicRead } from "../http/public-read.js";
import { acceptPartnerWrite, optionalPartner, replyWritten, type WriteOptions } from "../http/partner-request.js";
import { Hono } from "hono";
import { LOCALES, pickLocale, type Locale } from "@coalition-kit/schema";
import type { Db } from "../db/types.js";
import { publicBaseUrl } from "../http/base-url.js";
import { calendarResponse } from "../http/calendar-response.js";
import { ApiError } from "../services/errors.js";
import { seriesCalendar, sessionCalendar } from "../services/trainings/training-calendar.js";
import { findSeries, findSession, listSessions } from "../services/trainings/training-queries.js";
import { getSeries, register } from "../services/trainings/trainings.js";

/** `?lang=es`: the feed URL a Spanish read hands out (calendar apps send no Accept-Language); else the series' language. */
const feedLanguage = (lang: string | undefined, fallback: Locale): Locale => ((LOCALES as readonly string[]).includes(lang ?? "") ? (lang as Locale) : fallback);

export function trainingRoutes(db: Db, options: WriteOptions): Hono {
  const app = new Hono();

  app.get("/:series", publicRead(db), async (c) => {
    const partner = await optionalPartner(db, c);
    return publicJson(c, await getSeries(db, c.req.param("series"), partner, publicBaseUrl(c), pickLocale(c.req.header("accept-language"))));
  });

  app.get("/:series/calendar.ics", async (c) => {
    const series = await findSeries(db, c.req.param("series"));
    if (!series) throw new ApiError("not_found");
    return calendarResponse(c, seriesCalendar(series, await listSessions(db, series.id), new URL(publicBaseUrl(c)).host, feedLanguage(c.req.query("lang"), series.language)), `${series.slug}.ics`);
  });

  app.get("/:series/sessions/:file", async (c) => {
    const id = /^(.+)\.ics$/.exec(c.req.param("file"))?.[1];
    const series = id ? await findSeries(db, c.req.param("series")) : undefined;
    const session = series && id && (await findSession(db, series.id, id));
    if (!series || !session) throw new ApiError("not_found");
    return calendarResponse(c, sessionCalendar(series, session, new URL(publicBaseUrl(c)).host, null, feedLanguage(c.req.query("lang"), series.language)), `${series.slug}-${session.id}.ics`);
  });

  app.post("/:series/sessions/:id/registrations", async (c) => {
    const { data, writer } = await acceptPartnerWrite(db, c, options, `register:${c.req.param("series")}`);
    return replyWritten(c, await register(db, { series: c.req.param("series"), session: c.req.param("id") }, data, writer));
  });

  return app;
}
