// Tabling mode on the API side (issue 20): a signature taken on a shared device says so, and when
// it was collected (earlier than it arrived when the device was offline); the CSV and the webhook
// carry both. A collection time more than 30 days old or in the future is a field error, and
// nothing is stored.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { COLLECTED_AT_MESSAGE } from "@coalition-kit/schema";
import { DB_LABEL, SLUG, signer } from "../testing/harness.js";
import { adminSuite } from "../testing/suites.js";
import { parseCsv } from "../testing/csv-parse.js";

const SIGN = `/v1/petitions/${SLUG}/signatures`;
/** The CSV's rows as header → cell. */
const csvRows = (text: string) => {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((name, i) => [name, r[i] ?? ""])) as Record<string, string>);
};
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

describe(`signatures collected at a table (${DB_LABEL})`, () => {
  const h = adminSuite({ webhooks: false });

  test("collected two hours ago at a table: stored with its channel and collection time, in the CSV and the webhook", async () => {
    const hook = await h.admin.send("POST", "/webhooks", { url: "http://127.0.0.1:9/hooks", events: ["signature.created"] });
    assert.equal(hook.status, 201, await hook.clone().text());
    const collectedAt = hoursAgo(2);
    const person = signer({ channel: "tabling", collectedAt, consentCoalition: true });
    const res = await h.post(SIGN, person);
    assert.equal(res.status, 201, await res.clone().text());

    const row = csvRows(await (await h.admin.get(`/petitions/${SLUG}/signatures.csv`)).text()).find((r) => r["email"] === String(person["email"]).toLowerCase());
    assert.ok(row, "the signature is in the CSV");
    assert.equal(row["channel"], "tabling");
    assert.equal(row["collected_at"], collectedAt);
    assert.ok(Date.parse(row["signed_at"]!) - Date.parse(collectedAt) > 3_600_000, "signed_at is when it arrived");

    const [event] = await h.db.query<{ payload: string }>("select payload from outbox where event_type = 'signature.created' order by created_at desc limit 1");
    const data = (JSON.parse(event!.payload) as { data: { channel: string; collectedAt: string } }).data;
    assert.equal(data.channel, "tabling");
    assert.equal(data.collectedAt, collectedAt);
  });

  test("an online signature says online, collected when it arrived", async () => {
    const person = signer({ consentCoalition: true });
    assert.equal((await h.post(SIGN, person)).status, 201);
    const row = csvRows(await (await h.admin.get(`/petitions/${SLUG}/signatures.csv`)).text()).find((r) => r["email"] === String(person["email"]).toLowerCase())!;
    assert.equal(row["channel"], "online");
    assert.equal(row["collected_at"], row["signed_at"]);
  });

  test("collected 31 days ago, or an hour in the future: a field error saying why, in the signer's language, and nothing stored", async () => {
    const before = await h.count();
    for (const collectedAt of [hoursAgo(31 * 24), hoursAgo(-1)]) {
      const res = await h.post(SIGN, signer({ channel: "tabling", collectedAt }));
      assert.equal(res.status, 422);
      assert.equal(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields["collectedAt"], COLLECTED_AT_MESSAGE);
    }
    const es = await h.post(SIGN, signer({ channel: "tabling", collectedAt: hoursAgo(40 * 24) }), { "Accept-Language": "es" });
    assert.match(((await es.json()) as { error: { fields: Record<string, string> } }).error.fields["collectedAt"]!, /^Esto se recogió hace más de 30 días/);
    const kiosk = await h.post(SIGN, signer({ channel: "kiosk" }));
    assert.equal(((await kiosk.json()) as { error: { fields: Record<string, string> } }).error.fields["channel"], "Choose online or tabling.");
    assert.equal(await h.count(), before);
  });
});
