import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { AdminSettingsResponse } from "@coalition-kit/schema";
import { seed } from "../seed/seed.js";
import { runDailyJobs } from "../services/platform/daily-jobs.js";
import { purgeExpiredPeople } from "../services/retention/purge.js";
import { claimJob, jobStatus, runDueJobs, type DailyJob } from "../services/platform/scheduler.js";
import { adminFor, type Admin } from "../testing/admin.js";
import { DB_LABEL, ORIGIN, petitionFixture, signer, SLUG, startHarness, type Harness } from "../testing/harness.js";

type ErrorBody = { error: { code: string; fields?: Record<string, string> } };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SECOND_KEY = "pk_test_second_coalition";

/** The same moment `months` calendar months earlier. */
const monthsBefore = (months: number, from = new Date()) => {
  const d = new Date(from);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};

describe(`retention: the daily purge, the scheduler and the settings (${DB_LABEL})`, () => {
  let h: Harness;
  let admin: Admin;
  let second: Admin;
  before(async () => {
    h = await startHarness({ webhooks: false });
    admin = await adminFor(h);
    await seed(
      h.db,
      {
        coalition: { slug: "second-coalition", name: "Second Coalition", website: null },
        partners: [{ slug: "second-coalition", name: "Second Coalition", website: null, publishableKey: SECOND_KEY, allowedOrigins: [ORIGIN] }],
        petitions: [petitionFixture("second-petition")],
      },
      { extraOrigins: [ORIGIN] },
    );
    second = await adminFor(h, "second-coalition");
  });
  after(() => h.stop());

  const total = async (slug: string) => ((await (await fetch(`${h.url}/v1/petitions/${slug}/stats`)).json()) as { stats: { total: number } }).stats.total;
  const sign = async (slug: string, who: Record<string, unknown>, key?: string) => {
    const res = await h.post(`/v1/petitions/${slug}/signatures`, who, key ? { "X-Partner-Key": key } : {});
    assert.equal(res.status, 201, await res.clone().text());
  };
  const held = (email: unknown) => h.count("select count(*)::int as n from people where email_normalized = $1", [email]);
  /** Move everything a person did (and their row) back to `when`. */
  async function backdate(email: unknown, when: Date, tables: Array<"signatures" | "consents" | "stories"> = ["signatures", "consents", "stories"]) {
    const at = when.toISOString();
    const person = "(select id from people where email_normalized = $1)";
    await h.db.query("update people set created_at = $2 where email_normalized = $1", [email, at]);
    if (tables.includes("signatures")) await h.db.query(`update signatures set created_at = $2 where person_id = ${person}`, [email, at]);
    if (tables.includes("consents")) await h.db.query(`update consents set created_at = $2 where person_id = ${person}`, [email, at]);
    if (tables.includes("stories")) await h.db.query(`update stories set submitted_at = $2 where person_id = ${person}`, [email, at]);
  }
  const settingsOf = async (who: Admin) => AdminSettingsResponse.parse(await (await who.get("/settings")).json()).settings;

  test("a person whose last action is 25 months old is erased by the daily job; recent ones are kept; the public total does not drop", async () => {
    const old = signer({ firstName: "Oldfield", consentCoalition: true, consentPartner: true });
    const recent = signer({ firstName: "Newcombe", consentCoalition: true });
    const storyteller = signer({ firstName: "Storey" });
    for (const who of [old, recent, storyteller]) await sign(SLUG, who);
    // An old signature, but a story told this week: their last action is recent.
    const story = await h.post("/v1/stories/tell-your-story", {
      title: "Our counselor is gone", story: "We used to have a counselor three days a week; now it is once a month.", role: "parent", ageBand: "18_plus",
      publish: "internal", firstName: "Storey", email: storyteller.email,
    });
    assert.equal(story.status, 201, await story.clone().text());
    await backdate(old.email, monthsBefore(25));
    await backdate(storyteller.email, monthsBefore(25), ["signatures", "consents"]);

    const before = await total(SLUG);
    const csvBefore = await (await admin.get(`/petitions/${SLUG}/signatures.csv`)).text();
    assert.ok(csvBefore.includes("Oldfield"));
    assert.equal((await settingsOf(admin)).dueForErasure, 1, "the console can say who the next purge takes");

    const ran = await runDailyJobs(h.db);
    assert.ok(ran.includes("retention.purge"), `ran: ${ran.join(", ")}`);
    assert.equal(await held(old.email), 0, "the person is erased");
    assert.equal(await h.count("select count(*)::int as n from consents where text like '%' || $1 || '%'", ["Oldfield"]), 0);
    assert.equal(await h.count("select count(*)::int as n from messages where to_address = $1", [old.email]), 0, "their messages lose the address");
    assert.equal(await held(recent.email), 1, "a recent signer stays");
    assert.equal(await held(storyteller.email), 1, "a recent story keeps its author");
    const csv = await (await admin.get(`/petitions/${SLUG}/signatures.csv`)).text();
    assert.ok(!csv.includes("Oldfield") && !csv.includes(old.email as string), "gone from the export");
    assert.ok(csv.includes("Newcombe"));
    assert.equal(await total(SLUG), before, "the public total keeps the purged signature as a number");
    const exported = (await (await admin.get(`/people?email=${encodeURIComponent(old.email as string)}`)).json()) as { person: unknown };
    assert.equal(exported.person, null);
    assert.equal((await settingsOf(admin)).dueForErasure, 0);
    assert.equal((await runDailyJobs(h.db)).length, 0, "the daily jobs already ran today");
  });

  test("a coalition with a 6-month period purges at 6 months; another coalition at 24 keeps the same age", async () => {
    const res = await second.send("PATCH", "/settings", { retentionMonths: 6 });
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(AdminSettingsResponse.parse(await res.json()).settings.retentionMonths, 6);
    assert.equal((await settingsOf(admin)).retentionMonths, 24, "24 months unless changed, per coalition");

    const seven = signer({ firstName: "Sevenmonth" });
    const five = signer({ firstName: "Fivemonth" });
    const elsewhere = signer({ firstName: "Elsewhere" });
    await sign("second-petition", seven, SECOND_KEY);
    await sign("second-petition", five, SECOND_KEY);
    await sign(SLUG, elsewhere);
    await backdate(seven.email, monthsBefore(7));
    await backdate(five.email, monthsBefore(5));
    await backdate(elsewhere.email, monthsBefore(7));
    const before = await total("second-petition");

    assert.equal((await settingsOf(second)).dueForErasure, 1);
    const result = await purgeExpiredPeople(h.db);
    assert.equal(result.people, 1);
    assert.equal(await held(seven.email), 0, "7 months is past a 6-month period");
    assert.equal(await held(five.email), 1);
    assert.equal(await held(elsewhere.email), 1, "7 months is within the other coalition's 24");
    assert.equal(await total("second-petition"), before);
    // Injected time: five months on, the second signer is past 6 months too.
    assert.equal((await purgeExpiredPeople(h.db, new Date(Date.now() + 35 * DAY))).people, 1);
    assert.equal(await held(five.email), 0);
    assert.equal(await total("second-petition"), before);
  });

  test("the scheduler runs a daily job once when two replicas race for it, again the next day, and after a crashed run's lease expires", async () => {
    let runs = 0;
    const job: DailyJob = {
      name: "test.counted",
      hourUtc: 4,
      run: async () => {
        runs += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
      },
    };
    const t0 = new Date("2031-03-10T10:00:00Z");
    const both = await Promise.all([runDueJobs(h.db, [job], t0), runDueJobs(h.db, [job], t0)]);
    assert.equal(runs, 1, "one of the two racing replicas runs it");
    assert.deepEqual(both.flat(), ["test.counted"]);
    assert.deepEqual(await runDueJobs(h.db, [job], new Date(t0.getTime() + 2 * HOUR)), [], "not again the same day");
    assert.equal((await jobStatus(h.db, job.name)).nextRunAt, "2031-03-11T04:00:00.000Z", "next at its hour, the next day");
    assert.equal((await jobStatus(h.db, job.name)).lastRunAt, t0.toISOString());

    const t1 = new Date(t0.getTime() + DAY);
    await Promise.all([runDueJobs(h.db, [job], t1), runDueJobs(h.db, [job], t1), runDueJobs(h.db, [job], t1)]);
    assert.equal(runs, 2, "the next day, once");

    // A replica claims the next run and dies without finishing: the lease keeps others off for a while, then it is taken up.
    const t2 = new Date(t1.getTime() + DAY);
    assert.ok(await claimJob(h.db, job.name, t2));
    assert.deepEqual(await runDueJobs(h.db, [job], new Date(t2.getTime() + 10 * 60_000)), []);
    assert.deepEqual(await runDueJobs(h.db, [job], new Date(t2.getTime() + 31 * 60_000)), ["test.counted"]);
    assert.equal(runs, 3);

    // A failing job is retried an hour later, not on every tick; the jobs after it still run.
    let attempts = 0;
    const failing: DailyJob = { name: "test.failing", hourUtc: 4, run: async () => { attempts += 1; throw new Error("boom"); } };
    const console_error = console.error;
    console.error = () => undefined;
    try {
      assert.deepEqual(await runDueJobs(h.db, [failing, job], t2), ["test.failing"], "the counted job already ran at t2");
      assert.deepEqual(await runDueJobs(h.db, [failing], new Date(t2.getTime() + 30 * 60_000)), []);
      assert.deepEqual(await runDueJobs(h.db, [failing], new Date(t2.getTime() + 61 * 60_000)), ["test.failing"]);
    } finally {
      console.error = console_error;
    }
    assert.equal(attempts, 2);
  });

  test("settings: bad input gets field errors (422), partners cannot see them, and a write replays by its Idempotency-Key", async () => {
    const bad = await admin.send("PATCH", "/settings", { retentionMonths: 0, digestRecipients: ["staff@example.org", "not an email"] });
    assert.equal(bad.status, 422);
    const { error } = (await bad.json()) as ErrorBody;
    assert.equal(error.code, "validation_failed");
    assert.equal(error.fields?.retentionMonths, "Choose a whole number of months from 1 to 120.");
    assert.equal(error.fields?.["digestRecipients.1"], "Enter a valid email address, like name@example.org.");
    for (const body of [{ retentionMonths: 121 }, { retentionMonths: 6.5 }, { retentionMonths: "12" }]) {
      const res = await admin.send("PATCH", "/settings", body);
      assert.equal(res.status, 422, JSON.stringify(body));
      assert.ok(((await res.json()) as ErrorBody).error.fields?.retentionMonths);
    }
    const nobody = await admin.send("PATCH", "/settings", { digestEnabled: true });
    assert.equal(nobody.status, 422);
    assert.equal(((await nobody.json()) as ErrorBody).error.fields?.digestRecipients, "Add at least one staff email address to send the digest to.");
    assert.equal((await settingsOf(admin)).digestEnabled, false, "nothing changed");

    const key = { "Idempotency-Key": crypto.randomUUID() };
    const body = { retentionMonths: 36, digestEnabled: true, digestRecipients: [" Staff@Example.org ", "staff@example.org", "director@example.org"] };
    const first = await admin.send("PATCH", "/settings", body, key);
    assert.equal(first.status, 200);
    const saved = AdminSettingsResponse.parse(await first.json()).settings;
    assert.deepEqual([saved.retentionMonths, saved.digestEnabled, saved.digestRecipients], [36, true, ["staff@example.org", "director@example.org"]]);
    assert.ok(saved.purge.nextRunAt, "the console can say when the next purge runs");
    const replay = await admin.send("PATCH", "/settings", body, key);
    assert.equal(replay.headers.get("idempotent-replayed"), "true");
    assert.deepEqual(AdminSettingsResponse.parse(await replay.json()).settings.retentionMonths, 36);
    const reused = await admin.send("PATCH", "/settings", { retentionMonths: 12 }, key);
    assert.equal(reused.status, 409, "one key, one write");
    assert.equal((await admin.send("PATCH", "/settings", { digestEnabled: false, retentionMonths: 24 })).status, 200);

    const partner = await adminFor(h, "educators-for-excellence");
    assert.equal((await partner.get("/settings")).status, 404, "a partner has no coalition settings");
    assert.equal((await fetch(`${h.url}/v1/admin/settings`)).status, 401);
  });
});
