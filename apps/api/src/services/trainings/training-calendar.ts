import type { SeriesRow, SessionRow } from "./training-queries.js";
import { buildCalendar, type IcsEvent } from "../time/ics.js";

function describe(session: SessionRow, virtualLink: string | null): string {
  const leaders = (typeof session.leaders === "string" ? (JSON.parse(session.leaders) as SessionRow["leaders"]) : session.leaders) as Array<{ name: string; role: string | null }>;
  const lines = [session.description];
  if (leaders.length) lines.push(`Led by ${leaders.map((l) => (l.role ? `${l.name} (${l.role})` : l.name)).join(", ")}.`);
  lines.push(`Planned in ${session.time_zone} time.`);
  if (virtualLink) lines.push(`Join online: ${virtualLink}`);
  else if (session.format !== "in_person") lines.push("The link to join is sent to registered participants.");
  return lines.filter(Boolean).join("\n\n");
}

function toEvent(series: SeriesRow, session: SessionRow, virtualLink: string | null, host: string): IcsEvent {
  return {
    uid: `${session.id}@${host}`,
    start: new Date(session.starts_at),
    end: new Date(session.ends_at),
    summary: `${session.title} · ${series.title}`,
    description: describe(session, virtualLink),
    location: session.location ?? (virtualLink ? virtualLink : session.format === "virtual" ? "Online" : null),
    url: virtualLink,
    status: session.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
    sequence: session.sequence ?? 0,
  };
}

/** The public series feed: every session, no virtual links. */
export function seriesCalendar(series: SeriesRow, sessions: SessionRow[], host: string): string {
  return buildCalendar({ name: series.title, timeZone: sessions[0]?.time_zone, events: sessions.map((s) => toEvent(series, s, null, host)) });
}

/** One session; with the virtual link only when the holder has a confirmed seat. */
export function sessionCalendar(series: SeriesRow, session: SessionRow, host: string, virtualLink: string | null = null): string {
  return buildCalendar({ name: series.title, timeZone: session.time_zone, events: [toEvent(series, session, virtualLink, host)] });
}
