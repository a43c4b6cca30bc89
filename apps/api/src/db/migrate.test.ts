import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { migrate } from "./migrate.js";
import { SEEDS_DIR } from "../paths.js";
import { loadSeedFile, seed } from "../seed/seed.js";
import { DB_LABEL, startHarness, type Harness } from "../testing/harness.js";

describe(`migrations and seeds (${DB_LABEL})`, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.stop());

  test("migrating again applies nothing", async () => {
    assert.deepEqual(await migrate(h.db), []);
  });

  test("seeding again changes nothing", async () => {
    const snapshot = () =>
      h.db.query("select o.slug, pa.publishable_key, pa.allowed_origins, (select count(*)::int from petitions) as petitions from partners pa join organizations o on o.id = pa.organization_id order by 1");
    const before = await snapshot();
    await seed(h.db, await loadSeedFile(`${SEEDS_DIR}ct-funding-gap.json`));
    assert.deepEqual(await snapshot(), before);
    assert.equal(before.length, 5);
  });
});
