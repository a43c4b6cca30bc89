// The SDK past the per-address rate (a school behind one address): with `solveChallenge` every
// write goes through, solved with altcha-lib; without it the write fails at once with the typed
// `challenge_required` error and its challenge, and is not sent again unsolved.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { CkApiError, createClient, type ClientOptions } from "@coalition-kit/sdk";
import { createLiteClient } from "@coalition-kit/sdk/lite";
import { DB_LABEL, email } from "../support/env.js";
import { startIsolatedApi } from "../support/api.js";

const SLUG = "ct-funding-gap";
const solve: NonNullable<ClientOptions["solveChallenge"]> = async (challenge) => {
  const solution = await solveChallenge({ challenge, deriveKey });
  return solution ? Buffer.from(JSON.stringify({ challenge, solution })).toString("base64") : undefined;
};
const signer = (who: string) => ({ firstName: "Rosa", email: email(who), zip: "06519", ageBand: "18_plus" as const });

describe(`SDK and proof-of-work challenges (${DB_LABEL})`, () => {
  let api: Awaited<ReturnType<typeof startIsolatedApi>>;
  /** Every request the clients send, by method. */
  const sent: string[] = [];
  const counting: typeof fetch = (input, init) => {
    sent.push(input instanceof Request ? input.method : (init?.method ?? "GET"));
    return api.fetch(input, init);
  };
  before(async () => {
    api = await startIsolatedApi({ rateLimit: { signaturesPerMinute: 2, challengedWritesPerMinute: 100, challengeWork: 500 } });
  });
  after(async () => api?.stop());

  test("with solveChallenge, five signers in a row from one address are all signed (full and lite clients)", async () => {
    const full = createClient({ baseUrl: api.url, partnerKey: "pk_demo_e4e", retries: 0, fetch: counting, solveChallenge: solve });
    const lite = createLiteClient({ baseUrl: api.url, partnerKey: "pk_demo_e4e", retries: 0, fetch: counting, solveChallenge: solve });
    for (let i = 0; i < 5; i += 1) assert.equal((await (i % 2 ? lite : full).petitions.sign(SLUG, signer(`pow-${i}`))).status, "signed");
    assert.deepEqual(api.openapi.problems, [], "every answer, the challenges included, matches the OpenAPI document");
  });

  test("without it, the write fails once with challenge_required and the challenge to solve", async () => {
    const client = createClient({ baseUrl: api.url, partnerKey: "pk_demo_e4e", retries: 2, fetch: counting });
    sent.length = 0;
    const error = await client.petitions.sign(SLUG, signer("no-solver")).then(
      () => assert.fail("signed without solving"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof CkApiError);
    assert.equal(error.code, "challenge_required");
    assert.equal(error.status, 429);
    assert.equal(error.challenge?.parameters.algorithm, "SHA-256");
    assert.deepEqual(sent, ["POST"], "not sent again unsolved");
  });
});
