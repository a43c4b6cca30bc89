import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { queueOwedThanks } from "./signature-thanks.js";
import { DB_LABEL, SLUG, signer } from "../../testing/harness.js";
import { mailSuite } from "../../testing/suites.js";

const SIGN = `/v1/petitions/${SLUG}/signatures`;

describe(`the thank-you signing leaves owed (${DB_LABEL})`, () => {
  const h = mailSuite({ webhooks: false });
  const thanksFor = (email: unknown) =>
    h.count("select count(*)::int as n from messages m join people p on p.id = m.person_id where p.email_normalized = $1 and m.kind = 'petition.thanks'", [email]);
  const owedFor = (email: unknown) =>
    h.count("select count(*)::int as n from thanks_owed o join signatures s on s.id = o.signature_id join people p on p.id = s.person_id where p.email_normalized = $1", [email]);

  test("is queued once, in the signer's language, however many drains run at the same time, and then sent", async () => {
    const who = signer();
    assert.equal((await h.post(SIGN, who, { "Accept-Language": "es" })).status, 201);
    assert.equal(await owedFor(who.email), 1, "owed by the signature");
    assert.equal(await thanksFor(who.email), 0, "not yet a message");

    const queued = await Promise.all([queueOwedThanks(h.db), queueOwedThanks(h.db), queueOwedThanks(h.db)]);
    assert.equal(queued.reduce((a, b) => a + b, 0), 1);
    assert.equal(await thanksFor(who.email), 1);
    assert.equal(await owedFor(who.email), 0);
    assert.equal(await queueOwedThanks(h.db), 0, "nothing is owed twice");

    await h.deliver();
    const mail = await h.sink.waitFor((m) => m.to.includes(who.email as string));
    assert.match(mail.subject, /^Gracias por firmar: /);
    assert.equal(await thanksFor(who.email), 1);
  });

  test("is not queued to a suppressed address, and is no longer owed", async () => {
    const who = signer();
    await h.db.query("insert into suppressions (coalition_id, email, reason) select coalition_id, $1, 'bounced' from petitions where slug = $2", [who.email, SLUG]);
    assert.equal((await h.post(SIGN, who)).status, 201);
    assert.equal(await owedFor(who.email), 1);
    await queueOwedThanks(h.db);
    assert.equal(await thanksFor(who.email), 0);
    assert.equal(await owedFor(who.email), 0);
  });

  test("a signer who must confirm by email gets the link at once, not a thank-you", async () => {
    const [petition] = await h.db.query<{ confirmation: string }>("select confirmation from petitions where slug = $1", [SLUG]);
    await h.db.query("update petitions set confirmation = 'double_opt_in' where slug = $1", [SLUG]);
    try {
      const who = signer();
      assert.equal((await h.post(SIGN, who)).status, 201);
      assert.equal(await owedFor(who.email), 0);
      assert.equal(await h.count("select count(*)::int as n from messages where to_address = $1 and kind = 'petition.confirm'", [who.email]), 1);
    } finally {
      await h.db.query("update petitions set confirmation = $2 where slug = $1", [SLUG, petition!.confirmation]);
    }
  });
});
