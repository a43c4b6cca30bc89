import type { Queryable } from "../../db/types.js";
import { consentColumns, enqueueActionEvent, PARTNER_COLUMNS, partnerJoin, type ActionRow } from "../webhooks/action-events.js";

/** A lifecycle event for a registration, with contact details only for organizations the person consented to. */
export async function registrationEvent(q: Queryable, type: "registration.cancelled" | "registration.promoted", registrationId: string): Promise<void> {
  const rows = await q.query<ActionRow & { series: string; session_id: string; status: string; first_name: string; last_name: string | null; email: string }>(
    `select ts.coalition_id, ${PARTNER_COLUMNS}, r.person_id, ts.slug as series, r.session_id, r.status,
            p.first_name, p.last_name, p.email_normalized as email,
            ${consentColumns("registration_id", "r.id", false)}
       from training_registrations r
       join training_sessions s on s.id = r.session_id join training_series ts on ts.id = s.series_id
       ${partnerJoin("r")}
       join people p on p.id = r.person_id
      where r.id = $1`,
    [registrationId],
  );
  const r = rows[0];
  if (!r) return;
  await enqueueActionEvent(q, type, r, { series: r.series, session: r.session_id, status: r.status, partner: r.partner_slug }, { firstName: r.first_name, lastName: r.last_name, email: r.email });
}
