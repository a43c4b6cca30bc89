import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { DB_LABEL, signer } from "../testing/harness.js";
import { adminFor, newPetition, type Admin } from "../testing/admin.js";
import { adminSuite } from "../testing/suites.js";
import { parseCsv } from "../testing/csv-parse.js";

describe(`admin: signature export (${DB_LABEL})`, () => {
  const h = adminSuite({ webhooks: false });
  before(async () => {
    await h.admin.send("POST", "/petitions", newPetition("export-me"));
  });

  const csv = async (who: Admin = h.admin) => {
    const res = await who.get("/petitions/export-me/signatures.csv");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/csv/);
    assert.match(res.headers.get("content-disposition") ?? "", /attachment; filename="export-me-signatures-\d{4}-\d{2}-\d{2}\.csv"/);
    return parseCsv((await res.text()).replace(/^\uFEFF/, ""));
  };

  test("a spreadsheet never runs a signer's text as a formula; emails only with the coalition opt-in", async () => {
    await h.post("/v1/petitions/export-me/signatures", signer({ firstName: '=HYPERLINK("http://evil.example","x")', lastName: "+1", email: "opted.in@example.org", consentCoalition: true }));
    await h.post("/v1/petitions/export-me/signatures", signer({ firstName: "Quiet", email: "quiet@example.org" }));
    const [header, ...rows] = await csv();
    assert.deepEqual(header!.slice(0, 5), ["signed_at", "first_name", "last_name", "email", "zip"]);
    const evil = rows.find((r) => r[3] === "opted.in@example.org")!;
    assert.equal(evil[1], `'=HYPERLINK("http://evil.example","x")`);
    assert.equal(evil[2], "'+1");
    assert.equal(evil[11], "yes");
    const quiet = rows.find((r) => r[1] === "Quiet")!;
    assert.equal(quiet[4], "06511");
    assert.equal(quiet[3], "", "no email without the coalition opt-in");
    assert.equal(quiet[5], "Educators for Excellence");
  });

  test("emails and ZIP codes are exported as they are: validation admits no formula, and a ' would corrupt them", async () => {
    assert.equal((await h.post("/v1/petitions/export-me/signatures", signer({ firstName: "Dash", email: "-2+3@example.org", zip: "06511-1234", consentCoalition: true }))).status, 201);
    const dash = (await csv()).find((r) => r[1] === "Dash")!;
    assert.deepEqual([dash[3], dash[4]], ["-2+3@example.org", "06511-1234"]);
  });

  test("a partner's key exports only people who agreed to hear from that partner", async () => {
    await h.post("/v1/petitions/export-me/signatures", signer({ firstName: "PartnerFan", email: "fan@example.org", consentPartner: true }));
    await h.post("/v1/petitions/export-me/signatures", signer({ firstName: "ConnCanFan", consentPartner: true }), { "X-Partner-Key": "pk_demo_conncan" });
    const e4e = await adminFor(h, "educators-for-excellence");
    const [, ...rows] = await csv(e4e);
    assert.deepEqual(rows.map((r) => r[1]), ["PartnerFan"]);
    assert.equal(rows[0]![3], "fan@example.org");
    const stranger = await adminFor(h, "conncan");
    assert.deepEqual((await csv(stranger)).slice(1).map((r) => r[1]), ["ConnCanFan"]);
  });

  test("pages of 1,000 join up exactly: 2,500 more signatures, each once", async () => {
    await h.db.query(
      `with p as (select id, coalition_id from petitions where slug = 'export-me'),
            pa as (select id from partners where publishable_key = 'pk_demo_e4e'),
            people_rows as (
              insert into people (coalition_id, email_normalized, first_name, zip)
              select p.coalition_id, 'bulk' || g || '@example.org', 'Bulk' || g, '06511' from p, generate_series(1, 2500) g
              returning id)
       insert into signatures (petition_id, person_id, partner_id, created_at)
       select p.id, people_rows.id, pa.id, now() - interval '1 hour' from p, pa, people_rows`,
    );
    const rows = (await csv()).slice(1);
    const bulk = rows.filter((r) => r[1]!.startsWith("Bulk"));
    assert.equal(bulk.length, 2500);
    assert.equal(new Set(bulk.map((r) => r[1])).size, 2500);
    assert.equal(rows.length, await h.count("select count(*)::int as n from signatures s join petitions p on p.id = s.petition_id where p.slug = 'export-me'"));
  });
});
