import type { Queryable } from "../../db/types.js";

export interface QueueDepths {
  /** Webhook events not delivered nor given up on: due now, or waiting out a retry's backoff (or a lease). */
  outbox: { due: number; waiting: number };
  /** Emails not sent nor given up on: due now (or being sent), or scheduled for later (reminders). */
  messages: { due: number; scheduled: number };
}

/** How much delivery work is waiting, from the outbox_due and messages_due partial indexes. */
export async function queueDepths(q: Queryable): Promise<QueueDepths> {
  const [outbox] = await q.query<{ due: number; waiting: number }>(
    `select count(*) filter (where next_attempt_at <= now())::int as due, count(*) filter (where next_attempt_at > now())::int as waiting
       from outbox where delivered_at is null and failed_at is null`,
  );
  const [messages] = await q.query<{ due: number; scheduled: number }>(
    // A thank-you signing left owed (migration 032) is an email due now, though not yet a message.
    `select (count(*) filter (where send_at <= now()) + (select count(*) from thanks_owed))::int as due, count(*) filter (where send_at > now())::int as scheduled
       from messages where status in ('queued', 'sending')`,
  );
  return { outbox: { due: outbox?.due ?? 0, waiting: outbox?.waiting ?? 0 }, messages: { due: messages?.due ?? 0, scheduled: messages?.scheduled ?? 0 } };
}
