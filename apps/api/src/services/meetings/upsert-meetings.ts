import type { Queryable } from "../../db/types.js";
import { parseRule } from "../time/recurrence.js";
import { isValidZone } from "../time/zoned-time.js";
import type { Locale, TranslatableText } from "@coalition-kit/schema";
import { childTranslations, splitTranslations, stored, type Translations } from "../content/languages.js";

/** A consent text in one language or several, with the meeting language's version. */
interface TranslatableConsent {
  text: TranslatableText;
  version: string;
}

/**
 * A member meeting as organizers define it (admin PUT) or a seed file holds it. Each text is a
 * string in the meeting's `language` (default "en") or one text per language ({ "en": …, "es": … }).
 */
export interface MeetingDefinition {
  slug: string;
  language?: Locale;
  title: TranslatableText;
  description: TranslatableText;
  timeZone: string;
  /** First occurrence, local date and time in timeZone. */
  startDate: string;
  startTime: string;
  durationMinutes: number;
  rrule: string;
  format: "virtual" | "in_person" | "hybrid";
  location?: string | null;
  virtualLink?: string | null;
  consent: { coalition: TranslatableConsent; partner: TranslatableConsent };
  breaks?: Array<{ from: string; to: string; reason: TranslatableText }>;
  changes?: Array<{ date: string; cancelled?: boolean; newDate?: string; newTime?: string; format?: "virtual" | "in_person" | "hybrid"; location?: string; note?: TranslatableText }>;
}

/** Upsert meetings by slug; their breaks and changes are replaced by the definition's. */
export async function upsertMeetings(q: Queryable, coalitionId: string, all: MeetingDefinition[]): Promise<void> {
  for (const m of all) {
    if (!isValidZone(m.timeZone)) throw new Error(`meeting ${m.slug}: unknown time zone ${m.timeZone}`);
    parseRule(m.rrule, m.startDate);
    const language = m.language ?? "en";
    // A text sent as a plain string keeps the translations saved with it (an older client, or a
    // form that edits one language, does not erase them); sent as one text per language, it replaces them.
    const saved = await savedTranslations(q, m.slug, language);
    const { columns: c, translations } = splitTranslations(
      language,
      { title: m.title, description: m.description, consent_coalition_text: m.consent.coalition.text, consent_partner_text: m.consent.partner.text },
      { consent_coalition_text: m.consent.coalition.version, consent_partner_text: m.consent.partner.version },
      saved.meeting,
    );
    const rows = await q.query<{ id: string }>(
      `insert into meetings (coalition_id, slug, title, description, time_zone, start_date, start_time, duration_minutes, rrule, format, location, virtual_link,
                             consent_coalition_text, consent_coalition_version, consent_partner_text, consent_partner_version, language, translations)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
       on conflict (slug) do update set title = excluded.title, description = excluded.description, time_zone = excluded.time_zone,
         start_date = excluded.start_date, start_time = excluded.start_time, duration_minutes = excluded.duration_minutes, rrule = excluded.rrule,
         format = excluded.format, location = excluded.location, virtual_link = excluded.virtual_link,
         consent_coalition_text = excluded.consent_coalition_text, consent_coalition_version = excluded.consent_coalition_version,
         consent_partner_text = excluded.consent_partner_text, consent_partner_version = excluded.consent_partner_version,
         language = excluded.language, translations = excluded.translations
       returning id`,
      [
        coalitionId, m.slug, c.title, c.description, m.timeZone, m.startDate, m.startTime, m.durationMinutes, m.rrule, m.format, m.location ?? null,
        m.virtualLink ?? null, c.consent_coalition_text, c.consent_coalition_version, c.consent_partner_text, c.consent_partner_version,
        language, JSON.stringify(translations),
      ],
    );
    const id = rows[0]!.id;
    await q.query("delete from meeting_breaks where meeting_id = $1", [id]);
    for (const b of m.breaks ?? []) {
      const reason = childTranslations(language, { reason: b.reason }, saved.breaks.get(b.from));
      await q.query("insert into meeting_breaks (meeting_id, from_date, to_date, reason, translations) values ($1, $2, $3, $4, $5)", [id, b.from, b.to, reason.columns.reason ?? "", reason.translations]);
    }
    await q.query("delete from meeting_changes where meeting_id = $1", [id]);
    for (const ch of m.changes ?? []) {
      const note = childTranslations(language, { note: ch.note }, saved.changes.get(ch.date));
      await q.query(
        "insert into meeting_changes (meeting_id, occurrence_date, cancelled, new_date, new_time, format, location, note, translations) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        [id, ch.date, ch.cancelled ?? false, ch.newDate ?? null, ch.newTime ?? null, ch.format ?? null, ch.location ?? null, ch.note === undefined ? null : (note.columns.note ?? null), note.translations],
      );
    }
  }
}

/** A meeting's saved translations, and its breaks' (by first day) and weeks' (by date), while it keeps its language. */
async function savedTranslations(q: Queryable, slug: string, language: Locale): Promise<{ meeting: Translations; breaks: Map<string, Translations>; changes: Map<string, Translations> }> {
  const none = { meeting: {}, breaks: new Map(), changes: new Map() };
  const rows = await q.query<{ id: string; language: Locale; translations: Translations | string | null }>("select id, language, translations from meetings where slug = $1", [slug]);
  const row = rows[0];
  if (!row || row.language !== language) return none;
  const breaks = await q.query<{ from_date: string; translations: Translations | string | null }>("select to_char(from_date, 'YYYY-MM-DD') as from_date, translations from meeting_breaks where meeting_id = $1", [row.id]);
  const changes = await q.query<{ date: string; translations: Translations | string | null }>("select to_char(occurrence_date, 'YYYY-MM-DD') as date, translations from meeting_changes where meeting_id = $1", [row.id]);
  return {
    meeting: stored(row.translations),
    breaks: new Map(breaks.map((b) => [b.from_date, stored(b.translations)])),
    changes: new Map(changes.map((c) => [c.date, stored(c.translations)])),
  };
}
