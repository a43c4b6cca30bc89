// Tabling mode (issue 20): an action collected on a shared device, perhaps offline, reaches the API
// later than it was taken. The API keeps when it was collected, if that is believable: within the
// last 30 days, and not ahead of the API's clock by more than a device's clock may drift.
import { COLLECTED_AT_MESSAGE, COLLECTED_MAX_DAYS } from "@coalition-kit/schema";
import { validationError } from "../errors.js";

/** How far ahead of the API's clock a device's may be. */
const CLOCK_DRIFT_MS = 5 * 60_000;

/** The collection time to store (undefined: now, when it arrived), or a field error on `collectedAt`. */
export function collectionTime(collectedAt: string | undefined, now = new Date()): Date | undefined {
  if (collectedAt === undefined) return undefined;
  const at = new Date(collectedAt);
  const age = now.getTime() - at.getTime();
  if (age < -CLOCK_DRIFT_MS || age > COLLECTED_MAX_DAYS * 86_400_000) throw validationError({ collectedAt: COLLECTED_AT_MESSAGE });
  return at;
}
