import { Hono } from "hono";
import type { Db } from "../db/types.js";
import { publicBaseUrl } from "../http/base-url.js";
import { readBody } from "../http/body.js";
import { ApiError } from "../services/errors.js";
import { confirmPage, donePage } from "../http/html.js";
import { sessionCalendar } from "../services/trainings/training-calendar.js";
import { cancelRegistration, registrationForCalendar } from "../services/trainings/trainings.js";
import { calendarResponse } from "../http/calendar-response.js";

/** Personal links from a registration: calendar file and cancellation. Authorized by the signed token. */
export function registrationRoutes(db: Db, maxBodyBytes: number): Hono {
  const app = new Hono();

  app.get("/calendar.ics", async (c) => {
    const found = await registrationForCalendar(db, c.req.query("token") ?? "");
    if (!found) throw new ApiError("not_found");
    const link = found.confirmed ? found.session.virtual_link : null;
    return calendarResponse(c, sessionCalendar(found.series, found.session, new URL(publicBaseUrl(c)).host, link, found.locale), `${found.series.slug}.ics`);
  });

  // A GET only shows a confirm button: mail scanners that prefetch links must not cancel anything.
  app.get("/cancel", (c) =>
    c.html(confirmPage("Cancel your registration?", "Your seat goes to the next person on the waitlist.", c.req.query("token") ?? "", "Yes, cancel my registration")),
  );

  app.post("/cancel", async (c) => {
    const body = await readBody(c, maxBodyBytes);
    const result = await cancelRegistration(db, body.data).catch((error: unknown) => {
      if (body.format === "form" && error instanceof ApiError) return error;
      throw error;
    });
    if (result instanceof ApiError) return c.html(donePage(result.fields?.token ?? result.message, false), result.status as 400);
    if (body.format === "form") return c.html(donePage(result.status === "cancelled" ? "Your registration is cancelled." : "This registration was already cancelled.", true));
    return c.json(result);
  });

  return app;
}
