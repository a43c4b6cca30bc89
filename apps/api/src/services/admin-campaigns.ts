import { MeetingInput, Slug, SurveyInput, TrainingSeriesInput, type AdminSaved } from "@coalition-kit/schema";
import type { Queryable } from "../db/types.js";
import { parseOrReject, validationError } from "../http/errors.js";
import { seedMeetings } from "../seed/meetings.js";
import { seedSurveys } from "../seed/surveys.js";
import { seedTrainings } from "../seed/trainings.js";
import { parseRule } from "./recurrence.js";
import type { AdminContext } from "./secret-keys.js";
import { isValidZone } from "./zoned-time.js";

/**
 * Create or change a training series, survey or meeting at an address (PUT is idempotent by
 * nature). Every rule the database or the scheduler would trip on is checked first, so a mistake
 * is a field error and nothing half-saved.
 */
type Table = "training_series" | "surveys" | "meetings";

async function claimSlug(q: Queryable, admin: AdminContext, table: Table, slug: string): Promise<boolean> {
  parseOrReject(Slug, slug);
  const rows = await q.query<{ coalition_id: string }>(`select coalition_id from ${table} where slug = $1`, [slug]);
  if (rows[0] && rows[0].coalition_id !== admin.organizationId) throw validationError({ slug: "That address is taken. Choose another." });
  return !rows[0];
}

const zoneError = (zone: string) => (isValidZone(zone) ? undefined : "Enter a time zone like America/New_York.");

export async function saveTrainingSeries(q: Queryable, admin: AdminContext, slug: string, input: unknown): Promise<AdminSaved> {
  const created = await claimSlug(q, admin, "training_series", slug);
  const data = parseOrReject(TrainingSeriesInput, input);
  const partners = new Set((await q.query<{ slug: string }>("select o.slug from partners pa join organizations o on o.id = pa.organization_id where pa.coalition_id = $1", [admin.organizationId])).map((r) => r.slug));
  const errors: Record<string, string> = {};
  data.sessions.forEach((s, i) => {
    const zone = zoneError(s.timeZone);
    if (zone) errors[`sessions.${i}.timeZone`] = zone;
    if (Date.parse(s.endsAt) <= Date.parse(s.startsAt)) errors[`sessions.${i}.endsAt`] = "A session ends after it starts.";
    const unknown = (s.partners ?? []).find((p) => !partners.has(p));
    if (unknown) errors[`sessions.${i}.partners`] = `${unknown} is not one of your partners.`;
  });
  const keys = data.sessions.map((s) => s.key);
  const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
  if (repeated) errors.sessions = `Two sessions share the key ${repeated}.`;
  if (Object.keys(errors).length) throw validationError(errors);
  await seedTrainings(q, admin.organizationId, [{ slug, ...data, sessions: data.sessions.map((s) => ({ ...s, description: s.description ?? "" })) }]);
  return { slug, created };
}

export async function saveSurvey(q: Queryable, admin: AdminContext, slug: string, input: unknown): Promise<AdminSaved> {
  const created = await claimSlug(q, admin, "surveys", slug);
  const data = parseOrReject(SurveyInput, input);
  await seedSurveys(q, admin.organizationId, [{ slug, ...data }]);
  return { slug, created };
}

export async function saveMeeting(q: Queryable, admin: AdminContext, slug: string, input: unknown): Promise<AdminSaved> {
  const created = await claimSlug(q, admin, "meetings", slug);
  const data = parseOrReject(MeetingInput, input);
  const errors: Record<string, string> = {};
  const zone = zoneError(data.timeZone);
  if (zone) errors.timeZone = zone;
  try {
    parseRule(data.rrule, data.startDate);
  } catch {
    errors.rrule = "Use a weekly or daily rule, like FREQ=WEEKLY;BYDAY=TH or FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE.";
  }
  (data.breaks ?? []).forEach((b, i) => {
    if (b.to < b.from) errors[`breaks.${i}.to`] = "A break ends on or after the day it starts.";
  });
  if (Object.keys(errors).length) throw validationError(errors);
  await seedMeetings(q, admin.organizationId, [{ slug, ...data }]);
  return { slug, created };
}
