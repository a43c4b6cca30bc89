import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { runDailyJobs } from "../services/platform/daily-jobs.js";
import { nextSlot } from "../services/platform/scheduler.js";
import { queueDigests } from "../services/messages/digest.js";
import { CONNCAN, DB_LABEL, petitionFixture, signer, SLUG } from "../testing/harness.js";
import { mailSuite } from "../testing/suites.js";
import { hourInDays, seriesOf } from "../testing/trainings.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const STAFF = ["lead.organizer@example.org", "director@example.org"];
const start = hourInDays(5);
const SERIES = seriesOf("digest-series", "Digest series", "For the digest test.", [
  { key: "one", title: "Session one", startsAt: start.toISOString(), endsAt: new Date(start.getTime() + HOUR).toISOString(), timeZone: "America/New_York", format: "virtual", virtualLink: "https://meet.example.org/one", capacity: null, leaders: [] },
]);
const consent = { coalition: { text: "Coalition may email me.", version: "1" }, partner: { text: "{partner} may email me.", version: "1" } };

describe(`the organizer digest (${DB_LABEL})`, () => {
  const h = mailSuite({ webhooks: false, extraTrainings: [SERIES], extraPetitions: [petitionFixture("digest-kids", { askAgeBand: true })] });

  const digests = () => h.count("select count(*)::int as n from messages where kind = 'organizer.digest'");
  const ok = async (res: Response | Promise<Response>, status = 201) => {
    const r = await res;
    assert.equal(r.status, status, await r.clone().text());
  };

  test("the digest lists the day's actions per partner and what is waiting, is sent once per day, and not at all when off", async () => {
    // An organizer-typed partner name with markup: it must arrive escaped.
    await ok(h.admin.send("PATCH", "/partners/conncan", { name: "ConnCAN <b>& Friends</b>" }), 200);
    const sessionId = (await h.db.query<{ id: string }>("select id from training_sessions where key = 'one'"))[0]!.id;
    await ok(h.admin.send("PUT", "/meetings/digest-weekly", { title: "Weekly", description: "x", timeZone: "America/New_York", startDate: new Date(Date.now() + DAY).toISOString().slice(0, 10), startTime: "16:00", durationMinutes: 60, rrule: "FREQ=WEEKLY", format: "virtual", consent }));

    // One thank-you the mail server refuses for good: a failed message.
    h.sink.refuseWith = 550;
    await ok(h.post(`/v1/petitions/${SLUG}/signatures`, signer({ firstName: "Bounce" })));
    await h.deliver();
    assert.equal(await h.count("select count(*)::int as n from messages where status = 'failed'"), 1);
    h.sink.refuseWith = undefined;

    // Educators for Excellence (the default key): 2 more signatures (3 with the bounced one), a registration, a story waiting for moderation.
    await ok(h.post(`/v1/petitions/${SLUG}/signatures`, signer()));
    await ok(h.post(`/v1/petitions/${SLUG}/signatures`, signer()));
    await ok(h.post(`/v1/trainings/digest-series/sessions/${sessionId}/registrations`, signer()));
    await ok(h.post("/v1/stories/tell-your-story", { title: "The bus never came", story: "Three mornings this month the bus never came and nobody told us why.", role: "parent", ageBand: "18_plus", publish: "anonymous", consentPublish: true }));
    // ConnCAN: a signature waiting for a guardian, an RSVP.
    await ok(h.post("/v1/petitions/digest-kids/signatures", signer({ ageBand: "under_13", guardianEmail: "guardian.digest@example.org", guardianConsent: true }), { "X-Partner-Key": CONNCAN }));
    await ok(h.post("/v1/meetings/digest-weekly/rsvps", { ...signer(), response: "yes", occurrence: "every_week" }, { "X-Partner-Key": CONNCAN }));

    // Off by default: nothing is queued. The digest runs at the next noon (UTC) after these actions,
    // whatever the time of day the test runs at: "later the same day" and "the next day" below
    // never cross midnight or the digest's own hour by accident.
    const now = nextSlot(12, new Date(Date.now() + 5 * 60_000));
    assert.equal(await queueDigests(h.db, now), 0);
    assert.equal(await digests(), 0);

    await ok(h.admin.send("PATCH", "/settings", { digestEnabled: true, digestRecipients: STAFF }), 200);
    // Two replicas run the daily jobs at the same moment: one digest per staff address.
    const ran = await Promise.all([runDailyJobs(h.db, now), runDailyJobs(h.db, now)]);
    assert.equal(ran.flat().filter((name) => name === "messages.digest").length, 1);
    assert.equal(await digests(), STAFF.length);
    assert.equal(await queueDigests(h.db, new Date(now.getTime() + 2 * HOUR)), 0, "the same day's key queues nothing more");
    assert.equal(await h.count("select count(*)::int as n from messages where kind = 'organizer.digest' and person_id is null and to_address = any($1)", [STAFF]), 2, "to staff addresses, not people");

    await h.deliver(now);
    const mail = await h.sink.waitFor((m) => m.to.includes(STAFF[0]!) && m.subject.startsWith("Daily digest"));
    await h.sink.waitFor((m) => m.to.includes(STAFF[1]!));
    assert.equal(mail.subject, `Daily digest: CT Fund Our Schools Coalition, ${now.toISOString().slice(0, 10)}`);
    assert.match(mail.text, /Educators for Excellence: Signatures 3 · Registrations 1 · RSVPs 0 · Stories 1/);
    assert.match(mail.text, /ConnCAN <b>& Friends<\/b>: Signatures 1 · Registrations 0 · RSVPs 1 · Stories 0/);
    assert.match(mail.text, /Stories waiting for moderation: 1/);
    assert.match(mail.text, /Signatures waiting for a parent or guardian: 1/);
    assert.match(mail.text, /Messages that failed: 1/);
    assert.match(mail.text, /\/admin\//, "a link to the console");
    assert.ok(mail.html.includes("ConnCAN &lt;b&gt;&amp; Friends&lt;/b&gt;"), "the partner name is escaped in the HTML");
    assert.ok(!mail.html.includes("<b>& Friends"), "never as markup");
    assert.ok(!mail.text.includes("guardian.digest@example.org") && !mail.text.includes("Bounce"), "counts only: no one's name or address");

    // Later the same day: nothing; the next day: one more each, in the language the organizers chose.
    assert.deepEqual(await runDailyJobs(h.db, new Date(now.getTime() + 3 * HOUR)), []);
    await ok(h.admin.send("PATCH", "/settings", { digestLocale: "es" }), 200);
    const tomorrow = new Date(now.getTime() + DAY);
    assert.ok((await runDailyJobs(h.db, tomorrow)).includes("messages.digest"));
    await h.deliver(tomorrow);
    const next = await h.sink.waitFor((m) => m.to.includes(STAFF[0]!) && m.subject.endsWith(tomorrow.toISOString().slice(0, 10)));
    assert.equal(next.subject, `Resumen diario: CT Fund Our Schools Coalition, ${tomorrow.toISOString().slice(0, 10)}`);
    assert.match(next.text, /No hubo acciones nuevas del/, "nothing new in that day");
    assert.match(next.text, /Historias por moderar: 1/);
    assert.equal(h.sink.to(STAFF[0]!).length, 2, "one digest per day");

    // Off again: the day after brings none.
    await ok(h.admin.send("PATCH", "/settings", { digestEnabled: false }), 200);
    assert.ok((await runDailyJobs(h.db, new Date(now.getTime() + 2 * DAY))).includes("messages.digest"));
    assert.equal(await digests(), 2 * STAFF.length);
  });
});
