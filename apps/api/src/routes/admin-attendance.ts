import { Hono } from "hono";
import { ATTENDANCE_CSV_MAX_BYTES, pickLocale } from "@coalition-kit/schema";
import { spanishFor } from "@coalition-kit/schema/messages/es";
import type { Db } from "../db/types.js";
import { adminWriter, requireAdmin } from "../http/admin-request.js";
import { attendanceRoster, markAttendance, uploadAttendance } from "../services/attendance/attendance.js";
import { registrationCsv } from "../services/attendance/registration-export.js";
import type { Clock } from "../services/platform/rate-limit.js";

/**
 * /v1/admin/trainings/:slug/sessions/:key/attendance: a session's registrants with their marks and
 * progress (GET), one mark (PUT .../attendance/:registration) and a CSV of marks
 * (POST .../attendance.csv, text/csv), each write once per Idempotency-Key; and the series'
 * registrations as CSV with each person's progress (GET /v1/admin/trainings/:slug/registrations.csv).
 */
export function adminAttendanceRoutes(db: Db, maxBodyBytes: number, clock: Clock = () => new Date()): Hono {
  const app = new Hono();
  const write = adminWriter(db, maxBodyBytes);
  // A CSV of 2,000 rows is larger than any JSON write.
  const upload = adminWriter(db, Math.max(maxBodyBytes, ATTENDANCE_CSV_MAX_BYTES));
  const coalitionOnly = { coalitionOnly: true };

  app.get("/trainings/:slug/sessions/:key/attendance", async (c) => {
    const { slug, key } = c.req.param();
    return c.json(await attendanceRoster(db, await requireAdmin(db, c, coalitionOnly), slug, key, clock()));
  });
  app.put("/trainings/:slug/sessions/:key/attendance/:registration", (c) => {
    const { slug, key, registration } = c.req.param();
    return write(c, `admin:trainings:${slug}:sessions:${key}:attendance:${registration}`, coalitionOnly, async (q, admin, data) => ({
      status: 200,
      body: await markAttendance(q, admin, slug, key, registration, data, clock()),
    }));
  });
  app.post("/trainings/:slug/sessions/:key/attendance.csv", (c) => {
    const { slug, key } = c.req.param();
    // Each bad row's reason in the organizer's language, as the field errors are.
    const spanish = pickLocale(c.req.header("accept-language")) === "es";
    return upload(c, `admin:trainings:${slug}:sessions:${key}:attendance.csv`, { ...coalitionOnly, body: "csv" }, async (q, admin, data) => {
      const body = await uploadAttendance(q, admin, slug, key, String(data.csv), clock());
      if (spanish) body.rows = body.rows.map((r) => ({ ...r, error: spanishFor(r.error) ?? r.error }));
      return { status: 200, body };
    });
  });
  // Every registration of the series with its attendance mark and the person's progress.
  app.get("/trainings/:slug/registrations.csv", async (c) => {
    const { filename, stream } = await registrationCsv(db, await requireAdmin(db, c, coalitionOnly), c.req.param("slug"), clock());
    return c.body(stream, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "X-Content-Type-Options": "nosniff",
    });
  });

  return app;
}
