import type { Db } from "../../db/types.js";
import { DIGEST_JOB, queueDigests } from "../messages/digest.js";
import { PURGE_JOB, purgeExpiredPeople } from "../retention/purge.js";
import { runDueJobs, type DailyJob } from "./scheduler.js";
import { purgeIdempotencyReplies } from "./idempotency.js";
import { expireUnconfirmed } from "../petitions/signature-confirmation.js";
import { expireStoryGuardians } from "../stories/story-guardian.js";
import { redactOldEvents } from "../webhooks/webhooks.js";

/**
 * Everything that runs once a day, in one place. Each job runs once a day across all replicas
 * (scheduler.ts), at its hour (UTC) after it has first run.
 */
export const DAILY_JOBS: readonly DailyJob[] = [
  // Delivered webhook events lose their content after 30 days.
  { name: "webhooks.redact-old-events", hourUtc: 3, run: (db, now) => redactOldEvents(db, undefined, now) },
  // Signatures never confirmed by email (or by a guardian) in time are erased, leaving a count.
  { name: "signatures.expire-unconfirmed", hourUtc: 3, run: (db, now) => expireUnconfirmed(db, now) },
  // Children's stories whose parent or guardian has not answered in 7 days are erased, leaving a count.
  { name: "stories.expire-guardian-pending", hourUtc: 3, run: (db, now) => expireStoryGuardians(db, now) },
  // Stored answers to writes (kept for retries; they hold personal links) go after 24 hours.
  { name: "idempotency.purge-replies", hourUtc: 3, run: (db, now) => purgeIdempotencyReplies(db, now) },
  // People past their coalition's retention period are erased; public totals stay.
  { name: PURGE_JOB, hourUtc: 4, run: (db, now) => purgeExpiredPeople(db, now) },
  // The organizer digest, for coalitions that turned it on (early morning in the Americas).
  { name: DIGEST_JOB, hourUtc: 11, run: (db, now) => queueDigests(db, now) },
];

/** Run the daily jobs due at `now` that this caller claims first. Returns the names that ran. */
export function runDailyJobs(db: Db, now = new Date()): Promise<string[]> {
  return runDueJobs(db, DAILY_JOBS, now);
}
