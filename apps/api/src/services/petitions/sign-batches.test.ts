import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { DB_LABEL, E4E, SLUG, startHarness, type Harness } from "../../testing/harness.js";
import { ASKED_FOR } from "../messages/queue.js";
import { signThroughBatch, type SignParams } from "./sign-batches.js";

interface Answer {
  outcome: string;
  status?: number;
}

describe(`signatures stored in batches (${DB_LABEL})`, () => {
  let h: Harness;
  let params: (email: string, referrer?: string) => SignParams;
  before(async () => {
    h = await startHarness();
    const [p] = await h.db.query<{ id: string; coalition_id: string; organization_id: string; slug: string; name: string }>(
      `select pa.id, pa.coalition_id, pa.organization_id, o.slug, o.name from partners pa join organizations o on o.id = pa.organization_id
        where pa.publishable_key = $1`,
      [E4E],
    );
    // sign_petition's parameters for an adult signing in English without opt-ins, with its own Idempotency-Key.
    params = (email, referrer) => [p!.id, p!.coalition_id, p!.organization_id, p!.slug, p!.name, randomUUID(), `hash:${email}`, SLUG,
      email, "Batch", null, "06511", null, null, null, null, "18_plus", false, false, null,
      "en", "https://partner.example.org", ASKED_FOR, referrer ?? null, "online", null];
  });
  after(() => h.stop());

  test("signatures waiting together are stored in one commit, each answered on its own", async () => {
    const before = await h.count();
    const emails = Array.from({ length: 12 }, (_, i) => `batch-together-${i}@example.org`);
    const answers = (await Promise.all(emails.map((email) => signThroughBatch(h.db, params(email))))) as Answer[];
    assert.deepEqual(answers.map((a) => [a.outcome, a.status]), emails.map(() => ["done", 201]));
    assert.equal(await h.count(), before + 12);
    // A signature counts from its transaction's start (now()): signatures stored together share it.
    const commits = await h.count(
      "select count(distinct s.confirmed_at)::int as n from signatures s join people p on p.id = s.person_id where p.email_normalized = any($1)",
      [emails],
    );
    assert.equal(commits, 1);
  });

  test("one signature the database refuses fails alone: the others sent with it are stored and answered", async () => {
    const before = await h.count();
    const emails = Array.from({ length: 12 }, (_, i) => `batch-refused-${i}@example.org`);
    // All twelve at once, so they go together, the refused one last.
    const calls = emails.map((email, i) => signThroughBatch(h.db, params(email, i === emails.length - 1 ? "not-a-signature-id" : undefined)));
    const settled = await Promise.allSettled(calls);
    assert.equal(settled.at(-1)!.status, "rejected");
    const answers = settled.slice(0, -1).map((s) => (s.status === "fulfilled" ? (s.value as Answer) : { outcome: "rejected" }));
    assert.deepEqual(answers.map((a) => [a.outcome, a.status]), answers.map(() => ["done", 201]));
    assert.equal(await h.count(), before + 11);
    assert.equal(await h.count("select count(*)::int as n from people where email_normalized = $1", [emails.at(-1)]), 0);
  });
});
