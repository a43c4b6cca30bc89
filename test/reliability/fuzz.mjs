// 10,000 malformed requests across every write endpoint: wrong types, missing and overlong fields,
// broken JSON, wrong content types, hostile keys. The API must answer each with a 4xx (never a 5xx)
// and store nothing.
import { randomUUID } from "node:crypto";
import { createSecretKey } from "@coalition-kit/api";
import { ORIGIN, PARTNER_KEY, freshTarget, prepare, startApi } from "../bench/support.mjs";

const TOTAL = Number(process.env.CK_FUZZ_COUNT ?? 10_000);
const TABLES = ["organizations", "partners", "petitions", "people", "signatures", "consents", "training_series", "training_sessions", "training_registrations", "story_campaigns", "stories", "surveys", "survey_responses", "survey_follow_ups", "meetings", "meeting_attendees", "meeting_rsvps", "secret_keys", "webhook_endpoints", "outbox", "idempotency_keys", "admin_idempotency_keys"];

/** Deterministic pseudo-random numbers, so a failure can be replayed with the same CK_FUZZ_SEED. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Wrong for every field of every endpoint: no string, number, boolean, list or object field accepts these. */
const INVALID = [null, -1, 1.5, [1, 2], { $gt: "" }, "x".repeat(20_000)];
/** Odd values for the other fields (some are valid there: the broken field alone must make the API refuse). */
const WEIRD = [null, true, false, 0, -1, 1.5, 1e308, "", " ", "x".repeat(20_000), "\u0000", "'; drop table signatures; --", "<script>alert(1)</script>", "🙂".repeat(300), [], [1, 2], {}, { $gt: "" }, { __proto__: { admin: true } }, "2026-13-45T25:61:00Z", "not-an-email", "@", "a@b", "NaN", "Infinity"];

export async function fuzz(kind) {
  const target = await freshTarget(kind);
  try {
    const setup = await prepare(
      target,
      async (db) => {
        const session = (await db.query("select id from training_sessions order by starts_at desc limit 1"))[0].id;
        const key = (await createSecretKey(db, "ct-fund-our-schools")).key;
        const webhook = (await db.query(
          `insert into webhook_endpoints (organization_id, url, events, secret)
           select id, 'https://hooks.example.org/fuzz', array['signature.created'], 'whsec_ZnV6eg==' from organizations where slug = 'ct-fund-our-schools' returning id`,
        ))[0].id;
        return { session, webhook, key, counts: await countRows(db) };
      },
      ["ct-funding-gap.json", "heal-together-training.json", "sej-students-over-sros.json"],
    );
    const api = await startApi(target);
    const random = rng(Number(process.env.CK_FUZZ_SEED ?? 20261123));
    const pick = (list) => list[Math.floor(random() * list.length)];
    const admin = { Authorization: `Bearer ${setup.key}` };
    const templates = endpoints(setup.session, setup.webhook);
    const statuses = new Map();
    const fiveHundreds = [];
    try {
      for (let i = 0; i < TOTAL; i += 16) {
        await Promise.all(
          Array.from({ length: Math.min(16, TOTAL - i) }, async () => {
            const t = pick(templates);
            const made = malformed(t.valid, random, pick);
            const { body } = made;
            // A write whose body is optional reads no Content-Type as "no fields": a valid request, not a malformed one.
            const contentType = t.optionalBody && made.contentType === "" ? "text/plain" : made.contentType;
            const headers = { "Content-Type": contentType, "Idempotency-Key": randomUUID(), ...(t.admin ? admin : random() < 0.9 ? { "X-Partner-Key": t.key ?? PARTNER_KEY, Origin: ORIGIN } : { "X-Partner-Key": pick(["", "pk_", "pk_nope", "sk_x", "x".repeat(500)]), Origin: pick([ORIGIN, "null", "https://evil.example"]) }) };
            const res = await fetch(api.url + t.path, { method: t.method, headers, body });
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            if (res.status >= 500) fiveHundreds.push(`${t.method} ${t.path} ${String(body).slice(0, 200)} -> ${res.status} ${(await res.text()).slice(0, 200)}`);
            else await res.arrayBuffer();
          }),
        );
      }
    } finally {
      await api.stop();
    }
    const db = await target.open();
    try {
      const after = await countRows(db);
      const written = TABLES.filter((t) => after[t] !== setup.counts[t]).map((t) => `${t} +${after[t] - setup.counts[t]}`);
      return { label: target.label, requests: TOTAL, statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)), fiveHundreds, written };
    } finally {
      await db.close();
    }
  } finally {
    await target.cleanup();
  }
}

async function countRows(db) {
  const out = {};
  for (const t of TABLES) out[t] = (await db.query(`select count(*)::int as n from ${t}`))[0].n;
  return out;
}

