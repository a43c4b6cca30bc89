import type { Queryable } from "../../db/types.js";
import { queueSessionChangeMessages } from "./training-messages.js";

interface SessionState {
  id: string;
  key: string;
  starts_at: string | Date;
  ends_at: string | Date;
  format: string;
  location: string | null;
  virtual_link: string | null;
  status: string;
}

/** The series' sessions as they are before an organizer's save, keyed by session key. */
export async function sessionSnapshot(q: Queryable, seriesSlug: string): Promise<Map<string, SessionState>> {
  const rows = await q.query<SessionState>(
    `select s.id, s.key, s.starts_at, s.ends_at, s.format, s.location, s.virtual_link, s.status
       from training_sessions s join training_series ts on ts.id = s.series_id where ts.slug = $1`,
    [seriesSlug],
  );
  return new Map(rows.map((r) => [r.key, r]));
}

const when = (v: string | Date) => new Date(v).getTime();

/**
 * After a save: each session whose time, place or link changed, or that was cancelled, gets its
 * SEQUENCE bumped (calendar apps take the update) and its registrants notified; reminders follow.
 * Returns how many notices were queued.
 */
export async function notifySessionChanges(q: Queryable, seriesSlug: string, before: Map<string, SessionState>, now = new Date()): Promise<number> {
  const after = await sessionSnapshot(q, seriesSlug);
  let notices = 0;
  for (const [key, s] of after) {
    const was = before.get(key);
    if (!was || was.status === "cancelled") continue;
    const cancelled = s.status === "cancelled";
    const moved = when(s.starts_at) !== when(was.starts_at) || when(s.ends_at) !== when(was.ends_at);
    const elsewhere = s.location !== was.location || s.format !== was.format || s.virtual_link !== was.virtual_link;
    if (!cancelled && !moved && !elsewhere) continue;
    await q.query("update training_sessions set sequence = sequence + 1 where id = $1", [s.id]);
    notices += await queueSessionChangeMessages(q, s.id, cancelled ? "training.cancelled" : "training.changed", now);
  }
  return notices;
}

/**
 * Run an organizer's write to a series' sessions (in the caller's transaction), then notify
 * everyone affected by what it changed. Returns how many notices were queued.
 */
export async function writeAndNotifySessions(q: Queryable, seriesSlug: string, write: () => Promise<void>, now = new Date()): Promise<number> {
  const before = await sessionSnapshot(q, seriesSlug);
  await write();
  return notifySessionChanges(q, seriesSlug, before, now);
}
