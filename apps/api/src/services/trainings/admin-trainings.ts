import { COMPLETION_THRESHOLD_SESSIONS_MESSAGE, SESSION_ENDS_MESSAGE, TrainingSeriesInput, type AdminRegistrationList, type AdminSaved, type AdminTrainingList, type AdminTrainingSession } from "@coalition-kit/schema";
import type { Db, Queryable } from "../../db/types.js";
import { claimSlug } from "../campaigns.js";
import { ApiError, parseOrReject, validationError } from "../errors.js";
import type { AdminContext } from "../keys/secret-keys.js";
import { writeAndNotifySessions } from "../messages/session-changes.js";
import { zoneError } from "../time/zoned-time.js";
import { upsertTrainingSeries } from "./upsert-series.js";
import { fillOpenSeats } from "./trainings.js";
import { RESERVATIONS_SQL } from "./seats.js";
import { feedbackErrors } from "./series-feedback.js";

const iso = (v: Date | string) => new Date(v).toISOString();

interface AdminSessionRow {
  id: string;
  key: string;
  session_title: string;
  starts_at: Date | string;
  ends_at: Date | string;
  time_zone: string;
  format: AdminTrainingSession["format"];
  location: string | null;
  virtual_link: string | null;
  status: AdminTrainingSession["status"];
  capacity: number | null;
  registered: number;
  waitlisted: number;
  partner_seats: Array<{ slug: string; seats: number; taken: number }> | string;
}

/** The columns of one session as organizers see it (`s` is training_sessions). */
const SESSION_COLUMNS = `s.id, s.key, s.title as session_title, s.starts_at, s.ends_at, s.time_zone, s.format, s.location, s.virtual_link, s.status, s.capacity,
  (select count(*)::int from training_registrations r where r.session_id = s.id and r.status = 'registered') as registered,
  (select count(*)::int from training_registrations r where r.session_id = s.id and r.status = 'waitlisted') as waitlisted,
  ${RESERVATIONS_SQL} as partner_seats`;

const adminSession = (r: AdminSessionRow): AdminTrainingSession => ({
  id: r.id,
  key: r.key,
  title: r.session_title,
  startsAt: iso(r.starts_at),
  endsAt: iso(r.ends_at),
  timeZone: r.time_zone,
  format: r.format,
  location: r.location,
  virtualLink: r.virtual_link,
  status: r.status,
  capacity: r.capacity,
  registered: r.registered,
  waitlisted: r.waitlisted,
  partnerSeats: (typeof r.partner_seats === "string" ? (JSON.parse(r.partner_seats) as Exclude<AdminSessionRow["partner_seats"], string>) : (r.partner_seats ?? [])).map((p) => ({ partner: p.slug, seats: p.seats, taken: p.taken })),
});

/** One session with its seats taken and waitlist, as the organizer's list shows it. */
export async function getAdminSession(q: Queryable, sessionId: string): Promise<AdminTrainingSession | undefined> {
  const rows = await q.query<AdminSessionRow>(`select ${SESSION_COLUMNS} from training_sessions s where s.id = $1`, [sessionId]);
  return rows[0] && adminSession(rows[0]);
}

/** Every training series with each session's seats taken and waitlist. */
export async function listTrainings(db: Db, admin: AdminContext): Promise<AdminTrainingList> {
  // A series without sessions comes back once, with a null session id (left join).
  const rows = await db.query<{ slug: string; title: string; id: string | null } & Omit<AdminSessionRow, "id">>(
    `select ts.slug, ts.title, ${SESSION_COLUMNS}
       from training_series ts left join training_sessions s on s.series_id = ts.id
      where ts.coalition_id = $1 order by ts.title, s.starts_at`,
    [admin.organizationId],
  );
  const bySlug = new Map<string, AdminTrainingList["series"][number]>();
  for (const r of rows) {
    const series = bySlug.get(r.slug) ?? { slug: r.slug, title: r.title, sessions: [] };
    bySlug.set(r.slug, series);
    if (r.id !== null) series.sessions.push(adminSession({ ...r, id: r.id }));
  }
  return { series: [...bySlug.values()] };
}

