// Loaded only when the API asks for a proof-of-work (many writes from one address, such as a class
// signing together behind one school IP): ALTCHA's solver, on the browser's own SHA-256.
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/sha";
import type { WriteChallenge } from "@coalition-kit/schema";

/** The `X-CK-Challenge` header value for `challenge`, or undefined if it was not solved in 30 s. */
export async function solve(challenge: WriteChallenge): Promise<string | undefined> {
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 30_000 });
  return solution ? btoa(JSON.stringify({ challenge, solution })) : undefined;
}