/** Every write endpoint with a valid body to break. */
export function endpoints(session, webhook) {
  const consent = { text: "c", version: "1" };
  return [
    { method: "POST", path: "/v1/petitions/ct-funding-gap/signatures", valid: { firstName: "A", email: "a@example.org", zip: "06511", ageBand: "18_plus" } },
    { method: "POST", path: `/v1/trainings/heal-together-2/sessions/${session}/registrations`, key: "pk_demo_sej", valid: { firstName: "A", email: "a@example.org" } },
    { method: "POST", path: "/v1/stories/tell-your-story", valid: { title: "A title", story: "A story that is long enough to pass.", role: "student", ageBand: "18_plus", publish: "anonymous", consentPublish: true } },
    { method: "POST", path: "/v1/surveys/students-over-sros/responses", key: "pk_demo_sej_site", valid: { variant: "all-nhps", answers: { school: "career", grade: "9", presence: "daily", feel_safe: 3, uncomfortable: "no", instead: ["counselors"] } } },
    { method: "POST", path: "/v1/meetings/sej-member-meetings/rsvps", key: "pk_demo_sej_site", valid: { firstName: "A", email: "a@example.org", response: "yes", occurrence: "every_week" } },
    { method: "POST", path: "/v1/registrations/cancel", valid: { token: "x".repeat(40) } },
    { method: "POST", path: "/v1/stories/withdraw", valid: { token: "x".repeat(40) } },
    { method: "POST", path: "/v1/admin/petitions", admin: true, valid: { slug: "fuzz", title: "T", body: "B", target: "G", goal: 1 } },
    { method: "PATCH", path: "/v1/admin/petitions/ct-funding-gap", admin: true, valid: { goal: 10 } },
    { method: "POST", path: "/v1/admin/partners", admin: true, valid: { slug: "fuzz-partner", name: "F", allowedOrigins: ["https://f.example.org"] } },
    { method: "POST", path: "/v1/admin/webhooks", admin: true, valid: { url: "https://hooks.example.org/x" } },
    { method: "POST", path: `/v1/admin/webhooks/${webhook}/rotate-secret`, admin: true, optionalBody: true, valid: { overlapHours: 24 } },
    { method: "POST", path: "/v1/admin/partners/conncan/rotate-key", admin: true, optionalBody: true, valid: { overlapHours: 24 } },
    { method: "POST", path: "/v1/admin/keys", admin: true, optionalBody: true, valid: { scope: "read_only" } },
    { method: "PUT", path: "/v1/admin/meetings/fuzz-meeting", admin: true, valid: { title: "T", description: "D", timeZone: "America/New_York", startDate: "2026-01-01", startTime: "10:00", durationMinutes: 60, rrule: "FREQ=WEEKLY;BYDAY=TH", format: "virtual", consent: { coalition: consent, partner: consent } } },
    { method: "PUT", path: "/v1/admin/trainings/fuzz-series", admin: true, valid: { title: "T", description: "D", consent: { coalition: consent, partner: consent }, sessions: [] } },
    { method: "POST", path: "/v1/admin/people/erase", admin: true, valid: { email: "nobody@example.org" } },
    { method: "PATCH", path: "/v1/admin/settings", admin: true, valid: { retentionMonths: 24, digestEnabled: false } },
  ];
}

/** Control characters no person types (PostgreSQL refuses NUL in text outright). */
const CONTROL = ["\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u001b[2J", "\u007f"];
/** Dates with the right shape that do not exist, or that no calendar keeps. */
const IMPOSSIBLE_DATES = ["2026-02-30", "0000-01-01", "2026-13-45", "2026-04-31", "9999-12-31", "2026-00-10"];
const IMPOSSIBLE_INSTANTS = ["2026-02-30T18:00:00Z", "0000-01-01T00:00:00Z", "2026-13-45T10:00:00-05:00", "2026-06-31T24:00:00Z"];

/** Every string in `value`, as [path, string] pairs, to put a control character into one of them. */
function strings(value, path = []) {
  if (typeof value === "string") return [[path]];
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => strings(v, [...path, k]));
  return [];
}
const setAt = (body, path, value) => path.slice(0, -1).reduce((o, k) => o[k], body)[path.at(-1)] = value;

