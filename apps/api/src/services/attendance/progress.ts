import type { CompletionThreshold, SeriesProgress } from "@coalition-kit/schema";
import type { Queryable } from "../../db/types.js";
import { consentColumns, enqueueActionEvent, PARTNER_COLUMNS, partnerJoin, type ActionRow } from "../webhooks/action-events.js";

/** A series' completion rule and its sessions (cancelled ones left out) as counted at `now`. */
export interface SeriesCount {
  seriesId: string;
  threshold: CompletionThreshold;
  /** Sessions attended to complete (null: the series has no completion). */
  needed: number | null;
  held: number;
  total: number;
}

/** The completion threshold as the API shows it, from its two columns. */
export const thresholdOf = (row: { completion_threshold: number | null; completion_tracked: boolean }): CompletionThreshold =>
  !row.completion_tracked ? null : (row.completion_threshold ?? "all");

/** How a series counts progress at `now`. */
export async function seriesCount(q: Queryable, seriesId: string, now: Date): Promise<SeriesCount> {
  const rows = await q.query<{ completion_threshold: number | null; completion_tracked: boolean; held: number; total: number }>(
    `select ts.completion_threshold, ts.completion_tracked,
            (select count(*)::int from training_sessions s where s.series_id = ts.id and s.status = 'scheduled' and s.starts_at <= $2) as held,
            (select count(*)::int from training_sessions s where s.series_id = ts.id and s.status = 'scheduled') as total
       from training_series ts where ts.id = $1`,
    [seriesId, now.toISOString()],
  );
  const r = rows[0]!;
  const threshold = thresholdOf(r);
  return { seriesId, threshold, needed: threshold === null ? null : threshold === "all" ? r.total : threshold, held: r.held, total: r.total };
}

/** Progress from a count of sessions attended. */
export function progressOf(count: SeriesCount, attended: number): SeriesProgress {
  return { attended, held: count.held, total: count.total, needed: count.needed, completed: count.needed !== null && count.needed > 0 && attended >= count.needed };
}

/** Sessions attended (scheduled sessions only) per person of a series; `people` limits it to some. */
export async function attendedByPerson(q: Queryable, seriesId: string, people?: string[]): Promise<Map<string, number>> {
  const rows = await q.query<{ person_id: string; attended: number }>(
    `select r.person_id, count(*)::int as attended
       from training_registrations r
       join training_sessions s on s.id = r.session_id and s.status = 'scheduled'
       join training_attendance a on a.registration_id = r.id and a.attended
      where s.series_id = $1 and ($2::uuid[] is null or r.person_id = any($2::uuid[]))
      group by r.person_id`,
    [seriesId, people ?? null],
  );
  return new Map(rows.map((r) => [r.person_id, r.attended]));
}

/**
 * After marks: whoever of `people` has now completed the series for the first time gets a
 * completion row and a `series.completed` event (to the coalition, and to the partner of their
 * first registration in the series; their details only where they consented), in the caller's
 * transaction. A later correction does not take a completion back, nor send it again.
 */
export async function recordCompletions(q: Queryable, count: SeriesCount, people: string[], now: Date): Promise<void> {
  if (count.needed === null || count.needed === 0 || people.length === 0) return;
  const attended = await attendedByPerson(q, count.seriesId, people);
  for (const [personId, n] of attended) {
    if (n < count.needed) continue;
    const added = await q.query("insert into training_completions (series_id, person_id, completed_at) values ($1, $2, $3) on conflict do nothing returning person_id", [count.seriesId, personId, now.toISOString()]);
    if (!added[0]) continue;
    const rows = await q.query<ActionRow & { series: string; first_name: string; last_name: string | null; email: string }>(
      `select ts.coalition_id, ${PARTNER_COLUMNS}, r.person_id, ts.slug as series, p.first_name, p.last_name, p.email_normalized as email,
              ${consentColumns("registration_id", "r.id", true)}
         from training_registrations r
         join training_sessions s on s.id = r.session_id join training_series ts on ts.id = s.series_id
         ${partnerJoin("r")}
         join people p on p.id = r.person_id
        where ts.id = $1 and r.person_id = $2
        order by r.created_at, r.id limit 1`,
      [count.seriesId, personId],
    );
    const r = rows[0];
    if (!r) continue;
    await enqueueActionEvent(q, "series.completed", r, { series: r.series, partner: r.partner_slug, attended: n, needed: count.needed, completedAt: now.toISOString() }, { firstName: r.first_name, lastName: r.last_name, email: r.email });
  }
}
