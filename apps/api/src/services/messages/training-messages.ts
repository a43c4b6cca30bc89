import type { Queryable } from "../../db/types.js";
import { cancelQueued, enqueueMessage, type MessageKind } from "./queue.js";

interface RegistrationRow {
  person_id: string;
  partner_id: string;
  coalition_id: string;
  series_id: string;
  status: string;
  locale: string;
  round: number;
  starts_at: string | Date;
  sequence: number;
  reminder_minutes: number[];
}

async function registration(q: Queryable, registrationId: string): Promise<RegistrationRow | undefined> {
  const rows = await q.query<RegistrationRow>(
    `select r.person_id, r.partner_id, ts.coalition_id, ts.id as series_id, r.status, r.locale,
            (extract(epoch from r.created_at) * 1000)::bigint as round, s.starts_at, s.sequence, ts.reminder_minutes
       from training_registrations r join training_sessions s on s.id = r.session_id join training_series ts on ts.id = s.series_id
      where r.id = $1`,
    [registrationId],
  );
  return rows[0];
}

/** Reminders before the session for a seated registration (none in the past, none after an unsubscribe). */
async function queueReminders(q: Queryable, registrationId: string, reg: RegistrationRow, baseUrl: string | null, now: Date): Promise<void> {
  if (reg.status !== "registered") return;
  const start = new Date(reg.starts_at).getTime();
  for (const minutes of reg.reminder_minutes) {
    const sendAt = new Date(start - minutes * 60_000);
    if (sendAt <= now) continue;
    await enqueueMessage(q, {
      coalitionId: reg.coalition_id,
      partnerId: reg.partner_id,
      personId: reg.person_id,
      kind: "training.reminder",
      dedupeKey: `training.reminder:${registrationId}:${reg.round}:${reg.sequence}:${minutes}`,
      registrationId,
      scope: `series:${reg.series_id}`,
      locale: reg.locale,
      baseUrl,
      sendAt,
    });
  }
}

/**
 * After a registration is written: its confirmation (or waitlist notice, or "you have a seat" when
 * promoted) and, with a seat, its reminders. In the caller's transaction.
 */
export async function queueRegistrationMessages(
  q: Queryable,
  registrationId: string,
  kind: "training.confirmation" | "training.waitlisted" | "training.promoted",
  baseUrl: string | null,
  now = new Date(),
): Promise<void> {
  const reg = await registration(q, registrationId);
  if (!reg) return;
  await enqueueMessage(q, {
    coalitionId: reg.coalition_id,
    partnerId: reg.partner_id,
    personId: reg.person_id,
    kind,
    dedupeKey: `${kind}:${registrationId}:${reg.round}`,
    registrationId,
    locale: reg.locale,
    baseUrl,
  });
  await queueReminders(q, registrationId, reg, baseUrl, now);
}

/** A cancelled registration gets no further reminders or notices. */
export async function cancelRegistrationMessages(q: Queryable, registrationId: string): Promise<void> {
  await cancelQueued(q, { registrationId });
}

/**
 * An organizer changed a session's time or place, or cancelled it: every registrant and
 * waitlisted person gets a notice (once per change, keyed by the session's SEQUENCE), and
 * queued reminders are replaced by ones that follow the new time (or dropped when cancelled).
 */
export async function queueSessionChangeMessages(q: Queryable, sessionId: string, kind: Extract<MessageKind, "training.changed" | "training.cancelled">, now = new Date()): Promise<number> {
  const ids = await q.query<{ id: string }>("select id from training_registrations where session_id = $1 and status in ('registered', 'waitlisted')", [sessionId]);
  let notices = 0;
  for (const { id } of ids) {
    await cancelQueued(q, { registrationId: id, kinds: ["training.reminder"] });
    const reg = (await registration(q, id))!;
    const queued = await enqueueMessage(q, {
      coalitionId: reg.coalition_id,
      partnerId: reg.partner_id,
      personId: reg.person_id,
      kind,
      dedupeKey: `${kind}:${id}:${reg.round}:${reg.sequence}`,
      registrationId: id,
      locale: reg.locale,
    });
    if (queued) notices += 1;
    if (kind === "training.changed") await queueReminders(q, id, reg, null, now);
  }
  return notices;
}
