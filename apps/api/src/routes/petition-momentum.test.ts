// Proca-style momentum (issue 20): a petition can keep a small count off the widget until it
// reaches a threshold, and raise the goal it shows each time 90 % of it is reached, so the bar
// never sits full while people keep signing. The organizer's own goal stays as set.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { AdminPetitionDetail, PetitionResponse, SignPetitionResponse } from "@coalition-kit/schema";
import { shownGoal } from "../services/petitions/goals.js";
import { DB_LABEL, ORIGIN, signer } from "../testing/harness.js";
import { newPetition } from "../testing/admin.js";
import { adminSuite } from "../testing/suites.js";

test("the goal shown rises to the next round number at 90 %: 5,000 → 10,000 → 20,000 → 50,000", () => {
  assert.deepEqual([4_499, 4_500, 8_999, 9_000, 17_999, 18_000, 45_000].map((n) => shownGoal(5_000, n, true)), [5_000, 10_000, 10_000, 20_000, 20_000, 50_000, 100_000]);
  assert.equal(shownGoal(5_000, 9_999, false), 5_000, "without autoGoal the goal stays");
  assert.equal(shownGoal(750, 700, true), 1_000, "from any goal to the next round one");
  assert.equal(shownGoal(0, 10, true), 0, "no goal, nothing to raise");
});

describe(`a petition that raises its goal and hides a small count (${DB_LABEL})`, () => {
  const h = adminSuite({ webhooks: false });
  const read = async (slug: string) => PetitionResponse.parse(await (await fetch(`${h.url}/v1/petitions/${slug}?key=pk_demo_e4e&r=${Math.random()}`, { headers: { Origin: ORIGIN } })).json());

  test("at 9 of 10 the sign answer and the public read show a goal of 20; the organizer's goal stays 10", async () => {
    const slug = "momentum";
    const created = await h.admin.send("POST", "/petitions", newPetition(slug, { goal: 10, autoGoal: true, countShownFrom: 5 }));
    assert.equal(created.status, 201, await created.clone().text());
    let last: SignPetitionResponse | undefined;
    for (let i = 0; i < 9; i += 1) last = SignPetitionResponse.parse(await (await h.post(`/v1/petitions/${slug}/signatures`, signer())).json());
    assert.deepEqual([last!.stats.total, last!.stats.goal], [9, 20]);
    const { petition, stats } = await read(slug);
    assert.equal(stats.goal, 20);
    assert.equal(petition.goal, 10);
    assert.equal(petition.countShownFrom, 5);
    const detail = AdminPetitionDetail.parse(await (await h.admin.get(`/petitions/${slug}`)).json());
    assert.equal(detail.petition.goal, 10);

    const patched = await h.admin.send("PATCH", `/petitions/${slug}`, { autoGoal: false, countShownFrom: 0 });
    assert.equal(patched.status, 200);
    const after = await read(slug);
    assert.deepEqual([after.stats.goal, after.petition.countShownFrom], [10, 0]);
  });

  test("a threshold below 0 or not a whole number is a field error", async () => {
    const res = await h.admin.send("POST", "/petitions", newPetition("momentum-bad", { countShownFrom: -1, autoGoal: "yes" }));
    assert.equal(res.status, 422);
    const { fields } = ((await res.json()) as { error: { fields: Record<string, string> } }).error;
    assert.equal(fields["countShownFrom"], "Enter 0 or more.");
    assert.equal(fields["autoGoal"], "Choose true or false.");
  });
});
