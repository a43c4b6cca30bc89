import type { Queryable } from "../../db/types.js";
import { parseRule } from "../time/recurrence.js";
import { isValidZone } from "../time/zoned-time.js";
import type { ConsentText } from "../campaigns.js";

/** A member meeting as organizers define it (admin PUT) or a seed file holds it. */
export interface MeetingDefinition {
  slug: string;
  title: string;
  description: string;
  timeZone: string;
  /** First occurrence, local date and time in timeZone. */
  startDate: string;
  startTime: string;
  durationMinutes: number;
  rrule: string;
  format: "virtual" | "in_person" | "hybrid";
  location?: string | null;
  virtualLink?: string | null;
  consent: { coalition: ConsentText; partner: ConsentText };
  breaks?: Array<{ from: string; to: string; reason: string }>;
  changes?: Array<{ date: string; cancelled?: boolean; newDate?: string; newTime?: string; format?: "virtual" | "in_person" | "hybrid"; location?: string; note?: string }>;
}

/** Upsert meetings by slug; their breaks and changes are replaced by the definition's. */
export async function upsertMeetings(q: Queryable, coalitionId: string, all: MeetingDefinition[]): Promise<void> {
  for (const m of all) {
    if (!isValidZone(m.timeZone)) throw new Error(`meeting ${m.slug}: unknown time zone ${m.timeZone}`);
    parseRule(m.rrule, m.startDate);
    const rows = await q.query<{ id: string }>(
      `insert into meetings (coalition_id, slug, title, description, time_zone, start_date, start_time, duration_minutes, rrule, format, location, virtual_link,
                             consent_coalition_text, consent_coalition_version, consent_partner_text, consent_partner_version)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       on conflict (slug) do update set title = excluded.title, description = excluded.description, time_zone = excluded.time_zone,
         start_date = excluded.start_date, start_time = excluded.start_time, duration_minutes = excluded.duration_minutes, rrule = excluded.rrule,
         format = excluded.format, location = excluded.location, virtual_link = excluded.virtual_link,
         consent_coalition_text = excluded.consent_coalition_text, consent_coalition_version = excluded.consent_coalition_version,
         consent_partner_text = excluded.consent_partner_text, consent_partner_version = excluded.consent_partner_version
       returning id`,
      [
        coalitionId, m.slug, m.title, m.description, m.timeZone, m.startDate, m.startTime, m.durationMinutes, m.rrule, m.format, m.location ?? null,
        m.virtualLink ?? null, m.consent.coalition.text, m.consent.coalition.version, m.consent.partner.text, m.consent.partner.version,
      ],
    );
    const id = rows[0]!.id;
    await q.query("delete from meeting_breaks where meeting_id = $1", [id]);
    for (const b of m.breaks ?? []) await q.query("insert into meeting_breaks (meeting_id, from_date, to_date, reason) values ($1, $2, $3, $4)", [id, b.from, b.to, b.reason]);
    await q.query("delete from meeting_changes where meeting_id = $1", [id]);
    for (const c of m.changes ?? []) {
      await q.query(
        "insert into meeting_changes (meeting_id, occurrence_date, cancelled, new_date, new_time, format, location, note) values ($1, $2, $3, $4, $5, $6, $7, $8)",
        [id, c.date, c.cancelled ?? false, c.newDate ?? null, c.newTime ?? null, c.format ?? null, c.location ?? null, c.note ?? null],
      );
    }
  }
}
