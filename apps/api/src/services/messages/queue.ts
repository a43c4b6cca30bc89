import type { Locale, MessageKind } from "@coalition-kit/schema";
import type { Queryable } from "../../db/types.js";

export type { MessageKind };

/** Reminders are the only messages a person can unsubscribe from; confirmations and notices always go. */
export const isReminder = (kind: string): boolean => kind.endsWith(".reminder");

/** What a series' or meeting's unsubscribe stops: its reminders, and the feedback survey after a session. */
export const followsUnsubscribe = (kind: string): boolean => isReminder(kind) || kind === "training.feedback";

/** Messages a suppressed address still gets: the confirmation or guardian request the person just asked for. */
export const ASKED_FOR: readonly string[] = ["petition.confirm", "petition.guardian", "story.guardian"];

/** Messages that go to a parent or guardian (the message's own address), never to the child. */
export const TO_GUARDIAN: readonly string[] = ["petition.guardian", "story.guardian"];

export interface NewMessage {
  coalitionId: string;
  partnerId?: string | null;
  /** Null only for a guardian's message about a child we hold no email for (it goes to `guardianAddress`). */
  personId: string | null;
  kind: MessageKind;
  /** Unique per person, kind and occurrence: writing it twice (a retry, another replica) queues it once. */
  dedupeKey: string;
  registrationId?: string | null;
  attendeeId?: string | null;
  storyId?: string | null;
  signatureId?: string | null;
  /**
   * Send to this address instead of the person's: a parent or guardian asked to consent for a child
   * (the only email a child's record ever causes; the child gets none).
   */
  guardianAddress?: string | null;
  occurrenceDate?: string | null;
  /** What an unsubscribe from this reminder stops: "series:<id>" or "meeting:<id>". */
  scope?: string | null;
  locale: Locale | string;
  baseUrl?: string | null;
  /** When to send (default: now). */
  sendAt?: Date | string;
}

/**
 * Queue a message in the caller's transaction (so it exists exactly when the action committed).
 * Nothing is queued for a person recorded as under 13, nor a reminder (or feedback ask) in a scope they
 * unsubscribed from, nor anything to a suppressed address but what the person just asked for. Returns whether a
 * new message was queued. Signing applies the same rules inside sign_petition (migrations/functions/sign_petition.sql),
 * and to its thank-you in queueOwedThanks (signature-thanks.ts): change them in all three places.
 */
export async function enqueueMessage(q: Queryable, m: NewMessage): Promise<boolean> {
  if (!m.personId && !m.guardianAddress) return false;
  const rows = await q.query(
    `insert into messages (coalition_id, partner_id, person_id, kind, dedupe_key, registration_id, attendee_id, occurrence_date,
                           scope, locale, base_url, to_address, send_at, story_id, signature_id)
     select $1, $2, p.id, $4, $5, $6, $7, $8, $9, $10, $11, coalesce($16, p.email_normalized), coalesce($12::timestamptz, now()), $14, $15
       from (select $3::uuid as id) asked left join people p on p.id = asked.id
      where (p.id is not null or (asked.id is null and $16::text is not null))
        and ($16::text is not null or not exists (select 1 from signatures s where s.person_id = p.id and s.age_band = 'under_13'))
        and ($16::text is not null or not exists (select 1 from stories st where st.person_id = p.id and st.age_band = 'under_13'))
        and not ($13::boolean and exists (select 1 from message_unsubscribes u where u.person_id = p.id and u.scope = $9))
        and ($4 = any($17::text[]) or not exists (select 1 from suppressions x where x.coalition_id = $1 and x.email = coalesce($16, p.email_normalized)))
     on conflict (dedupe_key) do nothing
     returning id`,
    [
      m.coalitionId, m.partnerId ?? null, m.personId, m.kind, m.dedupeKey, m.registrationId ?? null, m.attendeeId ?? null,
      m.occurrenceDate ?? null, m.scope ?? null, m.locale, m.baseUrl ?? null,
      m.sendAt === undefined ? null : new Date(m.sendAt).toISOString(), followsUnsubscribe(m.kind), m.storyId ?? null, m.signatureId ?? null, m.guardianAddress ?? null, ASKED_FOR,
    ],
  );
  return rows.length > 0;
}

/** A message to a coalition's staff: an address, not a person (organizers are not `people` rows). */
export interface NewStaffMessage {
  coalitionId: string;
  kind: Extract<MessageKind, "organizer.digest">;
  /** Unique per coalition, kind, day and address: a second replica or a retry queues nothing. */
  dedupeKey: string;
  toAddress: string;
  locale: Locale | string;
  /** When it was queued, on the caller's clock: what the message reports is measured up to here. */
  queuedAt: Date;
}

/**
 * Queue a staff message with no person behind it (person_id stays null). A suppressed address
 * (refused for good, or that stopped all email) gets nothing. Returns whether a new message was queued.
 */
export async function enqueueStaffMessage(q: Queryable, m: NewStaffMessage): Promise<boolean> {
  const rows = await q.query(
    `insert into messages (coalition_id, kind, dedupe_key, to_address, locale, send_at, created_at)
     select $1, $2, $3, $4, $5, $6, $6
      where not exists (select 1 from suppressions x where x.coalition_id = $1 and x.email = $4)
     on conflict (dedupe_key) do nothing
     returning id`,
    [m.coalitionId, m.kind, m.dedupeKey, m.toAddress, m.locale, m.queuedAt.toISOString()],
  );
  return rows.length > 0;
}

/** Withdraw queued messages (e.g. reminders of a cancelled registration). Returns how many. */
export async function cancelQueued(q: Queryable, where: { registrationId?: string; attendeeId?: string; occurrenceDate?: string; kinds?: readonly MessageKind[] }): Promise<number> {
  const rows = await q.query(
    `update messages set status = 'cancelled', lease_until = null
      where status = 'queued'
        and ($1::uuid is null or registration_id = $1) and ($2::uuid is null or attendee_id = $2)
        and ($3::date is null or occurrence_date = $3) and ($4::text[] is null or kind = any($4))
        and ($1::uuid is not null or $2::uuid is not null)
      returning id`,
    [where.registrationId ?? null, where.attendeeId ?? null, where.occurrenceDate ?? null, where.kinds ? [...where.kinds] : null],
  );
  return rows.length;
}
