import * as z from "zod/mini";
import { Email } from "./common.js";

/** A data subject request names the person by email. */
export const PersonLookup = z.object({
  email: Email,
});
export type PersonLookup = z.input<typeof PersonLookup>;

const Row = z.record(z.string(), z.unknown());

/** GET /v1/admin/people?email=: everything the coalition holds about one person. */
export const PersonExport = z.object({
  email: z.string(),
  person: z.nullable(Row),
  signatures: z.array(Row),
  consents: z.array(Row),
  registrations: z.array(Row),
  meetings: z.array(Row),
  stories: z.array(Row),
  surveyFollowUps: z.array(Row),
});
export type PersonExport = z.infer<typeof PersonExport>;

/** DELETE /v1/admin/people: how many rows of each kind were erased. */
export const PersonDeleted = z.object({ email: z.string(), deleted: z.record(z.string(), z.number()) });
export type PersonDeleted = z.infer<typeof PersonDeleted>;
