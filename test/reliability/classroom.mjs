// Classrooms behind one IP address (issue 20), on the API's real settings (20 writes a minute from
// one address with nothing asked, 300 more that solved a proof-of-work, 50,000 hashes of work at
// most), with the API in this process so the test owns its clock: five simulated minutes pass
// without waiting for them.
// - A class: 300 distinct signers from one address, 60 a minute for 5 minutes, each sending the
//   write, solving the challenge when asked (as the widgets do) and sending it again: all stored.
// - A flood that does no work: 1,000 writes in one minute from one address: 20 stored.
// - A flood that solves every challenge: 400 writes in one minute from one address: 20 + 300
//   stored, the rest refused (429 rate_limited), each solved write having cost its sender the
//   measured solve time.
import { randomUUID } from "node:crypto";
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { createLogger, startServer } from "@coalition-kit/api";
import { ORIGIN, PARTNER_KEY, SLUG, freshTarget, percentile, prepare, signer } from "../bench/support.mjs";

const FREE = 20;
const SOLVED = 300;
/** The API's CK_CHALLENGE_WORK (50,000 as shipped); the short run inside `npm test` asks less of the sender. */
export const WORK = Number(process.env.CK_CLASSROOM_WORK || 50_000);

/** One write from `address`; with `solve`, a challenge is solved and the write sent again with the same key. */
async function write(url, address, solve, solveTimes) {
  const key = randomUUID();
  const body = JSON.stringify(signer("classroom"));
  const send = (solution) =>
    fetch(`${url}/v1/petitions/${SLUG}/signatures`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Partner-Key": PARTNER_KEY, Origin: ORIGIN, "Idempotency-Key": key, "X-Forwarded-For": address, ...(solution ? { "X-CK-Challenge": solution } : {}) },
      body,
    });
  const first = await send();
  if (first.status !== 429 || !solve) return first.status === 429 ? ((await first.json()).error.code) : (await first.body?.cancel(), first.status);
  const { error } = await first.json();
  if (error.code !== "challenge_required") return error.code;
  const started = performance.now();
  const solution = await solveChallenge({ challenge: error.challenge, deriveKey });
  solveTimes.push(performance.now() - started);
  const second = await send(Buffer.from(JSON.stringify({ challenge: error.challenge, solution })).toString("base64"));
  if (second.status === 429) return (await second.json()).error.code;
  await second.body?.cancel();
  return second.status;
}

const tally = (results) => results.reduce((out, r) => ((out[r] = (out[r] ?? 0) + 1), out), {});

export async function classroom(kind) {
  const target = await freshTarget(kind);
  let now = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 1_000);
  await prepare(target);
  const db = await target.open();
  const server = await startServer({
    port: 0,
    db,
    webhooks: false,
    trustedProxies: 1,
    clock: () => now,
    rateLimit: { signaturesPerMinute: FREE, challengedWritesPerMinute: SOLVED, challengeWork: WORK, keyWritesPerMinute: 1_000_000 },
    logger: createLogger("warn"),
  });
  const count = async () => (await db.query("select count(*)::int as n from signatures"))[0].n;
  const nextMinute = () => (now = new Date(now.getTime() + 60_000));
  try {
    // The class: 60 a minute for five minutes, from one school address.
    const solveTimes = [];
    const classResults = [];
    const before = await count();
    for (let minute = 0; minute < 5; minute += 1) {
      for (let i = 0; i < 60; i += 1) classResults.push(await write(server.url, "198.51.100.20", true, solveTimes));
      nextMinute();
    }
    const classStored = (await count()) - before;

    // A flood that does no work, in one minute.
    const floodBefore = await count();
    const flood = [];
    for (let i = 0; i < 1_000; i += 1) flood.push(await write(server.url, "198.51.100.30", false, []));
    const floodStored = (await count()) - floodBefore;
    nextMinute();

    // A flood that solves every challenge, in one minute.
    const solvedBefore = await count();
    const solvedTimes = [];
    const solvedFlood = [];
    for (let i = 0; i < 400; i += 1) solvedFlood.push(await write(server.url, "198.51.100.40", true, solvedTimes));
    const solvedStored = (await count()) - solvedBefore;

    return {
      label: target.label,
      classSent: classResults.length,
      classStored,
      classAnswers: tally(classResults),
      classSolved: solveTimes.length,
      solveP50: percentile(solveTimes, 50),
      solveP95: percentile(solveTimes, 95),
      floodSent: flood.length,
      floodStored,
      floodAnswers: tally(flood),
      solvedSent: solvedFlood.length,
      solvedStored,
      solvedAnswers: tally(solvedFlood),
      solvedWorkSeconds: solvedTimes.reduce((a, b) => a + b, 0) / 1000,
    };
  } finally {
    await server.close();
    await db.close();
    await target.cleanup();
  }
}
