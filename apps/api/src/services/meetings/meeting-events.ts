import type { Queryable } from "../../db/types.js";
import { consentColumns, enqueueActionEvent, PARTNER_COLUMNS, partnerJoin, type ActionRow } from "../webhooks/action-events.js";

/** `rsvp.created` / `rsvp.cancelled`, with contact details only for organizations the person consented to, and the language the person used. */
export async function rsvpEvent(q: Queryable, type: "rsvp.created" | "rsvp.cancelled", attendeeId: string, occurrence: string, response: string): Promise<void> {
  const rows = await q.query<ActionRow & { meeting: string; first_name: string; last_name: string | null; email: string; language: string | null }>(
    `select m.coalition_id, ${PARTNER_COLUMNS}, a.person_id, m.slug as meeting, a.locale as language, p.first_name, p.last_name, p.email_normalized as email,
            ${consentColumns("attendee_id", "a.id", false)}
       from meeting_attendees a join meetings m on m.id = a.meeting_id ${partnerJoin("a")}
       join people p on p.id = a.person_id
      where a.id = $1`,
    [attendeeId],
  );
  const r = rows[0];
  if (!r) return;
  await enqueueActionEvent(q, type, r, { meeting: r.meeting, occurrence, response, partner: r.partner_slug, language: r.language ?? "en" }, { firstName: r.first_name, lastName: r.last_name, email: r.email });
}
