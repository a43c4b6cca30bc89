import type { OrganizationSummary, TrainingLeader, TrainingSeries, TrainingSession } from "@coalition-kit/schema";
import type { Queryable } from "../db/types.js";
import type { PartnerContext } from "../http/partner.js";

export interface SeriesRow {
  id: string;
  coalition_id: string;
  slug: string;
  title: string;
  description: string;
  consent_coalition_text: string;
  consent_coalition_version: string;
  consent_partner_text: string;
  consent_partner_version: string;
  coalition_slug: string;
  coalition_name: string;
  coalition_website: string | null;
}

export interface SessionRow {
  id: string;
  series_id: string;
  series_slug: string;
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
  registered: number;
  waitlisted: number;
  partners: OrganizationSummary[] | string;
  past: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findSeries(q: Queryable, slug: string): Promise<SeriesRow | undefined> {
  const rows = await q.query<SeriesRow>(
    `select s.*, o.slug as coalition_slug, o.name as coalition_name, o.website as coalition_website
       from training_series s join organizations o on o.id = s.coalition_id where s.slug = $1`,
    [slug],
  );
  return rows[0];
}

const SESSION_SELECT = `
  select s.*, ts.slug as series_slug,
         (select count(*)::int from training_registrations r where r.session_id = s.id and r.status = 'registered') as registered,
         (select count(*)::int from training_registrations r where r.session_id = s.id and r.status = 'waitlisted') as waitlisted,
         coalesce((select json_agg(json_build_object('slug', o.slug, 'name', o.name, 'website', o.website) order by o.name)
                     from training_session_partners sp join organizations o on o.id = sp.organization_id
                    where sp.session_id = s.id), '[]'::json) as partners,
         s.starts_at <= now() as past
    from training_sessions s join training_series ts on ts.id = s.series_id`;

export async function listSessions(q: Queryable, seriesId: string): Promise<SessionRow[]> {
  return q.query<SessionRow>(`${SESSION_SELECT} where s.series_id = $1 order by s.starts_at, s.title`, [seriesId]);
}

export async function findSession(q: Queryable, seriesId: string, sessionId: string): Promise<SessionRow | undefined> {
  if (!UUID.test(sessionId)) return undefined;
  const rows = await q.query<SessionRow>(`${SESSION_SELECT} where s.series_id = $1 and s.id = $2`, [seriesId, sessionId]);
  return rows[0];
}

const json = <T>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);
const iso = (value: Date | string) => new Date(value).toISOString();

export function toSession(row: SessionRow): TrainingSession {
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
    leaders: json(row.leaders),
    partners: json(row.partners),
    capacity: row.capacity,
    registered: row.registered,
    seatsLeft: row.capacity === null ? null : Math.max(0, row.capacity - row.registered),
    waitlisted: row.waitlisted,
    status: row.status,
    past: row.past,
  };
}

export function toSeries(row: SeriesRow, partner: PartnerContext | undefined): TrainingSeries {
  return {
    slug: row.slug,
    title: row.title,
    description: row.description,
    coalition: { slug: row.coalition_slug, name: row.coalition_name, website: row.coalition_website },
    partner: partner ? { slug: partner.slug, name: partner.name, website: partner.website } : null,
    consent: {
      coalition: { text: row.consent_coalition_text, version: row.consent_coalition_version },
      partner: partner ? { text: row.consent_partner_text.replaceAll("{partner}", partner.name), version: row.consent_partner_version } : null,
    },
  };
}
