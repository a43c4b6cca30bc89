import type { Locale } from "@coalition-kit/schema";
import type { Queryable } from "../../db/types.js";

export interface PersonFields {
  email: string;
  firstName: string;
  lastName?: string | undefined;
  zip?: string | undefined;
}

/** The person with this normalized email in this coalition; created on first contact, never overwritten. */
export async function upsertPerson(q: Queryable, coalitionId: string, person: PersonFields): Promise<string> {
  const inserted = await q.query<{ id: string }>(
    `insert into people (coalition_id, email_normalized, first_name, last_name, zip)
     values ($1, $2, $3, $4, $5)
     on conflict (coalition_id, email_normalized) do nothing
     returning id`,
    [coalitionId, person.email, person.firstName, person.lastName || null, person.zip ?? null],
  );
  if (inserted[0]) return inserted[0].id;
  const existing = await q.query<{ id: string }>("select id from people where coalition_id = $1 and email_normalized = $2", [coalitionId, person.email]);
  if (!existing[0]) throw new Error("person vanished during upsert");
  return existing[0].id;
}

export interface ConsentRow {
  organizationId: string;
  scope: "coalition" | "partner" | "guardian" | "publish";
  text: string;
  version: string;
  /** The language of `text` as shown (English when left out). */
  language?: Locale;
  guardianEmail?: string | null;
}

/** Record consents actually given, with exactly the text and version shown: one statement for all of them. */
export async function recordConsents(
  q: Queryable,
  personId: string | null,
  link: { signatureId?: string; registrationId?: string; storyId?: string; attendeeId?: string },
  rows: ConsentRow[],
): Promise<void> {
  if (rows.length === 0) return;
  // The link and person are the same for every row ($1-$5); each row adds its own six values.
  const values = rows.map((_, i) => `($1, $2, $3, $4, $5, ${[6, 7, 8, 9, 10, 11].map((n) => `$${n + i * 6}`).join(", ")})`);
  await q.query(
    `insert into consents (person_id, signature_id, registration_id, story_id, attendee_id, organization_id, scope, text, version, language, guardian_email)
     values ${values.join(", ")}`,
    [
      personId, link.signatureId ?? null, link.registrationId ?? null, link.storyId ?? null, link.attendeeId ?? null,
      ...rows.flatMap((row) => [row.organizationId, row.scope, row.text, row.version, row.language ?? "en", row.guardianEmail ?? null]),
    ],
  );
}

/** Delete a person when nothing of theirs is left (no action, no consent); their message log lines stay. */
export async function deletePersonIfUnused(q: Queryable, personId: string | null): Promise<void> {
  if (!personId) return;
  await q.query(
    `delete from people p where p.id = $1
        and not exists (select 1 from signatures where person_id = p.id) and not exists (select 1 from training_registrations where person_id = p.id)
        and not exists (select 1 from meeting_attendees where person_id = p.id) and not exists (select 1 from stories where person_id = p.id)
        and not exists (select 1 from consents where person_id = p.id)`,
    [personId],
  );
}
