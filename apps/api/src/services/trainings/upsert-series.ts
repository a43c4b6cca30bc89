import type { Queryable } from "../../db/types.js";
import type { CompletionThreshold, Locale, TranslatableText } from "@coalition-kit/schema";
import { childTranslations, splitTranslations, stored, type Translations } from "../content/languages.js";

/**
 * A training series as organizers define it (admin PUT) or a seed file holds it. Each text is a
 * string in the series' `language` (default "en"), which its sessions are written in too, or one
 * text per language ({ "en": …, "es": … }).
 */
export interface TrainingSeriesDefinition {
  slug: string;
  language?: Locale;
  title: TranslatableText;
  description: TranslatableText;
  consent: { coalition: { text: TranslatableText; version: string }; partner: { text: TranslatableText; version: string } };
  /** Minutes before each session when reminders go out (default [1440, 60]; [] for none). */
  reminderMinutes?: number[];
  /** Sessions attended to complete the series ("all", the default; null: no completion); left out, it stays as saved. */
  completionThreshold?: CompletionThreshold | undefined;
  /**
   * The coalition's survey attendees get after each session (its slug; null: none) and the https
   * page where it is embedded. Left out (both), they stay as saved.
   */
  feedbackSurvey?: string | null | undefined;
  feedbackUrl?: string | null | undefined;
  sessions: TrainingSessionDefinition[];
}

/** One session of a series, as defined. */
export interface TrainingSessionDefinition {
  /** Stable within the series, so seeding again updates instead of duplicating. */
  key: string;
  title: TranslatableText;
  description?: TranslatableText;
  /** ISO instants with offset, e.g. "2026-09-17T18:00:00-04:00". */
  startsAt: string;
  endsAt: string;
  timeZone: string;
  format: "virtual" | "in_person" | "hybrid";
  location?: string | null;
  virtualLink?: string | null;
  capacity?: number | null;
  status?: "scheduled" | "cancelled";
  leaders: Array<{ name: string; role?: TranslatableText | null }>;
  /** Slugs of partner organizations co-hosting this session. */
  partners?: string[];
  /** Seats kept for co-hosting partners' members; left out, no seats are kept. */
  partnerSeats?: Array<{ partner: string; seats: number }>;
}

