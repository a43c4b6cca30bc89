import type { AdminSettings, SettingsPatch } from "@coalition-kit/schema";
import type { Queryable } from "../../db/types.js";
import { DIGEST_JOB } from "../messages/digest.js";
import { jobStatus } from "../platform/scheduler.js";
import { countPastRetention, PURGE_JOB } from "./purge.js";

interface SettingsRow {
  retention_months: number;
  digest_enabled: boolean;
  digest_recipients: string[];
  digest_locale: "en" | "es";
}

/** A coalition's privacy and digest settings, with when the purge and the digest run. */
export async function readSettings(q: Queryable, coalitionId: string, now = new Date()): Promise<AdminSettings> {
  const row = (await q.query<SettingsRow>("select retention_months, digest_enabled, digest_recipients, digest_locale from organizations where id = $1", [coalitionId]))[0]!;
  return {
    retentionMonths: row.retention_months,
    digestEnabled: row.digest_enabled,
    digestRecipients: row.digest_recipients,
    digestLocale: row.digest_locale,
    purge: await jobStatus(q, PURGE_JOB),
    dueForErasure: await countPastRetention(q, coalitionId, now),
    digest: await jobStatus(q, DIGEST_JOB),
  };
}

/**
 * Apply a validated patch (what is left out stays). The digest cannot be on with nobody to send
 * it to: that comes back as a field error, and nothing is changed.
 */
export async function changeSettings(q: Queryable, coalitionId: string, patch: SettingsPatch): Promise<{ settings: AdminSettings } | { fields: Record<string, string> }> {
  const current = (await q.query<SettingsRow>("select retention_months, digest_enabled, digest_recipients, digest_locale from organizations where id = $1 for update", [coalitionId]))[0]!;
  const recipients = patch.digestRecipients ? [...new Set(patch.digestRecipients)] : current.digest_recipients;
  const enabled = patch.digestEnabled ?? current.digest_enabled;
  if (enabled && recipients.length === 0) return { fields: { digestRecipients: "Add at least one staff email address to send the digest to." } };
  await q.query("update organizations set retention_months = $2, digest_enabled = $3, digest_recipients = $4, digest_locale = $5 where id = $1", [
    coalitionId,
    patch.retentionMonths ?? current.retention_months,
    enabled,
    recipients,
    patch.digestLocale ?? current.digest_locale,
  ]);
  return { settings: await readSettings(q, coalitionId) };
}
