import { randomUUID } from "node:crypto";
import { envConfig } from "../../config.js";
import type { Db } from "../../db/types.js";
import { composeMessage, type MessageRow } from "./compose.js";
import { topUpMeetingReminders } from "./meeting-messages.js";
import { queueSessionFeedback } from "./training-feedback.js";
import { queueOwedThanks } from "./signature-thanks.js";
import { describeError, isPermanent, smtpTransport, type MailTransport } from "./transport.js";
import { logError } from "../../log.js";
import { countDeliveryFailure } from "../platform/metrics.js";

/** Attempts before a message that keeps failing for temporary reasons is marked failed (~a day). */
export const MAX_MESSAGE_ATTEMPTS = 10;
/** How long a replica holds a message it is sending; after a crash another one takes it up (CK_MESSAGE_LEASE_SECONDS). */
const leaseSeconds = () => envConfig().messageLeaseSeconds;

/** Seconds to wait after the n-th temporary failure: 30 s, 1 min, 2 min… capped at 4 hours. */
export const messageBackoffSeconds = (attempt: number): number => Math.min(30 * 2 ** (attempt - 1), 4 * 3600);

export interface DeliverOptions {
  /** The clock (tests move it instead of waiting). */
  now?: Date;
  /** Messages per round (default 50). */
  batch?: number;
  /** The API's public address for links in messages queued without one. */
  publicUrl?: string;
  /** Domain for Message-IDs (default: the public URL's host). */
  messageIdDomain?: string;
  /** Aborted when the process stops: leased messages not yet handed to SMTP go back to the queue. */
  signal?: AbortSignal;
}

/**
 * Queue the thank-yous signing left owed, then send the messages that are due: each is leased
 * (FOR UPDATE SKIP LOCKED, so replicas split the work), composed from current data, sent, and
 * marked sent with the SMTP Message-ID. A temporary
 * failure is retried with backoff; an SMTP 5xx is a permanent failure and is not retried.
 * Returns how many messages were handled.
 */
export async function deliverDueMessages(db: Db, transport: MailTransport, options: DeliverOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  const publicUrl = options.publicUrl ?? envConfig().publicUrl ?? "http://127.0.0.1:8787";
  const domain = options.messageIdDomain ?? new URL(publicUrl).hostname;
  // Signing leaves its thank-you owed (a cheaper write on the signing path): queue those first.
  await queueOwedThanks(db);
  const leased = await db.tx((q) =>
    q.query<MessageRow>(
      `with picked as (
         select id from messages
          where status in ('queued', 'sending') and send_at <= $1 and (lease_until is null or lease_until <= $1)
          order by send_at limit $2
          for update skip locked)
       update messages m set status = 'sending', lease_until = $1::timestamptz + make_interval(secs => $3), attempts = m.attempts + 1
         from picked where m.id = picked.id
       returning m.id, m.coalition_id, m.partner_id, m.person_id, m.kind, m.registration_id, m.attendee_id, m.story_id, m.signature_id, m.to_address, m.occurrence_date,
                 m.scope, m.locale, m.base_url, m.send_at, m.attempts`,
      [now.toISOString(), options.batch ?? 50, leaseSeconds()],
    ),
  );
  await Promise.all(leased.map((message) => deliverOne(db, transport, message, now, publicUrl, domain, options.signal)));
  return leased.length;
}

/** Give a leased message back to the queue untried (its lease cleared, the attempt not counted), for another replica to send at once. */
async function releaseLease(db: Db, id: string): Promise<void> {
  await db.query("update messages set status = 'queued', lease_until = null, attempts = greatest(attempts - 1, 0) where id = $1 and status = 'sending'", [id]);
}

async function deliverOne(db: Db, transport: MailTransport, message: MessageRow, now: Date, publicUrl: string, domain: string, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return releaseLease(db, message.id);
  let email;
  try {
    email = await composeMessage(db, message, publicUrl);
  } catch (error) {
    logError(`message ${message.id} could not be composed`, error);
    await db.query("update messages set status = 'failed', lease_until = null, last_error = 'could not be composed' where id = $1", [message.id]);
    return;
  }
  if (!email) {
    await db.query("update messages set status = 'cancelled', lease_until = null where id = $1 and status = 'sending'", [message.id]);
    return;
  }
  // Stopping while it was composed: not handed to SMTP, so nothing is sent twice.
  if (signal?.aborted) return releaseLease(db, message.id);
  try {
    // The Message-ID is the message's own id: a copy sent twice after a crash is recognisable as one.
    const smtpId = await transport.send(email, `<${message.id}@${domain}>`);
    await db.query("update messages set status = 'sent', sent_at = $2, smtp_message_id = $3, subject = $4, to_address = $5, lease_until = null, last_error = null where id = $1", [
      message.id,
      now.toISOString(),
      smtpId,
      email.subject,
      email.to,
    ]);
  } catch (error) {
    const reason = describeError(error);
    countDeliveryFailure("email", isPermanent(error) || message.attempts >= MAX_MESSAGE_ATTEMPTS);
    if (isPermanent(error) || message.attempts >= MAX_MESSAGE_ATTEMPTS) {
      await db.query("update messages set status = 'failed', lease_until = null, last_error = $2, subject = $3 where id = $1", [message.id, reason, email.subject]);
      // An address refused for good joins the coalition's suppression list: nothing more is sent to it.
      if (isPermanent(error)) await db.query("insert into suppressions (coalition_id, email, reason) values ($1, $2, 'bounced') on conflict do nothing", [message.coalition_id, email.to]);
    } else {
      await db.query("update messages set status = 'queued', lease_until = null, last_error = $2, send_at = $3::timestamptz + make_interval(secs => $4) where id = $1", [
        message.id,
        reason,
        now.toISOString(),
        messageBackoffSeconds(message.attempts),
      ]);
    }
  }
}

export interface MessageWorkerOptions {
  smtpUrl: string;
  /** Milliseconds between rounds (default 1000). */
  intervalMs?: number;
  batch?: number;
  publicUrl?: string;
}

/** Send due messages until stopped. One per API process; replicas share the queue through leases. */
export function startMessageWorker(db: Db, options: MessageWorkerOptions): { stop(): Promise<void>; transport: MailTransport } {
  const transport = smtpTransport(options.smtpUrl);
  let stopped = false;
  const stopping = new AbortController();
  let running: Promise<unknown> = Promise.resolve();
  let rounds = 0;
  const interval = options.intervalMs ?? 1000;
  const tick = () => {
    if (stopped) return;
    rounds += 1;
    const work = async () => {
      // Every 300 rounds (5 minutes by default), queue the coming weeks' meeting reminders and the
      // feedback survey for attendees of sessions that have ended.
      if (rounds % 300 === 1) {
        await topUpMeetingReminders(db, { publicUrl: options.publicUrl });
        await queueSessionFeedback(db, { publicUrl: options.publicUrl });
      }
      // Drain while there is a full batch due, then rest.
      while (!stopped && (await deliverDueMessages(db, transport, { batch: options.batch, publicUrl: options.publicUrl, signal: stopping.signal })) >= (options.batch ?? 50));
    };
    running = work()
      .catch((error: unknown) => logError("message delivery failed", error))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, interval);
      });
  };
  let timer: ReturnType<typeof setTimeout> = setTimeout(tick, interval);
  return {
    transport,
    /** Start no more sends, give back leased messages not yet handed to SMTP, and wait for the sends under way. */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      stopping.abort();
      await running;
      transport.close();
    },
  };
}

/** A fresh id for a resend's dedupe key. */
export const resendKey = (original: string) => `${original}:resend:${randomUUID()}`;
