import type { AdminTrainingSeriesDetail } from "@coalition-kit/schema";
import type { Db } from "../../db/types.js";
import { ApiError } from "../errors.js";
import type { AdminContext } from "../keys/secret-keys.js";

type Session = AdminTrainingSeriesDetail["series"]["sessions"][number];

/** One of this coalition's training series as saved, in the shape PUT takes (for the console's edit form). */
export async function getTrainingSeries(db: Db, admin: AdminContext, slug: string): Promise<AdminTrainingSeriesDetail> {
  const rows = await db.query<{
    id: string;
    title: string;
    description: string;
    consent_coalition_text: string;
    consent_coalition_version: string;
    consent_partner_text: string;
    consent_partner_version: string;
    reminder_minutes: number[];
  }>(
    `select id, title, description, consent_coalition_text, consent_coalition_version, consent_partner_text, consent_partner_version, reminder_minutes
       from training_series where slug = $1 and coalition_id = $2`,
    [slug, admin.organizationId],
  );
  const s = rows[0];
  if (!s) throw new ApiError("not_found");
  const sessions = await db.query<{
    key: string;
    title: string;
    description: string;
    starts_at: Date | string;
    ends_at: Date | string;
    time_zone: string;
    format: Session["format"];
    location: string | null;
    virtual_link: string | null;
    capacity: number | null;
    status: Session["status"];
    leaders: Session["leaders"] | string;
    partners: string[] | null;
    partner_seats: Array<{ partner: string; seats: number }> | string;
  }>(
    `select s.key, s.title, s.description, s.starts_at, s.ends_at, s.time_zone, s.format, s.location, s.virtual_link, s.capacity, s.status, s.leaders,
            (select array_agg(o.slug order by o.slug) from training_session_partners sp join organizations o on o.id = sp.organization_id where sp.session_id = s.id) as partners,
            coalesce((select json_agg(json_build_object('partner', o.slug, 'seats', sp.seats) order by o.slug)
                        from training_session_partners sp join organizations o on o.id = sp.organization_id
                       where sp.session_id = s.id and sp.seats is not null), '[]'::json) as partner_seats
       from training_sessions s where s.series_id = $1 order by s.starts_at, s.key`,
    [s.id],
  );
  return {
    slug,
    series: {
      title: s.title,
      description: s.description,
      consent: { coalition: { text: s.consent_coalition_text, version: s.consent_coalition_version }, partner: { text: s.consent_partner_text, version: s.consent_partner_version } },
      reminderMinutes: s.reminder_minutes,
      sessions: sessions.map((r) => ({
        key: r.key,
        title: r.title,
        description: r.description,
        startsAt: new Date(r.starts_at).toISOString(),
        endsAt: new Date(r.ends_at).toISOString(),
        timeZone: r.time_zone,
        format: r.format,
        location: r.location,
        virtualLink: r.virtual_link,
        capacity: r.capacity,
        status: r.status,
        leaders: (typeof r.leaders === "string" ? (JSON.parse(r.leaders) as Session["leaders"]) : r.leaders).map((l) => ({ name: l.name, role: l.role ?? null })),
        partners: r.partners ?? [],
        partnerSeats: typeof r.partner_seats === "string" ? (JSON.parse(r.partner_seats) as Array<{ partner: string; seats: number }>) : r.partner_seats,
      })),
    },
  };
}
