import { cancelQueued } from "../messages/queue.js";
import { queueRsvpMessages } from "../messages/meeting-messages.js";
import { rsvpEvent } from "./meeting-events.js";
import { RsvpAnswer } from "@coalition-kit/schema";
import type { Db } from "../../db/types.js";
import { ApiError, validationError } from "../errors.js";
import { day, findMeeting, upcomingOccurrences, type MeetingRow, type Occurrence } from "./meeting-schedule.js";
import { verifyLink } from "../platform/signed-links.js";

export interface ManageView {
  meeting: MeetingRow;
  standing: { response: string; from: string } | null;
  occurrences: Array<Occurrence & { mine: string | null }>;
}

async function attendee(db: Db, token: string) {
  const id = await verifyLink(db, "manage", token);
  if (!id) throw validationError({ token: "This link is not valid." });
  const rows = await db.query<{ id: string; slug: string; standing_response: string | null; standing_from: string | Date | null }>(
    "select a.id, m.slug, a.standing_response, a.standing_from from meeting_attendees a join meetings m on m.id = a.meeting_id where a.id = $1",
    [id],
  );
  if (!rows[0]) throw new ApiError("not_found");
  return rows[0];
}

/** What a person sees behind their manage link: their answer for each upcoming meeting. */
export async function manageView(db: Db, token: string): Promise<ManageView> {
  const a = await attendee(db, token);
  const meeting = (await findMeeting(db, a.slug))!;
  const upcoming = await upcomingOccurrences(db, meeting, 8);
  const answers = new Map(
    (await db.query<{ occurrence_date: string | Date; response: string }>("select occurrence_date, response from meeting_rsvps where attendee_id = $1", [a.id])).map((r) => [day(r.occurrence_date), r.response]),
  );
  const from = a.standing_from === null ? null : day(a.standing_from);
  return {
    meeting,
    standing: a.standing_response && from ? { response: a.standing_response, from } : null,
    occurrences: upcoming.map((o) => ({ ...o, mine: answers.get(o.date) ?? (a.standing_response && from && o.date >= from ? a.standing_response : null) })),
  };
}

/** Change one answer, or stop "every week" (answers given for single dates stay). */
export async function applyManage(db: Db, input: Record<string, unknown>): Promise<void> {
  const a = await attendee(db, String(input.token ?? ""));
  if (input.action === "stop_every_week") {
    await db.tx(async (q) => {
      await q.query("update meeting_attendees set standing_response = null, standing_from = null where id = $1", [a.id]);
      await cancelQueued(q, { attendeeId: a.id, kinds: ["meeting.reminder"] });
      await rsvpEvent(q, "rsvp.cancelled", a.id, "every_week", "no");
    });
    return;
  }
  const response = RsvpAnswer.safeParse(input.response);
  if (!response.success) throw validationError({ response: "Choose yes, maybe or no." });
  const meeting = (await findMeeting(db, a.slug))!;
  const date = String(input.occurrence ?? "");
  const target = (await upcomingOccurrences(db, meeting, 60)).find((o) => o.date === date && o.status === "scheduled");
  if (!target) throw validationError({ occurrence: "That meeting isn't on the upcoming schedule." });
  await db.tx(async (q) => {
    await q.query(
      `insert into meeting_rsvps (attendee_id, occurrence_date, response) values ($1, $2, $3)
       on conflict (attendee_id, occurrence_date) do update set response = excluded.response, updated_at = now()`,
      [a.id, date, response.data],
    );
    await queueRsvpMessages(q, a.id, date, response.data, null);
    await rsvpEvent(q, response.data === "no" ? "rsvp.cancelled" : "rsvp.created", a.id, date, response.data);
  });
}
