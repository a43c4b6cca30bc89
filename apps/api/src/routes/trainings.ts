import { Hono, type Context } from "hono";
import type { Db } from "../db/types.js";
import { publicBaseUrl } from "../http/base-url.js";
import { readBody } from "../http/body.js";
import { clientIp } from "../http/client-ip.js";
import { ApiError } from "../http/errors.js";
import { resolvePartner } from "../http/partner.js";
import { validIdempotencyKey } from "../services/idempotency.js";
import { enforceRateLimit, ipBucket } from "../services/rate-limit.js";
import { seriesCalendar, sessionCalendar } from "../services/training-calendar.js";
import { findSeries, findSession, listSessions } from "../services/training-queries.js";
import { getSeries, register } from "../services/trainings.js";
import type { PetitionRouteOptions } from "./petitions.js";

export function calendarResponse(c: Context, ics: string, filename: string): Response {
  return c.body(ics, 200, {
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
    "Cache-Control": "no-cache",
    "Access-Control-Allow-Origin": "*",
  });
}

export function trainingRoutes(db: Db, options: PetitionRouteOptions): Hono {
  const app = new Hono();

  app.get("/:series", async (c) => {
    const key = c.req.header("x-partner-key") ?? c.req.query("key");
    const partner = key === undefined ? undefined : await resolvePartner(db, key, c.req.header("origin"));
    c.header("Cache-Control", "no-store");
    return c.json(await getSeries(db, c.req.param("series"), partner, publicBaseUrl(c)));
  });

  app.get("/:series/calendar.ics", async (c) => {
    const series = await findSeries(db, c.req.param("series"));
    if (!series) throw new ApiError("not_found");
    return calendarResponse(c, seriesCalendar(series, await listSessions(db, series.id), new URL(publicBaseUrl(c)).host), `${series.slug}.ics`);
  });

  app.get("/:series/sessions/:file", async (c) => {
    const id = /^(.+)\.ics$/.exec(c.req.param("file"))?.[1];
    const series = id ? await findSeries(db, c.req.param("series")) : undefined;
    const session = series && id && (await findSession(db, series.id, id));
    if (!series || !session) throw new ApiError("not_found");
    return calendarResponse(c, sessionCalendar(series, session, new URL(publicBaseUrl(c)).host), `${series.slug}-${session.id}.ics`);
  });

  app.post("/:series/sessions/:id/registrations", async (c) => {
    const body = await readBody(c, options.maxBodyBytes);
    if (body.format !== "json") throw new ApiError("unsupported_media_type");
    const partner = await resolvePartner(db, c.req.header("x-partner-key") ?? c.req.query("key"), c.req.header("origin"));
    const idempotencyKey = validIdempotencyKey(c.req.header("idempotency-key"));
    await enforceRateLimit(db, await ipBucket(db, `register:${c.req.param("series")}`, clientIp(c, options.trustProxy)), options.signaturesPerMinute);
    const outcome = await register(db, { series: c.req.param("series"), session: c.req.param("id") }, partner, body.data, idempotencyKey, publicBaseUrl(c));
    if (outcome.replayed) c.header("Idempotent-Replayed", "true");
    return c.json(outcome.body, outcome.status as 200 | 201);
  });

  return app;
}
