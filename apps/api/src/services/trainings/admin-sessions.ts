import {
  SESSION_CANCELLED_MESSAGE,
  SESSION_ENDS_MESSAGE,
  SESSION_LINK_MESSAGE,
  SESSION_OVER_MESSAGE,
  SESSION_PAST_MESSAGE,
  SESSION_PLACE_MESSAGE,
  SESSION_STARTS_MESSAGE,
  TrainingSessionPatch,
  type TrainingSessionChanged,
} from "@coalition-kit/schema";
import type { Queryable } from "../../db/types.js";
import { ApiError, parseOrReject, validationError } from "../errors.js";
import { getAdminSession } from "./admin-trainings.js";
import { writeAndNotifySessions } from "../messages/session-changes.js";
import type { AdminContext } from "../keys/secret-keys.js";

type Patch = ReturnType<typeof TrainingSessionPatch.parse>;

interface CurrentSession {
  id: string;
  starts_at: Date | string;
  ends_at: Date | string;
  format: "virtual" | "in_person" | "hybrid";
  location: string | null;
  virtual_link: string | null;
  status: "scheduled" | "cancelled";
}

/** The coalition's session at series slug + key, locked until the change commits (or undefined). */
async function lockSession(q: Queryable, admin: AdminContext, slug: string, key: string): Promise<CurrentSession | undefined> {
  const rows = await q.query<CurrentSession>(
    `select s.id, s.starts_at, s.ends_at, s.format, s.location, s.virtual_link, s.status
       from training_sessions s join training_series ts on ts.id = s.series_id
      where ts.slug = $1 and s.key = $2 and ts.coalition_id = $3
      for update of s`,
    [slug, key, admin.organizationId],
  );
  return rows[0];
}

const iso = (v: Date | string) => new Date(v).toISOString();

/** An emptied text field clears it. */
const cleared = (v: string | null | undefined, was: string | null) => (v === undefined ? was : v || null);

/** What the patch would leave wrong, next to the field sent, judged against the session as it stands. */
function patchErrors(current: CurrentSession, patch: Patch, now: number): Record<string, string> {
  const sent = (Object.keys(patch) as Array<keyof Patch>).filter((name) => patch[name] !== undefined);
  const errors: Record<string, string> = {};
  if (current.status === "cancelled" || new Date(current.ends_at).getTime() <= now) {
    const why = current.status === "cancelled" ? SESSION_CANCELLED_MESSAGE : SESSION_OVER_MESSAGE;
    // Cancelling what is already cancelled is a harmless repeat, not a mistake.
    for (const name of sent) if (!(name === "status" && current.status === "cancelled")) errors[name] = why;
    return errors;
  }
  const starts = patch.startsAt ? Date.parse(patch.startsAt) : new Date(current.starts_at).getTime();
  const ends = patch.endsAt ? Date.parse(patch.endsAt) : new Date(current.ends_at).getTime();
  if (patch.startsAt && starts <= now) errors.startsAt = SESSION_PAST_MESSAGE;
  if (ends <= starts) {
    if (patch.endsAt) errors.endsAt = SESSION_ENDS_MESSAGE;
    else errors.startsAt ??= SESSION_STARTS_MESSAGE;
  }
  if (patch.format !== undefined || patch.location !== undefined || patch.virtualLink !== undefined) {
    const format = patch.format ?? current.format;
    if (format !== "virtual" && !cleared(patch.location, current.location)) errors.location = SESSION_PLACE_MESSAGE;
    if (format !== "in_person" && !cleared(patch.virtualLink, current.virtual_link)) errors.virtualLink = SESSION_LINK_MESSAGE;
  }
  return errors;
}

/**
 * PATCH one training session (by series slug and session key): move it, change its place, link or
 * format, or cancel it — in the caller's transaction, with every registrant and waitlisted person
 * notified and reminders re-planned by the same code a whole-series PUT uses. Unknown series or
 * session (or another coalition's) is not_found; every mistake is a field error and changes nothing.
 */
export async function changeTrainingSession(q: Queryable, admin: AdminContext, slug: string, key: string, input: unknown, now = new Date()): Promise<TrainingSessionChanged> {
  const current = await lockSession(q, admin, slug, key);
  if (!current) throw new ApiError("not_found");
  const patch = parseOrReject(TrainingSessionPatch, input);
  const errors = patchErrors(current, patch, now.getTime());
  if (Object.keys(errors).length) throw validationError(errors);
  const notified = await writeAndNotifySessions(
    q,
    slug,
    async () => {
      await q.query(
        `update training_sessions set starts_at = $2, ends_at = $3, format = $4, location = $5, virtual_link = $6, status = $7 where id = $1`,
        [
          current.id,
          patch.startsAt ?? iso(current.starts_at),
          patch.endsAt ?? iso(current.ends_at),
          patch.format ?? current.format,
          cleared(patch.location, current.location),
          cleared(patch.virtualLink, current.virtual_link),
          patch.status ?? current.status,
        ],
      );
    },
    now,
  );
  return { session: (await getAdminSession(q, current.id))!, notified };
}
