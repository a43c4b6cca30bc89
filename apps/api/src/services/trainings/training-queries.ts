import type { Locale, OrganizationSummary, TrainingLeader, TrainingSeries, TrainingSession } from "@coalition-kit/schema";
import { localize, localizeChild, type Translations, type TranslatedColumns } from "../content/languages.js";
import type { Queryable } from "../../db/types.js";
import { coalitionSummary, consentTexts, findCampaign, partnerSummary, type CampaignRow, type PartnerConsentColumns } from "../campaigns.js";
import type { PartnerContext } from "../partners/partner-lookup.js";
import { RESERVATIONS_SQL, seatsLeftFor, type Reservation } from "./seats.js";

/** A training series with its coalition's names (campaigns.ts). */
export interface SeriesRow extends CampaignRow, PartnerConsentColumns, TranslatedColumns {
  title: string;
  description: string;
}

export interface SessionRow {
  id: string;
  series_id: string;
  series_slug: string;
  /** The series' language, which its sessions are written in; `translations` has theirs (migration 021). */
  series_language: Locale;
  translations: Translations | string | null;
  title: string;
  description: string;
  starts_at: Date | string;
  ends_at: Date | string;
  time_zone: string;
  format: "virtual" | "in_person" | "hybrid";
  location: string | null;
  virtual_link: string | null;
  leaders: TrainingLeader[] | string;
  capacity: number | null;
  status: "scheduled" | "cancelled";
  /** ICS SEQUENCE: bumped on every change of time, place or status. */
  sequence?: number;
  registered: number;
  waitlisted: number;
  partners: OrganizationSummary[] | string;
  /** Seats kept for co-hosting partners, with how many each one's members hold. */
  reservations: Reservation[] | string;
  past: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A training series by slug. */
export function findSeries(q: Queryable, slug: string): Promise<SeriesRow | undefined> {
  return findCampaign<SeriesRow>(q, "training_series", slug);
}

const SESSION_SELECT = `
  select s.*, ts.slug as series_slug, ts.language as series_language,
         (select count(*)::int from training_registrations r where r.session_id = s.id and r.status = 'registered') as registered,
         (select count(*)::int from training_registrations r where r.session_id = s.id and r.status = 'waitlisted') as waitlisted,
         coalesce((select json_agg(json_build_object('slug', o.slug, 'name', o.name, 'website', o.website) order by o.name)
                     from training_session_partners sp join organizations o on o.id = sp.organization_id
                    where sp.session_id = s.id), '[]'::json) as partners,
         ${RESERVATIONS_SQL} as reservations,
         s.starts_at <= now() as past
    from training_sessions s join training_series ts on ts.id = s.series_id`;

/** A series' sessions in time order, with seats taken, waitlist and co-hosts. */
export async function listSessions(q: Queryable, seriesId: string): Promise<SessionRow[]> {
  return q.query<SessionRow>(`${SESSION_SELECT} where s.series_id = $1 order by s.starts_at, s.title`, [seriesId]);
}

/** One session of a series (undefined for an id that is not a UUID). */
export async function findSession(q: Queryable, seriesId: string, sessionId: string): Promise<SessionRow | undefined> {
  if (!UUID.test(sessionId)) return undefined;
  const rows = await q.query<SessionRow>(`${SESSION_SELECT} where s.series_id = $1 and s.id = $2`, [seriesId, sessionId]);
  return rows[0];
}

/** One session by id alone (for seat decisions on a row already locked). */
export async function sessionById(q: Queryable, sessionId: string): Promise<SessionRow | undefined> {
  const rows = await q.query<SessionRow>(`${SESSION_SELECT} where s.id = $1`, [sessionId]);
  return rows[0];
}

const json = <T>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);
const iso = (value: Date | string) => new Date(value).toISOString();

/** A session's seat counts, reservations parsed. */
export function seatCounts(row: SessionRow): { capacity: number | null; registered: number; reservations: Reservation[] } {
  return { capacity: row.capacity, registered: row.registered, reservations: json(row.reservations) };
}

/** A series' translatable texts: public field name → column (migration 021). */
export const SERIES_TEXT_COLUMNS = {
  title: "title",
  description: "description",
  "consent.coalition": "consent_coalition_text",
  "consent.partner": "consent_partner_text",
} as const;

/**
 * A session as the public read shows it, in `locale` where the organizer translated it (title,
 * description, each leader's role; otherwise in the series' language). `seatsLeft` is what the
 * asking partner's members can take (its reserved seats left and the open ones); other partners'
 * reservations are not shown.
 */
export function toSession(saved: SessionRow, organizationId?: string, locale: Locale = saved.series_language): TrainingSession {
  const leaders = json(saved.leaders);
  const fields: Record<string, string> = { title: "title", description: "description" };
  leaders.forEach((l, i) => {
    if (l.role) fields[`leaders.${i}.role`] = `leaders.${i}.role`;
  });
  const { row, language, fallbacks } = localizeChild(saved, saved.series_language, locale, fields);
  const words = row as unknown as Record<string, string>;
  return {
    id: row.id,
    seriesSlug: row.series_slug,
    title: row.title,
    description: row.description,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    timeZone: row.time_zone,
    format: row.format,
    location: row.location,
    leaders: leaders.map((l, i) => ({ name: l.name, role: l.role ? (words[`leaders.${i}.role`] ?? l.role) : l.role })),
    partners: json(row.partners),
    capacity: row.capacity,
    registered: row.registered,
    seatsLeft: seatsLeftFor(seatCounts(row), organizationId),
    waitlisted: row.waitlisted,
    status: row.status,
    past: row.past,
    language,
    fallbacks,
  };
}

/** A training series as the public read shows it, in `locale` where translated (text by text, otherwise in its own language). */
export function toSeries(saved: SeriesRow, partner: PartnerContext | undefined, locale: Locale = saved.language): TrainingSeries {
  const { row, language, fallbacks } = localize(saved, locale, SERIES_TEXT_COLUMNS);
  if (!partner) delete fallbacks["consent.partner"];
  return {
    slug: row.slug,
    title: row.title,
    description: row.description,
    coalition: coalitionSummary(row),
    partner: partnerSummary(partner),
    consent: consentTexts(row, partner),
    language,
    fallbacks,
  };
}
