import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createLogger, describeError, logError } from "./log.js";
import { DB_LABEL, startHarness, type Harness } from "./testing/harness.js";

describe(`error logs carry no personal data (${DB_LABEL})`, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ webhooks: false });
  });
  after(() => h.stop());

  test("a real database error about a person logs its code, not the email in its detail", async () => {
    const coalition = (await h.db.query<{ id: string }>("select id from organizations limit 1"))[0]!.id;
    const insert = () => h.db.query("insert into people (coalition_id, email_normalized, first_name) values ($1, 'maya.rivera@example.org', 'Maya')", [coalition]);
    await insert();
    const error = await insert().then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof Error, "the second insert fails");
    const line = describeError(error);
    assert.match(line, /23505/, "the SQLSTATE says what went wrong");
    assert.doesNotMatch(line, /maya|Maya/);
  });

  test("emails, secret keys, link tokens and credentials in messages are replaced", () => {
    const lines: string[] = [];
    logError(
      "sending failed",
      new Error("550 mailbox jordan.lee@example.org refused; key sk_live_abcdefghijklmnop; token 3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60.1767225600.Zm9vYmFyYmF6cXV4cXV1eA12345; smtps://ck:hunter2@smtp.example.org:465"),
      createLogger("info", { write: (line: string) => void lines.push(line) }),
    );
    assert.equal(lines.length, 1);
    for (const secret of ["jordan.lee", "sk_live", "Zm9vYmFy", "hunter2"]) assert.ok(!lines[0]!.includes(secret), `${secret} is not logged`);
    const entry = JSON.parse(lines[0]!) as { level: number; msg: string; error: string };
    assert.equal(entry.level, 50, "an error line");
    assert.equal(entry.msg, "sending failed");
    assert.match(entry.error, /^Error: 550 mailbox \[email\] refused; key \[secret key\]; token \[link token\]; smtps:\/\/\*\*\*@smtp\.example\.org:465/);
  });
});
