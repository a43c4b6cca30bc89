// `pnpm reliability`: kill -9 during load, 10,000 malformed requests, the security checks and a
// classroom behind one address, on PGlite and PostgreSQL. Prints Markdown tables, writes them to
// docs/benchmarks.md, and exits 1 if any promise is broken (a lost acknowledged signature, a 5xx,
// a stored row, a failed check).
import { crash } from "./crash.mjs";
import { endpoints, fuzz, fuzzEnvironment } from "./fuzz.mjs";
import { security } from "./security.mjs";
import { messageDrain } from "./message-drain.mjs";
import { signThanks } from "./sign-thanks.mjs";
import { replicas } from "./replicas.mjs";
import { WORK, classroom } from "./classroom.mjs";
import { fmt, markdownTable, recordSection } from "../bench/support.mjs";

const KINDS = (process.env.CK_BENCH_DBS ?? "pglite,postgres").split(",");
const sections = [];
let broken = 0;
const print = (title, table) => {
  const block = `### ${title}\n\n${table}\n`;
  console.log(`\n${block}`);
  sections.push(block);
};

const crashes = [];
for (const kind of KINDS) crashes.push(await crash(kind));
broken += crashes.filter((c) => c.lost > 0).length;
print(
  "kill -9 during signing, then restart (20 writers)",
  markdownTable(
    ["database", "acknowledged before kill", "in flight at kill", "stored after restart", "acknowledged but lost", "count after restart"],
    crashes.map((c) => [c.label, fmt(c.acknowledged), fmt(c.inFlightAtKill), fmt(c.storedAfterRestart), fmt(c.lost), fmt(c.totalAfterRestart)]),
  ),
);

const fuzzed = [];
for (const kind of KINDS) fuzzed.push(await fuzz(kind));
broken += fuzzed.filter((f) => f.fiveHundreds.length > 0 || f.written.length > 0).length;
for (const f of fuzzed) for (const line of f.fiveHundreds.slice(0, 10)) console.log(`5xx: ${line}`);
print(
  `Fuzz: malformed requests across ${endpoints("s", "w").length} write endpoints (incl. control characters in any string, impossible dates and repeat rules)`,
  markdownTable(
    ["database", "requests", "answers by status", "5xx", "rows written"],
    fuzzed.map((f) => [f.label, fmt(f.requests), Object.entries(f.statuses).map(([s, n]) => `${s}: ${fmt(n)}`).join(", "), fmt(f.fiveHundreds.length), f.written.length ? f.written.join(", ") : "0"]),
  ),
);

const typos = await fuzzEnvironment();
broken += typos.filter((t) => !t.refused).length;
print(
  "Settings with a typo: the API refuses to start and names the variable",
  markdownTable(["variable", "value", "result"], typos.map((t) => [t.name, `\`${t.value}\``, t.refused ? "✔ refused to start" : "✖ STARTED"])),
);

const checks = await security();
broken += checks.filter((c) => !c.ok).length;
print("Security checks (API + Chromium)", markdownTable(["check", "result", "detail"], checks.map((c) => [c.name, c.ok ? "✔ pass" : "✖ FAIL", c.detail])));

// Two replicas on one PostgreSQL: one rate limit, no overbooked session, each webhook event once.
let replicaChecks = [];
if (KINDS.includes("postgres")) {
  const r = await replicas();
  // Most a burst may pass: the limit plus (replicas − 1) × ⌊limit / 4⌋ (rate-tally.ts).
  const burstOk = r.burstAccepted >= 20 && r.burstAccepted <= 25 && r.burstOther.length === 0;
  replicaChecks = [r.accepted === 20 && r.limited === 10, burstOk, r.seats === 5 && r.otherAnswers.length === 0, r.events === r.signatures && r.deliveredTwice === 0];
  broken += replicaChecks.filter((ok) => !ok).length;
  print(
    "Two API processes on one PostgreSQL (requests alternate between them)",
    markdownTable(
      ["check", "result", "measured"],
      [
        ["rate limit across replicas (20 a minute per address)", r.accepted === 20 && r.limited === 10 ? "✔ pass" : "✖ FAIL", `${r.sent} sent from one address: ${r.accepted} signed, ${r.limited} refused (429); overshoot ${r.accepted - 20}`],
        ["rate limit across replicas, a burst (60 at once from one address, split over both)", burstOk ? "✔ pass" : "✖ FAIL", `${r.burstSent} sent at once: ${r.burstAccepted} signed (at most 25 allowed: 20 + ⌊20 / 4⌋ counted in the other replica's memory)${r.burstOther.length ? `, other answers: ${r.burstOther.join(", ")}` : ""}`],
        ["no overbooking (40 at once for 5 seats)", r.seats === 5 && r.otherAnswers.length === 0 ? "✔ pass" : "✖ FAIL", `${r.seats} seats taken, ${r.waitlisted} waitlisted${r.otherAnswers.length ? `, other answers: ${r.otherAnswers.join(", ")}` : ""}`],
        ["each webhook event delivered once (both replicas deliver)", r.events === r.signatures && r.deliveredTwice === 0 ? "✔ pass" : "✖ FAIL", `${r.signatures} signatures, ${r.events} events received, ${r.deliveredTwice} twice`],
      ],
    ),
  );
}

