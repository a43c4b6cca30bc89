import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { migrate, splitStatements } from "./migrate.js";
import { SEEDS_DIR } from "../paths.js";
import { loadSeedFile, seed } from "../seed/seed.js";
import { DB_LABEL, startHarness, type Harness } from "../testing/harness.js";

describe(`migrations and seeds (${DB_LABEL})`, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.stop());

  test("statements split at semicolons, but not inside a $$ function body", () => {
    const sql = "create table a (x int);\n-- a comment; with a semicolon\ncreate function f() returns int language plpgsql as $$ begin return 1; end $$;\nselect 1";
    assert.deepEqual(splitStatements(sql), ["create table a (x int)", "create function f() returns int language plpgsql as $$ begin return 1; end $$", "select 1"]);
  });

  test("live counts equal the signatures, also after bulk inserts and deletes", async () => {
    await h.db.query(
      `with pe as (insert into people (coalition_id, email_normalized, first_name, zip)
                   select p.coalition_id, 'bulk-count' || g || '@example.org', 'B', '06511' from petitions p, generate_series(1, 300) g where p.slug = 'ct-funding-gap' returning id)
       insert into signatures (petition_id, person_id, partner_id)
       select (select id from petitions where slug = 'ct-funding-gap'), pe.id, (select id from partners where publishable_key = 'pk_demo_e4e') from pe`,
    );
    await h.db.query("delete from signatures where person_id in (select id from people where email_normalized like 'bulk-count1%')");
    const counted = await h.count("select coalesce(sum(count), 0)::int as n from petition_counts");
    assert.equal(counted, await h.count());
    assert.ok(counted > 100);
  });

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
