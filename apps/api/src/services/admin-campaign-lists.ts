import type { AdminMeetingList, AdminRegistrationList, AdminSurveyList, AdminTrainingList } from "@coalition-kit/schema";
import type { Db } from "../db/types.js";
import { ApiError } from "../http/errors.js";
import type { AdminContext } from "./secret-keys.js";
import { getMeeting } from "./meetings.js";

const iso = (v: Date | string) => new Date(v).toISOString();

/** Every training series with each session's seats taken and waitlist. */
export async function listTrainings(db: Db, admin: AdminContext): Promise<AdminTrainingList> {
  const rows = await db.query<{ slug: string; title: string; id: string | null; key: string; session_title: string; starts_at: Date | string; time_zone: string; status: string; capacity: number | null; registered: number; waitlisted: number }>(
    `select ts.slug, ts.title, s.id, s.key, s.title as session_title, s.starts_at, s.time_zone, s.status, s.capacity,
            (select count(*)::int from training_registrations r where r.session_id = s.id and r.status = 'registered') as registered,
            (select count(*)::int from training_registrations r where r.session_id = s.id and r.status = 'waitlisted') as waitlisted
       from training_series ts left join training_sessions s on s.series_id = ts.id
      where ts.coalition_id = $1 order by ts.title, s.starts_at`,
    [admin.organizationId],
  );
  const bySlug = new Map<string, AdminTrainingList["series"][number]>();
  for (const r of rows) {
    const series = bySlug.get(r.slug) ?? { slug: r.slug, title: r.title, sessions: [] };
    bySlug.set(r.slug, series);
    if (r.id) series.sessions.push({ id: r.id, key: r.key, title: r.session_title, startsAt: iso(r.starts_at), timeZone: r.time_zone, status: r.status, capacity: r.capacity, registered: r.registered, waitlisted: r.waitlisted });
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

export async function listSurveys(db: Db, admin: AdminContext): Promise<AdminSurveyList> {
  const rows = await db.query<{ slug: string; title: string; responses: number; public_results: boolean }>(
    `select s.slug, s.title, s.public_results, (select count(*)::int from survey_responses r where r.survey_id = s.id) as responses
       from surveys s where s.coalition_id = $1 order by s.title`,
    [admin.organizationId],
  );
  return { surveys: rows.map((r) => ({ slug: r.slug, title: r.title, responses: r.responses, publicResults: r.public_results })) };
}

/** Each meeting's next eight occurrences with yes / maybe / no counts. */
export async function listMeetings(db: Db, admin: AdminContext): Promise<AdminMeetingList> {
  const slugs = await db.query<{ slug: string }>("select slug from meetings where coalition_id = $1 order by title", [admin.organizationId]);
  const meetings = await Promise.all(
    slugs.map(async ({ slug }) => {
      const { meeting, occurrences } = await getMeeting(db, slug, undefined, 8, "");
      return { slug, title: meeting.title, schedule: meeting.schedule, upcoming: occurrences.map((o) => ({ date: o.date, status: o.status, counts: o.counts })) };
    }),
  );
  return { meetings };
}
