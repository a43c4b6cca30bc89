// Proof-of-work for many writes from one address (issue 20). A class signing together from one
// school IP would pass the per-address rate; above it, instead of a refusal, the API answers
// `challenge_required` with an ALTCHA v2 challenge, and the widget sends the write again with the
// solution (a few hundred milliseconds of the browser's work: no tracking, no third party). Each
// challenge names the address bucket it was made for, lives five minutes and is taken once.
import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import type { WriteChallenge } from "@coalition-kit/schema";
import type { Db } from "../../db/types.js";
import { ApiError } from "../errors.js";
import { setting } from "./settings.js";

/** How long a challenge can be solved and sent, in seconds. */
export const CHALLENGE_LIFETIME_SECONDS = 300;
/** The hash the solver repeats (SHA-256 over the salt and the counter: Web Crypto has it everywhere). */
const ALGORITHM = "SHA-256";

/** Signing secrets shared by every replica: one for the challenge, one for its derived key. */
async function secrets(db: Db): Promise<{ hmacSignatureSecret: string; hmacKeySignatureSecret: string }> {
  const secret = await setting(db, "challenge_secret");
  return { hmacSignatureSecret: secret, hmacKeySignatureSecret: `${secret}:key` };
}

/**
 * A challenge for `bucket` (the salted hash of an address and action, never the address): the
 * solver tries counters from 0 until it finds the one the API picked, between `work / 2` and
 * `work`, so the cost is known in advance and the API checks a solution without redoing it.
 */
export async function newWriteChallenge(db: Db, bucket: string, work: number, now: Date): Promise<WriteChallenge> {
  const challenge = await createChallenge({
    algorithm: ALGORITHM,
    cost: 1,
    counter: randomInt(Math.max(1, Math.ceil(work / 2)), Math.max(2, work)),
    deriveKey,
    data: { scope: bucket, expires: Math.floor(now.getTime() / 1000) + CHALLENGE_LIFETIME_SECONDS },
    ...(await secrets(db)),
  });
  return challenge as WriteChallenge;
}

/** The 429 that carries a challenge: solve it and send the same write again (or, without a solver, wait `retry` seconds for the next minute). */
export function challengeRequired(challenge: WriteChallenge, retry: number): ApiError {
  return new ApiError("challenge_required", { challenge, headers: { "Retry-After": String(retry) } });
}

/** `{ challenge, solution }` from the header's base64 JSON, or undefined when it is not that shape. */
function decode(header: string): { challenge: Challenge; solution: Solution } | undefined {
  try {
    const payload = JSON.parse(Buffer.from(header, "base64").toString("utf8")) as { challenge?: Challenge; solution?: Solution };
    const { challenge, solution } = payload;
    if (!challenge || typeof challenge.signature !== "string" || typeof challenge.parameters !== "object" || challenge.parameters === null) return undefined;
    if (!solution || typeof solution.counter !== "number" || typeof solution.derivedKey !== "string") return undefined;
    return { challenge, solution };
  } catch {
    return undefined;
  }
}

/**
 * Whether `header` holds a solution to a challenge this API made for `bucket`, unexpired at `now`,
 * and not used before (the first use takes it). Anything else, a forgery or a replay included, is
 * simply not a solution: the write is then treated as if it had none.
 */
export async function takeSolution(db: Db, header: string, bucket: string, now: Date): Promise<boolean> {
  if (header.length > 4096) return false;
  const payload = decode(header);
  if (!payload) return false;
  const { scope, expires } = payload.challenge.parameters.data ?? {};
  if (scope !== bucket || typeof expires !== "number" || expires * 1000 < now.getTime()) return false;
  let verified = false;
  try {
    verified = (await verifySolution({ challenge: payload.challenge, solution: payload.solution, deriveKey, ...(await secrets(db)) })).verified;
  } catch {
    return false;
  }
  if (!verified) return false;
  const rows = await db.query<{ signature: string }>(
    "insert into used_challenges (signature, expires_at) values ($1, to_timestamp($2)) on conflict do nothing returning signature",
    [payload.challenge.signature, expires],
  );
  if (Math.random() < 0.01) await db.query("delete from used_challenges where expires_at < $1::timestamptz", [now.toISOString()]);
  return rows.length === 1;
}