/** Who registered for a series' sessions, waitlist in order. Registrants gave their details to attend. */
export async function listRegistrations(db: Db, admin: AdminContext, slug: string): Promise<AdminRegistrationList> {
  const owned = await db.query("select 1 from training_series where slug = $1 and coalition_id = $2", [slug, admin.organizationId]);
  if (!owned[0]) throw new ApiError("not_found");
  const rows = await db.query<{ session: string; first_name: string; last_name: string | null; email: string; partner: string; status: "registered" | "waitlisted" | "cancelled"; position: number | null; created_at: Date | string }>(
    `select s.id as session, p.first_name, p.last_name, p.email_normalized as email, o.name as partner, r.status, r.created_at,
            case when r.status = 'waitlisted' then
              (select count(*)::int from training_registrations w where w.session_id = r.session_id and w.status = 'waitlisted' and (w.waitlisted_at, w.id) <= (r.waitlisted_at, r.id))
            end as position
       from training_registrations r
       join training_sessions s on s.id = r.session_id join training_series ts on ts.id = s.series_id
       join people p on p.id = r.person_id
       join partners pa on pa.id = r.partner_id join organizations o on o.id = pa.organization_id
      where ts.slug = $1
      order by s.starts_at, case r.status when 'registered' then 0 when 'waitlisted' then 1 else 2 end, r.waitlisted_at nulls first, r.created_at`,
    [slug],
  );
  return {
    registrations: rows.map((r) => ({ session: r.session, firstName: r.first_name, lastName: r.last_name, email: r.email, partner: r.partner, status: r.status, waitlistPosition: r.position, createdAt: iso(r.created_at) })),
  };
}

/**
 * Create or change a training series at an address (PUT). Every rule the database or the
 * scheduler would trip on is checked first, so a mistake is a field error and nothing half-saved;
 * registrants of a session that moves are told (writeAndNotifySessions).
 */
export async function saveTrainingSeries(q: Queryable, admin: AdminContext, slug: string, input: unknown): Promise<AdminSaved> {
  const created = await claimSlug(q, admin, "training_series", slug);
  const data = parseOrReject(TrainingSeriesInput, input);
  const partners = new Set((await q.query<{ slug: string }>("select o.slug from partners pa join organizations o on o.id = pa.organization_id where pa.coalition_id = $1", [admin.organizationId])).map((r) => r.slug));
  const errors: Record<string, string> = {};
  data.sessions.forEach((s, i) => {
    const zone = zoneError(s.timeZone);
    if (zone) errors[`sessions.${i}.timeZone`] = zone;
    if (Date.parse(s.endsAt) <= Date.parse(s.startsAt)) errors[`sessions.${i}.endsAt`] = SESSION_ENDS_MESSAGE;
    const unknown = (s.partners ?? []).find((p) => !partners.has(p));
    if (unknown) errors[`sessions.${i}.partners`] = `${unknown} is not one of your partners.`;
  });
  const keys = data.sessions.map((s) => s.key);
  const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
  if (repeated) errors.sessions = `Two sessions share the key ${repeated}.`;
  const scheduled = data.sessions.filter((s) => s.status !== "cancelled").length;
  if (typeof data.completionThreshold === "number" && data.completionThreshold > scheduled) errors.completionThreshold = COMPLETION_THRESHOLD_SESSIONS_MESSAGE;
  Object.assign(errors, await feedbackErrors(q, admin, data));
  if (Object.keys(errors).length) throw validationError(errors);
  await writeAndNotifySessions(q, slug, () => upsertTrainingSeries(q, admin.organizationId, [{ slug, ...data, sessions: data.sessions.map((s) => ({ ...s, description: s.description ?? "" })) }]));
  if (!created) await fillOpenSeats(q, slug);
  return { slug, created };
}