/** Upsert training series and their sessions (by series slug + session key). */
export async function upsertTrainingSeries(q: Queryable, coalitionId: string, all: TrainingSeriesDefinition[]): Promise<void> {
  for (const series of all) {
    const language = series.language ?? "en";
    // A text sent as a plain string keeps the translations saved with it (an older client, or a
    // form that edits one language, does not erase them); sent as one text per language, it replaces them.
    const saved = await savedTranslations(q, series.slug, language);
    const { columns: c, translations } = splitTranslations(
      language,
      { title: series.title, description: series.description, consent_coalition_text: series.consent.coalition.text, consent_partner_text: series.consent.partner.text },
      { consent_coalition_text: series.consent.coalition.version, consent_partner_text: series.consent.partner.version },
      saved.series,
    );
    const rows = await q.query<{ id: string }>(
      `insert into training_series (coalition_id, slug, title, description, consent_coalition_text, consent_coalition_version, consent_partner_text, consent_partner_version, reminder_minutes, language, translations)
       values ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::integer[], '{1440,60}'), $10, $11)
       on conflict (slug) do update set title = excluded.title, description = excluded.description,
         language = excluded.language, translations = excluded.translations,
         reminder_minutes = coalesce($9::integer[], training_series.reminder_minutes),
         consent_coalition_text = excluded.consent_coalition_text, consent_coalition_version = excluded.consent_coalition_version,
         consent_partner_text = excluded.consent_partner_text, consent_partner_version = excluded.consent_partner_version
       returning id`,
      [
        coalitionId, series.slug, c.title, c.description, c.consent_coalition_text, c.consent_coalition_version, c.consent_partner_text, c.consent_partner_version,
        series.reminderMinutes ? [...new Set(series.reminderMinutes)] : null, language, JSON.stringify(translations),
      ],
    );
    const seriesId = rows[0]!.id;
    if (series.completionThreshold !== undefined) {
      const t = series.completionThreshold;
      await q.query("update training_series set completion_threshold = $2, completion_tracked = $3 where id = $1", [seriesId, typeof t === "number" ? t : null, t !== null]);
    }
    if (series.feedbackSurvey !== undefined || series.feedbackUrl !== undefined) {
      await q.query(
        `update training_series set feedback_survey_id = (select id from surveys where slug = $2 and coalition_id = $3), feedback_url = $4 where id = $1`,
        [seriesId, series.feedbackSurvey ?? null, coalitionId, series.feedbackSurvey ? (series.feedbackUrl ?? null) : null],
      );
    }
    for (const s of series.sessions) {
      // Title, description and each leader's role (by position) in the series' language, with translations.
      const texts = childTranslations(language, {
        title: s.title,
        description: s.description,
        ...Object.fromEntries(s.leaders.map((l, i) => [`leaders.${i}.role`, l.role])),
      }, saved.sessions.get(s.key));
      const t = texts.columns;
      const session = await q.query<{ id: string }>(
        `insert into training_sessions (series_id, key, title, description, starts_at, ends_at, time_zone, format, location, virtual_link, leaders, capacity, status, translations)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         on conflict (series_id, key) do update set title = excluded.title, description = excluded.description, translations = excluded.translations,
           starts_at = excluded.starts_at, ends_at = excluded.ends_at, time_zone = excluded.time_zone, format = excluded.format,
           location = excluded.location, virtual_link = excluded.virtual_link, leaders = excluded.leaders,
           capacity = excluded.capacity, status = excluded.status
         returning id`,
        [
          seriesId, s.key, t.title, t.description ?? "", s.startsAt, s.endsAt, s.timeZone, s.format, s.location ?? null, s.virtualLink ?? null,
          JSON.stringify(s.leaders.map((l, i) => ({ name: l.name, role: l.role ? t[`leaders.${i}.role`] || null : null }))), s.capacity ?? null, s.status ?? "scheduled",
          texts.translations,
        ],
      );
      // The list, when given, is the whole list: partners left out stop co-hosting.
      if (s.partners) {
        await q.query(
          `delete from training_session_partners sp using organizations o
            where sp.session_id = $1 and o.id = sp.organization_id and not (o.slug = any($2::text[]))`,
          [session[0]!.id, s.partners],
        );
      }
      const seats = new Map((s.partnerSeats ?? []).map((r) => [r.partner, r.seats]));
      for (const slug of s.partners ?? []) {
        await q.query(
          `insert into training_session_partners (session_id, organization_id, seats)
           select $1, id, $3 from organizations where slug = $2
           on conflict (session_id, organization_id) do update set seats = excluded.seats`,
          [session[0]!.id, slug, seats.get(slug) ?? null],
        );
      }
      if (!s.partners) await q.query("update training_session_partners set seats = null where session_id = $1 and seats is not null", [session[0]!.id]);
    }
  }
}

/** A series' saved translations, and its sessions' (by key), while it keeps its language. */
async function savedTranslations(q: Queryable, slug: string, language: Locale): Promise<{ series: Translations; sessions: Map<string, Translations> }> {
  const rows = await q.query<{ id: string; language: Locale; translations: Translations | string | null }>("select id, language, translations from training_series where slug = $1", [slug]);
  const row = rows[0];
  if (!row || row.language !== language) return { series: {}, sessions: new Map() };
  const sessions = await q.query<{ key: string; translations: Translations | string | null }>("select key, translations from training_sessions where series_id = $1", [row.id]);
  return { series: stored(row.translations), sessions: new Map(sessions.map((r) => [r.key, stored(r.translations)])) };
}
