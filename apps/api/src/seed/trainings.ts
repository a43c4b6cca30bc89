import type { Queryable } from "../db/types.js";
import type { SeedTrainingSeries } from "./types.js";

/** Upsert training series and their sessions (by series slug + session key). */
export async function seedTrainings(q: Queryable, coalitionId: string, all: SeedTrainingSeries[]): Promise<void> {
  for (const series of all) {
    const rows = await q.query<{ id: string }>(
      `insert into training_series (coalition_id, slug, title, description, consent_coalition_text, consent_coalition_version, consent_partner_text, consent_partner_version)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (slug) do update set title = excluded.title, description = excluded.description,
         consent_coalition_text = excluded.consent_coalition_text, consent_coalition_version = excluded.consent_coalition_version,
         consent_partner_text = excluded.consent_partner_text, consent_partner_version = excluded.consent_partner_version
       returning id`,
      [coalitionId, series.slug, series.title, series.description, series.consent.coalition.text, series.consent.coalition.version, series.consent.partner.text, series.consent.partner.version],
    );
    const seriesId = rows[0]!.id;
    for (const s of series.sessions) {
      const session = await q.query<{ id: string }>(
        `insert into training_sessions (series_id, key, title, description, starts_at, ends_at, time_zone, format, location, virtual_link, leaders, capacity, status)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         on conflict (series_id, key) do update set title = excluded.title, description = excluded.description,
           starts_at = excluded.starts_at, ends_at = excluded.ends_at, time_zone = excluded.time_zone, format = excluded.format,
           location = excluded.location, virtual_link = excluded.virtual_link, leaders = excluded.leaders,
           capacity = excluded.capacity, status = excluded.status
         returning id`,
        [
          seriesId, s.key, s.title, s.description ?? "", s.startsAt, s.endsAt, s.timeZone, s.format, s.location ?? null, s.virtualLink ?? null,
          JSON.stringify(s.leaders.map((l) => ({ name: l.name, role: l.role ?? null }))), s.capacity ?? null, s.status ?? "scheduled",
        ],
      );
      for (const slug of s.partners ?? []) {
        await q.query(
          `insert into training_session_partners (session_id, organization_id)
           select $1, id from organizations where slug = $2
           on conflict do nothing`,
          [session[0]!.id, slug],
        );
      }
    }
  }
}
