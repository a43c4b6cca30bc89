import type { MessageLogEntry, MessageLogResponse } from "@coalition-kit/schema";
import type { Db, Queryable } from "../../db/types.js";
import { ApiError } from "../errors.js";
import type { AdminContext } from "../keys/secret-keys.js";
import { resendKey } from "./delivery.js";


const mask = (email: string | null) => (email ? email.replace(/^(.)[^@]*/, "$1***") : null);
const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

/** The coalition's messages, newest first, optionally for one campaign (series or meeting slug) or one person's email. */
export async function listMessages(db: Db, admin: AdminContext, filters: { campaign?: string; email?: string; status?: string }): Promise<MessageLogResponse> {
  const rows = await db.query<{
    id: string; kind: MessageLogEntry["kind"]; status: MessageLogEntry["status"]; to_address: string | null; subject: string | null; campaign: string | null;
    send_at: string | Date; sent_at: string | Date | null; attempts: number; last_error: string | null; smtp_message_id: string | null;
  }>(
    `select m.id, m.kind, m.status, m.to_address, m.subject, coalesce(ts.slug, mt.slug, sc.slug) as campaign, m.send_at, m.sent_at, m.attempts, m.last_error, m.smtp_message_id
       from messages m
       left join training_registrations r on r.id = m.registration_id
       left join training_sessions s on s.id = r.session_id
       left join training_series ts on ts.id = s.series_id
       left join meeting_attendees a on a.id = m.attendee_id
       left join meetings mt on mt.id = a.meeting_id
       left join stories st on st.id = m.story_id
       left join story_campaigns sc on sc.id = st.campaign_id
      where m.coalition_id = $1
        and ($2::text is null or coalesce(ts.slug, mt.slug, sc.slug) = $2)
        and ($3::text is null or m.person_id = (select id from people where coalition_id = $1 and email_normalized = lower($3)))
        and ($4::text is null or m.status = $4)
      order by m.send_at desc, m.id limit 500`,
    [admin.organizationId, filters.campaign ?? null, filters.email ?? null, filters.status ?? null],
  );
  return {
    messages: rows.map((r) => ({
      id: r.id, kind: r.kind, status: r.status, to: mask(r.to_address), subject: r.subject, campaign: r.campaign, sendAt: iso(r.send_at)!,
      sentAt: iso(r.sent_at), attempts: r.attempts, error: r.last_error, smtpMessageId: r.smtp_message_id,
    })),
  };
}

/** Send one message again now: a new log line composed from current data; the original stays as it was. */
export async function resendMessage(q: Queryable, admin: AdminContext, id: string): Promise<{ id: string }> {
  const rows = await q.query<{ id: string }>(
    `insert into messages (coalition_id, partner_id, person_id, kind, dedupe_key, registration_id, attendee_id, story_id, signature_id, occurrence_date, scope, locale, base_url, to_address, send_at)
     select coalition_id, partner_id, person_id, kind, $3, registration_id, attendee_id, story_id, signature_id, occurrence_date, scope, locale, base_url, to_address, now()
       from messages where id::text = $1 and coalition_id = $2 and (person_id is not null or (kind = 'organizer.digest' and to_address is not null))
     returning id`,
    [id, admin.organizationId, resendKey(id)],
  );
  if (!rows[0]) throw new ApiError("not_found");
  return { id: rows[0].id };
}

/** The coalition's suppression list: addresses that stopped all email or were refused for good. */
export async function listSuppressions(db: Db, admin: AdminContext): Promise<{ suppressions: Array<{ email: string; reason: "unsubscribed" | "bounced"; since: string }> }> {
  const rows = await db.query<{ email: string; reason: "unsubscribed" | "bounced"; created_at: string | Date }>(
    "select email, reason, created_at from suppressions where coalition_id = $1 order by created_at desc, email",
    [admin.organizationId],
  );
  return { suppressions: rows.map((r) => ({ email: r.email, reason: r.reason, since: new Date(r.created_at).toISOString() })) };
}
