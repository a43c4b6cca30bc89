import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { SeedMeeting } from "../seed/types.js";
import { zonedInstant } from "../services/time/zoned-time.js";
import { adminFor } from "../testing/admin.js";
import { DB_LABEL, signer } from "../testing/harness.js";
import { SEJ_KEY, SEJ_ORGANIZATION, SEJ_ZONE, seedWeeklyMeeting } from "../testing/meetings.js";
import { mailSuite } from "../testing/suites.js";

const HOUR = 3_600_000;

describe(`email for meetings (${DB_LABEL})`, () => {
  let dates: string[];
  let meeting: SeedMeeting;
  const h = mailSuite({ webhooks: false }, {
    setup: async (h) => {
      ({ meeting, dates } = await seedWeeklyMeeting(h, "mail-weekly"));
    },
  });
  const at = (date: string) => zonedInstant(date, "16:00", SEJ_ZONE).getTime();

  const rsvp = (body: Record<string, unknown>) => h.post("/v1/meetings/mail-weekly/rsvps", body, { "X-Partner-Key": SEJ_KEY });
  const mails = (email: unknown, prefix: string) => h.sink.to(email as string).filter((m) => m.subject.startsWith(prefix));

  test("an RSVP is confirmed with the join link, and a 'yes' is reminded on the day", async () => {
    const who = signer({ firstName: "Kiara" });
    assert.equal((await rsvp({ ...who, response: "yes", occurrence: dates[0] })).status, 201);
    await h.deliver();
    const confirmation = await h.sink.waitFor((m) => m.to.includes(who.email as string));
    assert.equal(confirmation.subject, "You're coming: SEJ Member Meeting");
    assert.match(confirmation.text, /https:\/\/meet\.example\.org\/sej-members/);
    assert.match(confirmation.text, /\/v1\/meeting-rsvps\/manage\?token=/);
    await h.deliver(new Date(at(dates[0]!) - 4 * HOUR));
    assert.equal(mails(who.email, "Today").length, 0, "not before the day's reminder time");
    await h.deliver(new Date(at(dates[0]!) - 3 * HOUR + 60_000));
    const reminder = await h.sink.waitFor((m) => m.to.includes(who.email as string) && m.subject.startsWith("Today"));
    assert.equal(reminder.subject, "Today: SEJ Member Meeting");
    assert.ok(reminder.raw.headerLines.some((l) => l.key === "list-unsubscribe-post"));
  });

  test("'every week' is reminded each week; a cancelled or moved week sends a notice, a break sends nothing", async () => {
    const every = signer({ firstName: "Dana" });
    const no = signer({ firstName: "Noel" });
    await rsvp({ ...every, response: "yes", occurrence: "every_week" });
    await rsvp({ ...no, response: "no", occurrence: dates[1] });
    await h.deliver();
    await h.sink.waitFor((m) => m.to.includes(every.email as string) && m.subject.startsWith("You're coming"));
    assert.match(h.sink.to(every.email as string)[0]!.text, /every week/);
    assert.equal(h.sink.to(no.email as string).length, 0, "a 'no' gets no confirmation");
    for (const date of [dates[0]!, dates[1]!]) await h.deliver(new Date(at(date) - 3 * HOUR + 60_000));
    assert.equal(mails(every.email, "Today").length, 2, "one reminder each week");

    const admin = await adminFor(h, SEJ_ORGANIZATION);
    const { slug: _slug, ...body } = meeting;
    const changed = {
      ...body,
      breaks: [{ from: dates[4]!, to: dates[4]!, reason: "Spring break" }],
      changes: [{ date: dates[2]!, cancelled: true, note: "No meeting this week." }, { date: dates[3]!, newTime: "17:30", note: "Later this week." }],
    };
    const res = await admin.send("PUT", "/meetings/mail-weekly", changed);
    assert.equal(res.status, 200, await res.text());
    await h.deliver();
    const cancelled = await h.sink.waitFor((m) => m.to.includes(every.email as string) && m.subject.startsWith("Cancelled this week"));
    assert.match(cancelled.text, /No meeting this week\./);
    const moved = await h.sink.waitFor((m) => m.to.includes(every.email as string) && m.subject.startsWith("Moved"));
    assert.match(moved.text, /5:30/);
    assert.equal(h.sink.to(no.email as string).length, 0, "people who said no hear nothing");
    assert.equal(mails(every.email, "Cancelled").length + mails(every.email, "Moved").length, 2, "the break sent nothing");

    // The moved week's reminder follows the new time; the cancelled week has none.
    await h.deliver(new Date(at(dates[2]!) - 3 * HOUR + 60_000));
    assert.equal(mails(every.email, "Today").length, 2, "no reminder for the cancelled week");
    await h.deliver(new Date(at(dates[3]!) - 3 * HOUR + 60_000));
    assert.equal(mails(every.email, "Today").length, 2, "not at the moved week's old time");
    await h.deliver(new Date(zonedInstant(dates[3]!, "17:30", SEJ_ZONE).getTime() - 3 * HOUR + 60_000));
    assert.equal(mails(every.email, "Today").length, 3, "at its new time");
  });
});
