// The organizer SDK's key tools against the real API: a partner key rotated with an overlap (the
// partner SDK keeps working on either key, then is told its old key was replaced), and a read-only
// secret key that reads but whose writes are a typed 403.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createSecretKey } from "@coalition-kit/api";
import { RETIRED_KEY_MESSAGE } from "@coalition-kit/schema";
import { createClient } from "@coalition-kit/sdk";
import { CkApiError, createAdminClient, type AdminClient } from "@coalition-kit/sdk/admin";
import { DB_LABEL, email } from "../support/env.js";
import { startIsolatedApi } from "../support/api.js";

const PETITION = "ct-funding-gap";

describe(`admin SDK keys <-> API contract (${DB_LABEL})`, () => {
  let api: Awaited<ReturnType<typeof startIsolatedApi>>;
  let admin: AdminClient;

  before(async () => {
    api = await startIsolatedApi();
    admin = createAdminClient({ baseUrl: api.url, secretKey: (await createSecretKey(api.db, "ct-fund-our-schools")).key, retries: 0 });
  });
  after(async () => api?.stop());

  const signWith = (partnerKey: string, tag: string) =>
    createClient({ baseUrl: api.url, partnerKey, retries: 0 }).petitions.sign(PETITION, { firstName: "Ada", email: email(tag), zip: "06511", ageBand: "18_plus" });

  test("rotateKey: both keys sign during the overlap; with no overlap the old key is a typed invalid_key saying it was replaced", async () => {
    await assert.rejects(admin.partners.rotateKey("conncan", { overlapHours: 500 }), (e: unknown) => e instanceof CkApiError && e.status === 422 && "overlapHours" in e.fields);
    const rotated = await admin.partners.rotateKey("conncan");
    assert.equal(rotated.previousKey, "pk_demo_conncan");
    assert.ok(rotated.previousKeyExpiresAt && Date.parse(rotated.previousKeyExpiresAt) > Date.now());
    await signWith(rotated.publishableKey, "rotate-new");
    await signWith("pk_demo_conncan", "rotate-old");

    const again = await admin.partners.rotateKey("conncan", { overlapHours: 0 });
    assert.equal(again.previousKey, null);
    await signWith(again.publishableKey, "rotate-newest");
    await assert.rejects(signWith(rotated.publishableKey, "rotate-retired"), (e: unknown) => e instanceof CkApiError && e.status === 401 && e.code === "invalid_key" && e.message === RETIRED_KEY_MESSAGE);
  });

  test("a read-only key lists and exports; its writes are a typed 403 read_only_key", async () => {
    const { key, secret } = await admin.keys.create({ scope: "read_only" });
    assert.equal(key.scope, "read_only");
    assert.equal((await admin.keys.list()).find((k) => k.id === key.id)?.scope, "read_only");
    const viewer = createAdminClient({ baseUrl: api.url, secretKey: secret, retries: 0 });
    assert.ok((await viewer.partners.list()).length > 0);
    assert.match(await (await viewer.petitions.exportCsv(PETITION)).text(), /first_name|First name/i);
    await assert.rejects(viewer.petitions.update(PETITION, { goal: 5 }), (e: unknown) => e instanceof CkApiError && e.status === 403 && e.code === "read_only_key");
    await assert.rejects(viewer.keys.create(), (e: unknown) => e instanceof CkApiError && e.code === "read_only_key");
  });
});
