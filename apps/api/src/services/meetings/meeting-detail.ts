import type { AdminMeetingDetail } from "@coalition-kit/schema";
import type { Db } from "../../db/types.js";
import { ApiError } from "../errors.js";
import { savedText, type Translations } from "../content/languages.js";
import type { Locale } from "@coalition-kit/schema";
import type { AdminContext } from "../keys/secret-keys.js";

type Meeting = AdminMeetingDetail["meeting"];
type Change = Meeting["changes"][number];
const day = (v: Date | string) => (typeof v === "string" ? v.slice(0, 10) : v.toISOString().slice(0, 10));

/** One of this coalition's meetings as saved, in the shape PUT takes, with its breaks and one-week changes. */
export async function getMeeting(db: Db, admin: AdminContext, slug: string): Promise<AdminMeetingDetail> {
  const rows = await db.query<{
    id: string;
    title: string;
    description: string;
    time_zone: string;
    start_date: Date | string;
    start_time: string;
    duration_minutes: number;
    rrule: string;
    format: Meeting["format"];
    location: string | null;
    virtual_link: string | null;
    consent_coalition_text: string;
    consent_coalition_version: string;
    consent_partner_text: string;
    consent_partner_version: string;
    language: Locale;
    translations: Translations | string | null;
  }>(
    `select id, title, description, time_zone, to_char(start_date, 'YYYY-MM-DD') as start_date, start_time, duration_minutes, rrule, format, location, virtual_link,
            consent_coalition_text, consent_coalition_version, consent_partner_text, consent_partner_version, language, translations
       from meetings where slug = $1 and coalition_id = $2`,
    [slug, admin.organizationId],
  );
  const m = rows[0];
  if (!m) throw new ApiError("not_found");
  const breaks = await db.query<{ from_date: string; to_date: string; reason: string; translations: Translations | string | null }>(
    "select to_char(from_date, 'YYYY-MM-DD') as from_date, to_char(to_date, 'YYYY-MM-DD') as to_date, reason, translations from meeting_breaks where meeting_id = $1 order by from_date",
    [m.id],
  );
  const changes = await db.query<{ date: string; cancelled: boolean; new_date: string | null; new_time: string | null; format: Change["format"] | null; location: string | null; note: string | null; translations: Translations | string | null }>(
    `select to_char(occurrence_date, 'YYYY-MM-DD') as date, cancelled, to_char(new_date, 'YYYY-MM-DD') as new_date, new_time, format, location, note, translations
       from meeting_changes where meeting_id = $1 order by occurrence_date`,
    [m.id],
  );
  return {
    slug,
    meeting: {
      language: m.language,
      title: savedText(m, "title"),
      description: savedText(m, "description"),
      timeZone: m.time_zone,
      startDate: day(m.start_date),
      startTime: m.start_time,
      durationMinutes: m.duration_minutes,
      rrule: m.rrule,
      format: m.format,
      location: m.location,
      virtualLink: m.virtual_link,
      consent: {
        coalition: { text: savedText(m, "consent_coalition_text"), version: m.consent_coalition_version },
        partner: { text: savedText(m, "consent_partner_text"), version: m.consent_partner_version },
      },
      breaks: breaks.map((b) => ({ from: b.from_date, to: b.to_date, reason: savedText({ ...b, language: m.language }, "reason") })),
      changes: changes.map((c) => ({
        date: c.date,
        ...(c.cancelled ? { cancelled: true } : {}),
        ...(c.new_date ? { newDate: c.new_date } : {}),
        ...(c.new_time ? { newTime: c.new_time } : {}),
        ...(c.format ? { format: c.format } : {}),
        ...(c.location !== null ? { location: c.location } : {}),
        ...(c.note !== null ? { note: savedText({ ...c, language: m.language }, "note") } : {}),
      })),
    },
  };
}