// Email: every queued message arrives, even with one of two replicas killed mid-drain; a copy
// re-sent after the kill carries the same Message-ID (a mailbox shows it once).
const drains = KINDS.includes("postgres") ? [await messageDrain()] : [];
const drainOk = (d) => d.keys === d.queued && d.messageIds === d.keys;
broken += drains.filter((d) => !drainOk(d)).length;
print(
  "Email: queued reminders drained by 2 API processes on one PostgreSQL, one killed with kill -9 mid-drain",
  markdownTable(
    ["database", "queued", "delivered at kill", "distinct messages delivered", "distinct Message-IDs", "SMTP deliveries", "sent twice (same Message-ID)", "seconds", "messages/s"],
    drains.map((d) => [d.label, fmt(d.queued), fmt(d.deliveredAtKill), fmt(d.keys), fmt(d.messageIds), fmt(d.total), fmt(d.twice), fmt(d.seconds, 1), fmt(d.perSecond)]),
  ),
);

// Email: the thank-you is owed by the signature and queued by the message worker; with two
// replicas draining, every acknowledged signer gets exactly one.
const thanks = KINDS.includes("postgres") ? [await signThanks()] : [];
const thanksOk = (t) => t.failed === 0 && t.missing === 0 && t.twice === 0 && t.thanked === t.acknowledged;
broken += thanks.filter((t) => !thanksOk(t)).length;
print(
  "Email: 1,000 simultaneous signers (+100 double clicks) over 2 API processes on one PostgreSQL, each owed one thank-you",
  markdownTable(
    ["check", "acknowledged", "thanked once", "missing", "thanked twice", "failed requests"],
    thanks.map((t) => [thanksOk(t) ? "✔ pass" : "✖ FAIL", fmt(t.acknowledged), fmt(t.thanked), fmt(t.missing), fmt(t.twice), fmt(t.failed)]),
  ),
);

// Classrooms behind one address: a proof-of-work past the per-address rate instead of a refusal.
const classrooms = [];
for (const kind of KINDS) classrooms.push(await classroom(kind));
const classroomOk = (c) => [c.classStored === c.classSent, c.floodStored === 20, c.solvedStored === 320];
const classroomChecks = classrooms.flatMap(classroomOk);
broken += classroomChecks.filter((ok) => !ok).length;
const answers = (a) => Object.entries(a).map(([k, n]) => `${k}: ${fmt(n)}`).join(", ");
print(
  `One address, the API's default limits (20 writes a minute free, 300 more with a solved proof-of-work, ${fmt(WORK)} hashes at most), 5 minutes on the API's clock`,
  markdownTable(
    ["database", "run", "sent", "stored", "answers", "challenges solved", "solve p50 / p95 ms (Node)", "sender's work"],
    classrooms.flatMap((c) => {
      const [cls, flood, solved] = classroomOk(c).map((ok) => (ok ? "✔" : "✖"));
      return [
        [c.label, `${cls} a class: 60 distinct signers a minute, solving when asked`, fmt(c.classSent), fmt(c.classStored), answers(c.classAnswers), fmt(c.classSolved), `${fmt(c.solveP50)} / ${fmt(c.solveP95)}`, ""],
        [c.label, `${flood} a flood doing no work, one minute`, fmt(c.floodSent), fmt(c.floodStored), answers(c.floodAnswers), "0", "", ""],
        [c.label, `${solved} a flood solving every challenge, one minute`, fmt(c.solvedSent), fmt(c.solvedStored), answers(c.solvedAnswers), fmt(c.solvedStored - 20), "", `${fmt(c.solvedWorkSeconds, 1)} s of CPU`],
      ];
    }),
  ),
);

const checksPassed =
  crashes.filter((c) => c.lost === 0).length +
  fuzzed.filter((f) => !f.fiveHundreds.length && !f.written.length).length +
  typos.filter((t) => t.refused).length +
  checks.filter((c) => c.ok).length +
  drains.filter(drainOk).length +
  thanks.filter(thanksOk).length +
  replicaChecks.filter(Boolean).length +
  classroomChecks.filter(Boolean).length;
if (process.env.CK_RECORD !== "0") await recordSection("reliability", `## Reliability (\`pnpm reliability\`)\n\nMeasured ${new Date().toISOString().slice(0, 10)}.\n\n${sections.join("\n")}`);
console.log(`\nreliability checks: ${checksPassed} passed, ${broken} failed`);
process.exit(broken === 0 ? 0 : 1);
