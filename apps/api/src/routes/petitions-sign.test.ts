import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { SignPetitionResponse } from "@coalition-kit/schema";
import { DB_LABEL, E4E, ORIGIN, SLUG, petitionFixture, signer, startHarness, type Harness } from "../testing/harness.js";

const SIGN = `/v1/petitions/${SLUG}/signatures`;

describe(`POST signatures (${DB_LABEL})`, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ extraPetitions: [petitionFixture("closed-one", { status: "closed" }), petitionFixture("no-age", { askAgeBand: false })] });
  });
  after(() => h.stop());

  test("a new signature is stored with its partner, source and UTM codes, and counted", async () => {
    const who = signer({ source: "homepage", utmSource: "newsletter", lastName: "Reyes" });
    const res = await h.post(SIGN, who);
    assert.equal(res.status, 201);
    const body = SignPetitionResponse.parse(await res.json());
    assert.equal(body.status, "signed");
    const rows = await h.db.query<{ key: string; source: string; utm_source: string; last_name: string; age_band: string }>(
      `select pa.publishable_key as key, s.source, s.utm_source, p.last_name, s.age_band
         from signatures s join partners pa on pa.id = s.partner_id join people p on p.id = s.person_id
        where p.email_normalized = $1`,
      [who.email],
    );
    assert.deepEqual(rows, [{ key: E4E, source: "homepage", utm_source: "newsletter", last_name: "Reyes", age_band: "18_plus" }]);
    assert.equal(body.stats.total, await h.count());
  });

  test("the same email, in any case and with spaces, is 'already signed' and stores nothing new", async () => {
    const who = signer();
    assert.equal((await h.post(SIGN, who)).status, 201);
    const before = await h.count();
    const res = await h.post(SIGN, { ...who, email: `  ${String(who.email).toUpperCase()}  `, firstName: "Changed" });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { status: string }).status, "already_signed");
    assert.equal(await h.count(), before);
    assert.equal(await h.count("select count(*)::int as n from people where first_name = 'Changed'"), 0);
  });

  test("form-encoded posts (no-JS fallback) sign and redirect to an allowed return URL only", async () => {
    const form = (extra: string) =>
      fetch(h.url + SIGN, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN },
        body: `partner_key=${E4E}&firstName=Sam&zip=06511&ageBand=18_plus&consentCoalition=on&${extra}`,
      });
    const ok = await form(`email=sam.form@example.org&return_to=${encodeURIComponent(`${ORIGIN}/thanks`)}`);
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get("location"), `${ORIGIN}/thanks?ck_signed=1`);
    assert.equal(await h.count("select count(*)::int as n from consents c join people p on p.id = c.person_id where p.email_normalized = 'sam.form@example.org' and c.scope = 'coalition'"), 1);

    const offsite = await form(`email=sam.offsite@example.org&return_to=${encodeURIComponent("https://evil.example/phish")}`);
    assert.equal(offsite.status, 201);
    assert.match(await offsite.text(), /Thank you/);

    const bad = await form(`email=not-an-email&return_to=x`);
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /Enter a valid email address/);
  });

  test("consents are stored only when checked, with the exact text and version shown", async () => {
    const none = signer();
    await h.post(SIGN, none);
    assert.equal(await h.count("select count(*)::int as n from consents c join people p on p.id = c.person_id where p.email_normalized = $1", [none.email]), 0);

    const both = signer({ consentCoalition: true, consentPartner: true });
    await h.post(SIGN, both);
    const rows = await h.db.query<{ scope: string; text: string; version: string }>(
      "select scope, text, version from consents c join people p on p.id = c.person_id where p.email_normalized = $1 order by scope",
      [both.email],
    );
    assert.deepEqual(rows, [
      { scope: "coalition", text: "Yes, CT Fund Our Schools Coalition may email me about this campaign. I can unsubscribe at any time.", version: "2026-09-coalition-v1" },
      { scope: "partner", text: "Yes, Educators for Excellence may email me about its work. I can unsubscribe at any time.", version: "2026-09-partner-v1" },
    ]);
  });

  test("under 13: a guardian's email is required; the signature then waits for the guardian (nothing counts or is recorded as consent yet)", async () => {
    const kid = signer({ ageBand: "under_13" });
    const res = await h.post(SIGN, kid);
    assert.equal(res.status, 422);
    const { error } = (await res.json()) as { error: { fields: Record<string, string> } };
    assert.equal(error.fields.guardianEmail, "Enter a parent or guardian's email address.");
    assert.equal(error.fields.guardianConsent, "A parent or guardian must agree before someone under 13 can sign.");

    const counted = () => h.count("select coalesce(sum(count), 0)::int as n from petition_counts");
    const before = await counted();
    const ok = await h.post(SIGN, { ...kid, guardianEmail: "Parent@Example.org", guardianConsent: true });
    assert.equal(ok.status, 201);
    assert.equal(((await ok.json()) as { status: string }).status, "guardian_pending");
    const rows = await h.db.query<{ status: string; guardian_email: string }>(
      "select s.status, s.guardian_email from signatures s join people p on p.id = s.person_id where p.email_normalized = $1",
      [kid.email],
    );
    assert.deepEqual(rows, [{ status: "pending_guardian", guardian_email: "parent@example.org" }]);
    assert.equal(await h.count("select count(*)::int as n from consents c join people p on p.id = c.person_id where p.email_normalized = $1", [kid.email]), 0);
    assert.equal(await counted(), before, "not counted until a guardian agrees");
  });

  test("a petition that asks for an age band requires one; one that doesn't, doesn't", async () => {
    const res = await h.post(SIGN, signer({ ageBand: undefined }));
    assert.equal(res.status, 422);
    assert.equal(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields.ageBand, "Choose your age group.");
    assert.equal((await h.post("/v1/petitions/no-age/signatures", signer({ ageBand: undefined }))).status, 201);
  });

  test("a closed petition refuses signatures with 409 and stores nothing", async () => {
    const before = await h.count();
    const res = await h.post("/v1/petitions/closed-one/signatures", signer());
    assert.equal(res.status, 409);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, "petition_closed");
    assert.equal(await h.count(), before);
  });

  test("50 concurrent signers: exact total, no duplicates", async () => {
    const before = await h.count();
    const people = Array.from({ length: 50 }, () => signer());
    const statuses = await Promise.all(people.map(async (p) => (await h.post(SIGN, p)).status));
    assert.deepEqual([...new Set(statuses)], [201]);
    assert.equal(await h.count(), before + 50);
    const shown = await h.count("select count(*)::int as n from signatures s join petitions p on p.id = s.petition_id where p.slug = $1 and s.status = 'confirmed'", [SLUG]);
    const total = ((await (await fetch(`${h.url}/v1/petitions/${SLUG}/stats`)).json()) as { stats: { total: number } }).stats.total;
    assert.equal(total, shown);
  });
});
