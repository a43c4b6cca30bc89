import { signLink } from "../platform/signed-links.js";
import { day, findMeeting, occurrencesBetween } from "../meetings/meeting-schedule.js";
import type { ComposeContext, Composed } from "./compose.js";
import { say } from "./render/strings.js";
import { formatDay, formatWhen } from "./render/when.js";
import { localize } from "../content/languages.js";
import { pickLocale } from "@coalition-kit/schema";

/**
 * Meeting emails: the RSVP confirmation, the reminder on the day, and notices when a week is
 * moved or cancelled. Each carries the occurrence in the meeting's own zone, the join link or the
 * address, and the signed link to change the answer.
 */
export async function composeMeetingMessage(ctx: ComposeContext): Promise<Composed | undefined> {
  const { q, message, locale } = ctx;
  if (!message.attendee_id || !message.occurrence_date) return undefined;
  const rows = await q.query<{ slug: string; standing_response: string | null; standing_from: string | Date | null; response: string | null }>(
    `select m.slug, a.standing_response, a.standing_from, r.response
       from meeting_attendees a join meetings m on m.id = a.meeting_id
       left join meeting_rsvps r on r.attendee_id = a.id and r.occurrence_date = $2
      where a.id = $1`,
    [message.attendee_id, day(message.occurrence_date)],
  );
  const row = rows[0];
  if (!row) return undefined;
  const meeting = (await findMeeting(q, row.slug))!;
  const date = day(message.occurrence_date);
  // The meeting's title and the week's note in the recipient's language where translated.
  const asked = pickLocale(locale);
  const occurrence = (await occurrencesBetween(q, meeting, date, date, asked))[0];
  if (!occurrence) return undefined;
  const standing = row.standing_response && row.standing_from && day(row.standing_from) <= date ? row.standing_response : null;
  const answer = row.response ?? standing;
  const kind = message.kind;
  if (kind === "meeting.reminder" && (answer !== "yes" || occurrence.status === "cancelled")) return undefined;
  if ((kind === "meeting.changed" || kind === "meeting.cancelled") && answer === "no") return undefined;

  const names = { meeting: localize(meeting, asked, { title: "title" }).row.title };
  const when = formatWhen(new Date(occurrence.startsAt), new Date(occurrence.endsAt), meeting.time_zone, locale);
  const details: Array<[string, string]> = [[say(locale, "when"), when]];
  const where = occurrence.location ?? (occurrence.format === "in_person" ? "" : say(locale, "online"));
  if (where) details.push([say(locale, "where"), where]);
  if (occurrence.note) details.push([say(locale, "note"), occurrence.note]);
  const paragraphs = [say(locale, "hello", { name: ctx.person.firstName })];
  const actions: Composed["content"]["actions"] = [];
  if (meeting.virtual_link && occurrence.format !== "in_person" && occurrence.status !== "cancelled") actions.push({ label: say(locale, "joinOnline"), url: meeting.virtual_link });
  actions.push({ label: say(locale, "manageRsvp"), url: `${ctx.baseUrl}/v1/meeting-rsvps/manage?token=${encodeURIComponent(await signLink(q, "manage", message.attendee_id))}` });
  const content = (subject: Parameters<typeof say>[1], heading: Parameters<typeof say>[1]) => ({ subject: say(locale, subject, names), preheader: when, heading: say(locale, heading, names), paragraphs, details, actions, footer: [] });
  const dayText = formatDay(new Date(occurrence.startsAt), meeting.time_zone, locale);

  switch (kind) {
    case "meeting.confirmation":
      paragraphs.push(say(locale, standing === "yes" && !row.response ? "meetingEvery" : "meetingOne", { ...names, day: dayText }));
      return { content: content("meetingConfirmationSubject", "meetingConfirmationHeading") };
    case "meeting.reminder":
      return { content: content("meetingReminderSubject", "meetingReminderHeading"), unsubscribable: true };
    case "meeting.changed":
      paragraphs.push(say(locale, "meetingChangedBody"));
      return { content: content("meetingChangedSubject", "meetingChangedHeading") };
    case "meeting.cancelled":
      paragraphs.push(say(locale, "meetingCancelledBody"));
      return { content: content("meetingCancelledSubject", "meetingCancelledHeading") };
    default:
      return undefined;
  }
}
