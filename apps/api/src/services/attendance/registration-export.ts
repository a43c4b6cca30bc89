import type { Db } from "../../db/types.js";
import { ApiError } from "../errors.js";
import type { AdminContext } from "../keys/secret-keys.js";
import { csvStream } from "../platform/csv.js";
import { attendedByPerson, progressOf, seriesCount } from "./progress.js";

interface Row {
  person_id: string;
  session: string;
  starts_at: Date | string;
  first_name: string;
  last_name: string | null;
  email: string;
  partner: string;
  status: string;
  created_at: Date | string;
  attended: boolean | null;
  channel: string;
  collected_at: Date | string | null;
}

/**
 * GET /v1/admin/trainings/:slug/registrations.csv: every registration of the series (one row per
 * person per session), with the session's attendance mark and the person's progress across the
 * series: sessions attended, held so far and in all, and whether they completed it; and where it was
 * taken (channel: online, or at a table in tabling mode) and when (collected_at: registered_at
 * unless a tabling device collected it earlier, offline).
 */
export async function registrationCsv(db: Db, admin: AdminContext, slug: string, now = new Date()): Promise<{ filename: string; stream: ReadableStream<Uint8Array> }> {
  const owned = await db.query<{ id: string }>("select id from training_series where slug = $1 and coalition_id = $2", [slug, admin.organizationId]);
  const seriesId = owned[0]?.id;
  if (!seriesId) throw new ApiError("not_found");
  const count = await seriesCount(db, seriesId, now);
  const attended = await attendedByPerson(db, seriesId);
  const rows = await db.query<Row>(
    `select r.person_id, s.key as session, s.starts_at, p.first_name, p.last_name, p.email_normalized as email, o.slug as partner, r.status, r.created_at, a.attended, r.channel, r.collected_at
       from training_registrations r
       join training_sessions s on s.id = r.session_id
       join people p on p.id = r.person_id
       join partners pa on pa.id = r.partner_id join organizations o on o.id = pa.organization_id
       left join training_attendance a on a.registration_id = r.id
      where s.series_id = $1
      order by s.starts_at, s.key, r.created_at, r.id`,
    [seriesId],
  );
  const iso = (v: Date | string) => new Date(v).toISOString();
  const stream = csvStream<Row, number>({
    header: ["session", "session_starts_at", "first_name", "last_name", "email", "partner", "status", "registered_at", "attended", "sessions_attended", "sessions_held", "sessions_total", "completed", "channel", "collected_at"],
    literal: ["email"],
    page: async (after) => (after === undefined ? rows : []),
    cursor: () => rows.length,
    cells: (r) => {
      const progress = progressOf(count, attended.get(r.person_id) ?? 0);
      return [r.session, iso(r.starts_at), r.first_name, r.last_name, r.email, r.partner, r.status, iso(r.created_at), r.attended === null ? "" : r.attended ? "yes" : "no", progress.attended, progress.held, progress.total, progress.needed === null ? "" : progress.completed ? "yes" : "no", r.channel, iso(r.collected_at ?? r.created_at)];
    },
  });
  return { filename: `${slug}-registrations-${now.toISOString().slice(0, 10)}.csv`, stream };
}
