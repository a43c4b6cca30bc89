import { FEEDBACK_SESSION_PARAM, FEEDBACK_WINDOW_DAYS, type SessionFeedback } from "@coalition-kit/schema";
import type { Db, Queryable } from "../../db/types.js";
import { enqueueMessage } from "./queue.js";

/** The feedback link for a session: the series' survey page with `ck_session=<session id>` added. */
export function feedbackLink(feedbackUrl: string, sessionId: string): string {
  const url = new URL(feedbackUrl);
  url.searchParams.set(FEEDBACK_SESSION_PARAM, sessionId);
  return url.toString();
}

/**
 * The feedback link a registration's email carries, or null when there is nothing to ask any
 * more: the mark was changed to not attended, or the series no longer has a feedback survey.
 */
export async function feedbackLinkFor(q: Queryable, registrationId: string): Promise<string | null> {
  const rows = await q.query<{ session_id: string; feedback_url: string }>(
    `select r.session_id, ts.feedback_url
       from training_registrations r join training_attendance a on a.registration_id = r.id and a.attended
       join training_sessions s on s.id = r.session_id join training_series ts on ts.id = s.series_id
      where r.id = $1 and ts.feedback_survey_id is not null and ts.feedback_url is not null`,
    [registrationId],
  );
  return rows[0] ? feedbackLink(rows[0].feedback_url, rows[0].session_id) : null;
}

/**
 * Queue the feedback email for everyone marked attended at a session that has ended (at most
 * FEEDBACK_WINDOW_DAYS ago, so a mark made days later still sends it) in a series with a feedback
 * survey. Once per registration: feedback_sent_at is claimed in the same transaction (a second
 * replica or run finds it set). Like reminders, it follows the series' unsubscribe and the
 * coalition's suppression list. Run by the message worker, with its clock. Returns how many were queued.
 */
export async function queueSessionFeedback(db: Db, options: { now?: Date; publicUrl?: string } = {}): Promise<number> {
  const now = options.now ?? new Date();
  return db.tx(async (q) => {
    const due = await q.query<{ id: string; person_id: string; partner_id: string; locale: string; coalition_id: string; series_id: string }>(
      `update training_registrations r set feedback_sent_at = $1
         from training_attendance a, training_sessions s, training_series ts
        where a.registration_id = r.id and a.attended and s.id = r.session_id and ts.id = s.series_id
          and r.status = 'registered' and r.feedback_sent_at is null and s.status <> 'cancelled'
          and ts.feedback_survey_id is not null and ts.feedback_url is not null
          and s.ends_at <= $1 and s.ends_at > $1::timestamptz - make_interval(days => $2)
      returning r.id, r.person_id, r.partner_id, r.locale, ts.coalition_id, ts.id as series_id`,
      [now.toISOString(), FEEDBACK_WINDOW_DAYS],
    );
    let queued = 0;
    for (const r of due) {
      const added = await enqueueMessage(q, {
        coalitionId: r.coalition_id,
        partnerId: r.partner_id,
        personId: r.person_id,
        kind: "training.feedback",
        dedupeKey: `training.feedback:${r.id}`,
        registrationId: r.id,
        scope: `series:${r.series_id}`,
        locale: r.locale,
        baseUrl: options.publicUrl ?? null,
        sendAt: now,
      });
      if (added) queued += 1;
    }
    return queued;
  });
}

/**
 * A session's feedback on its attendance roster: the link to send by hand (null when the series
 * has no feedback survey) and how many feedback emails went out (sent, not merely queued).
 */
export async function sessionFeedback(q: Queryable, sessionId: string): Promise<SessionFeedback> {
  const rows = await q.query<{ survey: string | null; feedback_url: string | null; sent: number }>(
    `select sv.slug as survey, ts.feedback_url,
            (select count(*)::int from messages m join training_registrations r on r.id = m.registration_id
              where r.session_id = s.id and m.kind = 'training.feedback' and m.status = 'sent') as sent
       from training_sessions s join training_series ts on ts.id = s.series_id left join surveys sv on sv.id = ts.feedback_survey_id
      where s.id = $1`,
    [sessionId],
  );
  const r = rows[0];
  return { link: r?.survey && r.feedback_url ? feedbackLink(r.feedback_url, sessionId) : null, survey: r?.survey ?? null, sent: r?.sent ?? 0, sessionId };
}
