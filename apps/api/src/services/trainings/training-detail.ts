import type { AdminTrainingSeriesDetail, Locale } from "@coalition-kit/schema";
import { savedText, type Translations } from "../content/languages.js";
import type { Db } from "../../db/types.js";
import { ApiError } from "../errors.js";
import { seriesAttendance } from "../attendance/attendance.js";
import { thresholdOf } from "../attendance/progress.js";
import type { AdminContext } from "../keys/secret-keys.js";

type Session = AdminTrainingSeriesDetail["series"]["sessions"][number];
type SavedLeader = { name: string; role: string | null };
const leadersOf = (leaders: SavedLeader[] | string): SavedLeader[] => (typeof leaders === "string" ? (JSON.parse(leaders) as SavedLeader[]) : leaders);

/** One of this coalition's training series as saved, in the shape PUT takes (for the console's edit form). */
export async function getTrainingSeries(db: Db, admin: AdminContext, slug: string, now = new Date()): Promise<AdminTrainingSeriesDetail> {
  const rows = await db.query<{
    id: string;
    title: string;
    description: string;
    consent_coalition_text: string;
    consent_coalition_version: string;
    consent_partner_text: string;
    consent_partner_version: string;
    reminder_minutes: number[];
    completion_threshold: number | null;
    completion_tracked: boolean;
    feedback_survey: string | null;
    feedback_url: string | null;
    language: Locale;
    translations: Translations | string | null;
  }>(
    `select id, title, description, consent_coalition_text, consent_coalition_version, consent_partner_text, consent_partner_version, reminder_minutes, completion_threshold, completion_tracked, language, translations,
            (select sv.slug from surveys sv where sv.id = feedback_survey_id) as feedback_survey, feedback_url
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
    leaders: SavedLeader[] | string;
    partners: string[] | null;
    partner_seats: Array<{ partner: string; seats: number }> | string;
    translations: Translations | string | null;
  }>(
    `select s.key, s.title, s.description, s.translations, s.starts_at, s.ends_at, s.time_zone, s.format, s.location, s.virtual_link, s.capacity, s.status, s.leaders,
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
      language: s.language,
      title: savedText(s, "title"),
      description: savedText(s, "description"),
      consent: {
        coalition: { text: savedText(s, "consent_coalition_text"), version: s.consent_coalition_version },
        partner: { text: savedText(s, "consent_partner_text"), version: s.consent_partner_version },
      },
      reminderMinutes: s.reminder_minutes,
      completionThreshold: thresholdOf(s),
      feedbackSurvey: s.feedback_survey,
      feedbackUrl: s.feedback_url,
      sessions: sessions.map((r) => {
        // A session is in the series' language; its translations include each leader's role by position.
        const row = { ...r, language: s.language, ...Object.fromEntries(leadersOf(r.leaders).map((l, i) => [`leaders.${i}.role`, l.role ?? ""])) };
        return {
          key: r.key,
          title: savedText(row, "title"),
          description: savedText(row, "description"),
          startsAt: new Date(r.starts_at).toISOString(),
          endsAt: new Date(r.ends_at).toISOString(),
          timeZone: r.time_zone,
          format: r.format,
          location: r.location,
          virtualLink: r.virtual_link,
          capacity: r.capacity,
          status: r.status,
          leaders: leadersOf(r.leaders).map((l, i) => ({ name: l.name, role: l.role ? savedText(row, `leaders.${i}.role`) : null })),
          partners: r.partners ?? [],
          partnerSeats: typeof r.partner_seats === "string" ? (JSON.parse(r.partner_seats) as Array<{ partner: string; seats: number }>) : r.partner_seats,
        };
      }),
    },
    attendance: await seriesAttendance(db, s.id, now),
  };
}
