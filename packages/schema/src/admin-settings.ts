import * as z from "zod/mini";
import { Email, IsoDateTime } from "./common.js";

/** Months a coalition keeps a person's data after their last action: 24 unless changed, 1 to 120. */
export const RETENTION_MONTHS = { default: 24, min: 1, max: 120 } as const;
const RETENTION_MESSAGE = `Choose a whole number of months from ${RETENTION_MONTHS.min} to ${RETENTION_MONTHS.max}.`;
const RECIPIENTS_MAX = 20;

const StaffEmail = Email;

/** PATCH /v1/admin/settings: change any of these; what is left out stays. */
export const SettingsPatch = z.object({
  retentionMonths: z.optional(z.number(RETENTION_MESSAGE).check(z.int(RETENTION_MESSAGE), z.gte(RETENTION_MONTHS.min, RETENTION_MESSAGE), z.lte(RETENTION_MONTHS.max, RETENTION_MESSAGE))),
  /** The daily digest email to staff (off by default). Turning it on needs at least one address. */
  digestEnabled: z.optional(z.boolean("Choose on or off.")),
  /** Staff addresses that get the digest. */
  digestRecipients: z.optional(z.array(StaffEmail, "List staff email addresses.").check(z.maxLength(RECIPIENTS_MAX, `List at most ${RECIPIENTS_MAX} addresses.`))),
  digestLocale: z.optional(z.enum(["en", "es"], "Choose English or Spanish.")),
});
export type SettingsPatch = z.input<typeof SettingsPatch>;

const Run = z.object({
  /** When the job runs next (null until the API has run its daily jobs once). */
  nextRunAt: z.nullable(IsoDateTime),
  lastRunAt: z.nullable(IsoDateTime),
});

/** GET /v1/admin/settings: the coalition's privacy and digest settings, and when the daily jobs run. */
export const AdminSettings = z.object({
  retentionMonths: z.number(),
  digestEnabled: z.boolean(),
  digestRecipients: z.array(z.string()),
  digestLocale: z.enum(["en", "es"]),
  /** The daily purge of people past the period. */
  purge: Run,
  /** People whose last action is already older than the period: the next purge erases them. */
  dueForErasure: z.number(),
  /** The daily digest (queued only when on). */
  digest: Run,
});
export type AdminSettings = z.infer<typeof AdminSettings>;
export const AdminSettingsResponse = z.object({ settings: AdminSettings });
export type AdminSettingsResponse = z.infer<typeof AdminSettingsResponse>;
