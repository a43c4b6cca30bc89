import type { Context } from "hono";

/**
 * An iCalendar download: text/calendar, a safe attachment file name, revalidated on every use,
 * and readable from any page (calendar apps and widgets fetch it cross-origin).
 */
export function calendarResponse(c: Context, ics: string, filename: string): Response {
  return c.body(ics, 200, {
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
    "Cache-Control": "no-cache",
    "Access-Control-Allow-Origin": "*",
  });
}
