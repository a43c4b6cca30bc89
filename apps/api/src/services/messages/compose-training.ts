import { signLink } from "../platform/signed-links.js";
import { sessionCalendar } from "../trainings/training-calendar.js";
import { findSeries, findSession, toSession } from "../trainings/training-queries.js";
import { localize } from "../content/languages.js";
import { pickLocale } from "@coalition-kit/schema";
import type { ComposeContext, Composed } from "./compose.js";
import { say } from "./render/strings.js";
import { feedbackLinkFor } from "./training-feedback.js";
import { formatWhen } from "./render/when.js";

/** How soon a reminder's session starts, in words ("in 24 hours", "in 1 hour"). */
function soon(locale: string, minutes: number): string {
  if (minutes >= 120) return say(locale, "inHours", { hours: Math.round(minutes / 60) });
  if (minutes >= 55) return say(locale, "inOneHour");
  return say(locale, "inMinutes", { minutes: Math.max(1, Math.round(minutes)) });
}

/**
 * Training emails: confirmation, waitlist notice, "you have a seat", reminder, change and
 * cancellation notices, and the feedback survey after a session attended. Each carries the session in the event's own zone; those for a seat carry
 * the join link (only ever in these emails), a personal calendar file and the cancel link.
 */
export async function composeTrainingMessage(ctx: ComposeContext): Promise<Composed | undefined> {
  const { q, message, locale } = ctx;
  if (!message.registration_id) return undefined;
  const rows = await q.query<{ status: string; session_id: string; series_slug: string; series_id: string; position: number | null }>(
    `select r.status, r.session_id, ts.slug as series_slug, ts.id as series_id,
            case when r.status = 'waitlisted' then
              (select count(*)::int from training_registrations w
                where w.session_id = r.session_id and w.status = 'waitlisted' and (w.waitlisted_at, w.id) <= (r.waitlisted_at, r.id))
            end as position
       from training_registrations r join training_sessions s on s.id = r.session_id join training_series ts on ts.id = s.series_id
      where r.id = $1`,
    [message.registration_id],
  );
  const reg = rows[0];
  if (!reg) return undefined;
  const series = (await findSeries(q, reg.series_slug))!;
  const session = (await findSession(q, reg.series_id, reg.session_id))!;
  const kind = message.kind;
  const seated = reg.status === "registered";
  // A reminder or waitlist notice that no longer fits (cancelled, promoted meanwhile) is not sent.
  if (kind === "training.reminder" && (!seated || session.status === "cancelled")) return undefined;
  if (kind === "training.waitlisted" && reg.status !== "waitlisted") return undefined;
  if ((kind === "training.confirmation" || kind === "training.promoted") && !seated) return undefined;
  if (kind === "training.changed" && reg.status === "cancelled") return undefined;
  // Feedback only while the mark still says attended and the series still asks for it.
  const feedbackLink = kind === "training.feedback" ? await feedbackLinkFor(q, message.registration_id) : null;
  if (kind === "training.feedback" && !feedbackLink) return undefined;

  const start = new Date(session.starts_at);
  // The session's and series' titles in the recipient's language where translated.
  const asked = pickLocale(locale);
  const names = { session: toSession(session, undefined, asked).title, series: localize(series, asked, { title: "title" }).row.title };
  const where = session.location ?? (session.format === "in_person" ? "" : say(locale, "online"));
  const details: Array<[string, string]> = [[say(locale, "when"), formatWhen(start, new Date(session.ends_at), session.time_zone, locale)]];
  if (where) details.push([say(locale, "where"), where]);
  const actions: Composed["content"]["actions"] = [];
  const paragraphs = [say(locale, "hello", { name: ctx.person.firstName })];
  const host = new URL(ctx.baseUrl).host;
  const link = seated && session.status !== "cancelled" ? session.virtual_link : null;
  const withSeat = async () => {
    if (link) {
      actions.push({ label: say(locale, "joinOnline"), url: link });
      paragraphs.push(say(locale, "joinLinkPersonal"));
    }
    actions.push({ label: say(locale, "cancelRegistration"), url: `${ctx.baseUrl}/v1/registrations/cancel?token=${encodeURIComponent(await signLink(q, "cancel", message.registration_id!))}` });
  };
  const calendar = () => [{ filename: "invite.ics", content: sessionCalendar(series, session, host, link, asked), contentType: "text/calendar; charset=utf-8; method=PUBLISH" }];

  switch (kind) {
    case "training.confirmation":
    case "training.promoted": {
      const promoted = kind === "training.promoted";
      paragraphs.push(say(locale, promoted ? "promotedBody" : "confirmationBody", names), say(locale, "calendarAttached"));
      await withSeat();
      return {
        content: { subject: say(locale, promoted ? "promotedSubject" : "confirmationSubject", names), preheader: details[0]![1], heading: say(locale, promoted ? "promotedHeading" : "confirmationHeading", names), paragraphs, details, actions, footer: [] },
        attachments: calendar(),
      };
    }
    case "training.waitlisted":
      paragraphs.push(say(locale, "waitlistedBody"));
      details.push([say(locale, "place"), say(locale, "waitlistPlace", { place: reg.position ?? 1 })]);
      actions.push({ label: say(locale, "cancelRegistration"), url: `${ctx.baseUrl}/v1/registrations/cancel?token=${encodeURIComponent(await signLink(q, "cancel", message.registration_id))}` });
      return { content: { subject: say(locale, "waitlistedSubject", names), preheader: details[0]![1], heading: say(locale, "waitlistedHeading", names), paragraphs, details, actions, footer: [] } };
    case "training.reminder": {
      const when = soon(locale, (start.getTime() - new Date(message.send_at).getTime()) / 60_000);
      paragraphs.push(say(locale, "reminderBody"));
      await withSeat();
      return {
        content: { subject: say(locale, "reminderSubject", { ...names, soon: when }), preheader: details[0]![1], heading: say(locale, "reminderHeading", { ...names, soon: when }), paragraphs, details, actions, footer: [] },
        unsubscribable: true,
      };
    }
    case "training.changed":
    case "training.cancelled": {
      const cancelled = kind === "training.cancelled";
      paragraphs.push(say(locale, cancelled ? "cancelledBody" : "changedBody"));
      if (!cancelled && seated) await withSeat();
      return {
        content: { subject: say(locale, cancelled ? "cancelledSubject" : "changedSubject", names), preheader: details[0]![1], heading: say(locale, cancelled ? "cancelledHeading" : "changedHeading", names), paragraphs, details, actions, footer: [] },
        attachments: calendar(),
      };
    }
    case "training.feedback":
      paragraphs.push(say(locale, "feedbackBody"));
      actions.push({ label: say(locale, "giveFeedback"), url: feedbackLink! });
      return {
        content: { subject: say(locale, "feedbackSubject", names), preheader: say(locale, "feedbackBody"), heading: say(locale, "feedbackHeading", names), paragraphs, details, actions, footer: [] },
        unsubscribable: true,
      };
    default:
      return undefined;
  }
}
