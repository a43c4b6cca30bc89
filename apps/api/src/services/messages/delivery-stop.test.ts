import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { deliverDueMessages } from "./delivery.js";
import { DB_LABEL, SLUG, signer } from "../../testing/harness.js";
import { mailSuite } from "../../testing/suites.js";

describe(`a stopping replica gives its leased emails back (${DB_LABEL})`, () => {
  const h = mailSuite({ webhooks: false });

  test("messages leased while the worker stops are queued again untried, with no lease, and sent by the next round", async () => {
    const who = signer();
    assert.equal((await h.post(`/v1/petitions/${SLUG}/signatures`, who)).status, 201);
    const stopping = new AbortController();
    stopping.abort();
    assert.equal(await deliverDueMessages(h.db, h.transport, { publicUrl: h.url, signal: stopping.signal }), 1, "the thank-you was leased…");
    const [row] = await h.db.query<{ status: string; lease_until: string | null; attempts: number }>("select status, lease_until, attempts from messages where to_address = $1", [who.email]);
    assert.deepEqual(row, { status: "queued", lease_until: null, attempts: 0 }, "…and given back: another replica can take it at once");
    assert.equal(h.sink.to(who.email as string).length, 0, "nothing was handed to SMTP");

    await h.deliver();
    await h.sink.waitFor((mail) => mail.to.includes(who.email as string));
    const [sent] = await h.db.query<{ status: string; attempts: number }>("select status, attempts from messages where to_address = $1", [who.email]);
    assert.deepEqual(sent, { status: "sent", attempts: 1 });
  });
});