/** A request body that is wrong in at least one way the API must refuse. */
function malformed(valid, random, pick) {
  const kind = random();
  // A valid body but for one control character inside one of its strings.
  const texts = strings(valid);
  if (kind > 0.85 && texts.length) {
    const body = structuredClone(valid);
    const [path] = pick(texts);
    const text = path.reduce((o, k) => o[k], body);
    const at = Math.floor(random() * (text.length + 1));
    setAt(body, path, `${text.slice(0, at)}${pick(CONTROL)}${text.slice(at)}`);
    return { body: JSON.stringify(body), contentType: "application/json" };
  }
  // An organizer's schedule with a date that does not exist.
  if (kind > 0.78 && ("startDate" in valid || "sessions" in valid)) {
    const body = structuredClone(valid);
    if ("startDate" in body) {
      const where = random();
      if (where < 0.4) body.startDate = pick(IMPOSSIBLE_DATES);
      else if (where < 0.7) body.changes = [{ date: pick(IMPOSSIBLE_DATES), cancelled: true }];
      else body.breaks = [{ from: "2026-06-01", to: pick(IMPOSSIBLE_DATES), reason: "Summer" }];
      if (random() < 0.3) body.rrule = pick(["FREQ=WEEKLY;BYDAY=TH;COUNT=abc", "FREQ=WEEKLY;COUNT=0", "FREQ=WEEKLY;UNTIL=20261345", "FREQ=WEEKLY;BYDAY=", "FREQ=HOURLY"]);
    } else {
      body.sessions = [{ key: "s1", title: "S", startsAt: pick(IMPOSSIBLE_INSTANTS), endsAt: "2026-03-10T19:00:00Z", timeZone: "America/New_York", format: "virtual", leaders: [] }];
    }
    return { body: JSON.stringify(body), contentType: "application/json" };
  }
  if (kind < 0.1) return { body: pick(["{", "{\"a\":", "[]", "null", "42", "\"str\"", "{'single': 1}", "\u0000\u0001", "{}".repeat(5000)]), contentType: "application/json" };
  if (kind < 0.15) return { body: JSON.stringify(valid), contentType: pick(["text/plain", "application/xml", "multipart/form-data; boundary=x", ""]) };
  if (kind < 0.2) return { body: `firstName=${"%".repeat(3)}&email=&&&=`, contentType: "application/x-www-form-urlencoded" };
  if (kind < 0.25) return { body: JSON.stringify({ ...valid, pad: "x".repeat(70_000) }), contentType: "application/json" };
  const body = structuredClone(valid);
  const keys = Object.keys(body);
  // Break one field for sure, then scramble others (never the broken one back into shape).
  const victim = pick(keys);
  body[victim] = pick(INVALID);
  const others = [...keys.filter((k) => k !== victim), "extra", "__proto__", "constructor"];
  for (let n = Math.floor(random() * 3); n > 0; n -= 1) body[pick(others)] = pick(WEIRD);
  return { body: JSON.stringify(body), contentType: "application/json" };
}

/** Settings with a typo, each of which must stop the API from starting (exit 1, naming the variable) rather than run with a limit off. */
const ENV_TYPOS = [
  ["CK_SIGNATURES_PER_MINUTE", "20/min"],
  ["CK_SIGNATURES_PER_MINUTE", "0"],
  ["CK_SIGNATURES_PER_MINUTE", "-5"],
  ["CK_SIGNATURES_PER_MINUTE", "1e3"],
  ["CK_KEY_WRITES_PER_MINUTE", "lots"],
  ["CK_ADMIN_AUTH_FAILURES_PER_MINUTE", "ten"],
  ["CK_TRUST_PROXY", "yes"],
  ["CK_TRUST_PROXY", "99"],
  ["PORT", "80800"],
  ["PORT", "http"],
  ["SMTP_URL", "mail.example.org:25"],
  ["DATABASE_URL", "mysql://root@localhost/ck"],
  ["CK_PUBLIC_URL", "api.example.org"],
  ["MAIL_FROM", "Coalition Kit"],
  ["NODE_ENV", "prod"],
  ["CK_MESSAGES_BATCH", "50 "],
  ["CK_DB_POOL_SIZE", "NaN"],
];

/** Start the API once per typo in ENV_TYPOS; each must refuse to start with a message naming the variable. */
export async function fuzzEnvironment() {
  const { spawnSync } = await import("node:child_process");
  const { fileURLToPath } = await import("node:url");
  const server = fileURLToPath(new URL("../../apps/api/dist/server.js", import.meta.url));
  const results = [];
  for (const [name, value] of ENV_TYPOS) {
    const env = { ...process.env, PORT: "0", DATABASE_URL: "", CK_DATA_DIR: "/nonexistent-ck-fuzz", NODE_ENV: "", [name]: value };
    const run = spawnSync(process.execPath, [server], { env, encoding: "utf8", timeout: 60_000 });
    results.push({ name, value, refused: run.status === 1 && run.stderr.includes(name) && !run.stdout.includes("Coalition Kit API on") });
  }
  return results;
}
