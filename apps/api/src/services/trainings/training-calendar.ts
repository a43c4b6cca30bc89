import type { Locale, TrainingSession } from "@coalition-kit/schema";
import { toSession, SERIES_TEXT_COLUMNS, type SeriesRow, type SessionRow } from "./training-queries.js";
import { buildCalendar, type IcsEvent } from "../time/ics.js";
import { localize } from "../content/languages.js";

/** The calendar's own words in each language (the organizer's texts come translated where they are). */
const WORDS = {
  en: { ledBy: "Led by", planned: (zone: string) => `Planned in ${zone} time.`, join: "Join online:", linkLater: "The link to join is sent to registered participants.", online: "Online" },
  es: { ledBy: "Dirigida por", planned: (zone: string) => `Planificada en la hora de ${zone}.`, join: "Únete en línea:", linkLater: "El enlace para unirse se envía a las personas inscritas.", online: "En línea" },
} as const;

function describe(session: SessionRow, shown: TrainingSession, virtualLink: string | null, locale: Locale): string {
  const w = WORDS[locale];
  const lines = [shown.description];
  if (shown.leaders.length) lines.push(`${w.ledBy} ${shown.leaders.map((l) => (l.role ? `${l.name} (${l.role})` : l.name)).join(", ")}.`);
  lines.push(w.planned(session.time_zone));
  if (virtualLink) lines.push(`${w.join} ${virtualLink}`);
  else if (session.format !== "in_person") lines.push(w.linkLater);
  return lines.filter(Boolean).join("\n\n");
}

/** A series and session feed in `locale` (default: the series' language): the organizer's texts where translated, the calendar's words in it. */
function toEvent(series: SeriesRow, session: SessionRow, virtualLink: string | null, host: string, locale: Locale): IcsEvent {
  const shown = toSession(session, undefined, locale);
  const title = localize(series, locale, SERIES_TEXT_COLUMNS).row.title;
  return {
    uid: `${session.id}@${host}`,
    start: new Date(session.starts_at),
    end: new Date(session.ends_at),
    summary: `${shown.title} · ${title}`,
    description: describe(session, shown, virtualLink, locale),
    location: session.location ?? (virtualLink ? virtualLink : session.format === "virtual" ? WORDS[locale].online : null),
    url: virtualLink,
    status: session.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
    sequence: session.sequence ?? 0,
  };
}

/** The public series feed: every session, no virtual links; in `locale` (the feed URL's `lang`). */
export function seriesCalendar(series: SeriesRow, sessions: SessionRow[], host: string, locale: Locale = series.language): string {
  const name = localize(series, locale, SERIES_TEXT_COLUMNS).row.title;
  return buildCalendar({ name, timeZone: sessions[0]?.time_zone, events: sessions.map((s) => toEvent(series, s, null, host, locale)) });
}

/** One session; with the virtual link only when the holder has a confirmed seat; in `locale` (the registrant's). */
export function sessionCalendar(series: SeriesRow, session: SessionRow, host: string, virtualLink: string | null = null, locale: Locale = series.language): string {
  const name = localize(series, locale, SERIES_TEXT_COLUMNS).row.title;
  return buildCalendar({ name, timeZone: session.time_zone, events: [toEvent(series, session, virtualLink, host, locale)] });
}
