import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { ModerationListResponse, StoryWallResponse, SubmitStoryResponse } from "@coalition-kit/schema";
import { createSecretKey } from "../services/keys/secret-keys.js";
import { DB_LABEL, startHarness, type Harness } from "../testing/harness.js";

const CAMPAIGN = "/v1/stories/tell-your-story";
let n = 0;
const story = (overrides: Record<string, unknown> = {}) => ({
  title: `Our school lost its counselor ${(n += 1)}`,
  story: "We used to have a counselor three days a week. Now she comes once a month and the line is out the door.",
  role: "student",
  ageBand: "13_17",
  publish: "anonymous",
  consentPublish: true,
  ...overrides,
});

describe(`stories: submission, moderation, wall, withdrawal (${DB_LABEL})`, () => {
  let h: Harness;
  let sk: string;
  before(async () => {
    h = await startHarness();
    sk = (await createSecretKey(h.db, "ct-fund-our-schools")).key;
  });
  after(() => h.stop());

  const admin = (path: string, init: RequestInit = {}) => fetch(h.url + path, { ...init, headers: { "Content-Type": "application/json", Authorization: `Bearer ${sk}`, ...init.headers } });
  const wall = async (query = "") => StoryWallResponse.parse(await (await fetch(`${h.url}${CAMPAIGN}/wall${query}`)).json());
  const moderate = (id: string, body: unknown) => admin(`/v1/admin/stories/${id}/moderation`, { method: "POST", body: JSON.stringify(body) });
  async function submitAndFind(body: Record<string, unknown>) {
    const res = await h.post(CAMPAIGN, body);
    assert.equal(res.status, 201, await res.clone().text());
    const submitted = SubmitStoryResponse.parse(await res.json());
    const queue = ModerationListResponse.parse(await (await admin("/v1/admin/stories?status=pending")).json());
    return { submitted, id: queue.stories.find((s) => s.title === body.title)!.id };
  }

  test("a story reaches the wall only after approval, with the first name only when chosen", async () => {
    const named = story({ publish: "first_name", firstName: "Imani", role: "parent", school: "Hillhouse High School" });
    const { id } = await submitAndFind(named);
    assert.equal((await wall()).stories.some((s) => s.id === id), false);
    assert.equal((await moderate(id, { decision: "approve" })).status, 200);
    const shown = (await wall()).stories.find((s) => s.id === id)!;
    assert.equal(shown.authorName, "Imani");
    assert.equal(shown.school, "Hillhouse High School");
  });

  test("anonymous stories carry no name anywhere: not stored, not in the wall, not in the queue", async () => {
    const anon = story({ firstName: "Secretname", email: "anon.author@example.org", consentCoalition: true });
    const { id } = await submitAndFind(anon);
    await moderate(id, { decision: "approve" });
    const wallText = await (await fetch(`${h.url}${CAMPAIGN}/wall?pageSize=50`)).text();
    const queueText = await (await admin("/v1/admin/stories?status=approved")).text();
    for (const text of [wallText, queueText]) {
      assert.match(text, new RegExp(id));
      assert.doesNotMatch(text, /Secretname|anon\.author/);
    }
    assert.equal(await h.count("select count(*)::int as n from stories where author_first_name is not null and id = $1", [id]), 0);
    assert.equal(await h.count("select count(*)::int as n from people where first_name = 'Secretname'"), 0);
  });

  test("internal-only and rejected stories never reach the wall", async () => {
    const internal = await submitAndFind(story({ publish: "internal", consentPublish: false }));
    await moderate(internal.id, { decision: "approve" });
    const rejected = await submitAndFind(story());
    const noReason = await moderate(rejected.id, { decision: "reject" });
    assert.equal(noReason.status, 422);
    assert.equal(((await noReason.json()) as { error: { fields: Record<string, string> } }).error.fields.reason, "Give a reason for rejecting (the author may see it).");
    const res = await moderate(rejected.id, { decision: "reject", reason: "Names a teacher" });
    assert.equal(((await res.json()) as { story: { status: string; rejectionReason: string } }).story.rejectionReason, "Names a teacher");
    const ids = (await wall("?pageSize=50")).stories.map((s) => s.id);
    assert.ok(!ids.includes(internal.id) && !ids.includes(rejected.id));
  });

  test("withdrawal by the signed link removes an approved story from the wall", async () => {
    const { submitted, id } = await submitAndFind(story());
    await moderate(id, { decision: "approve" });
    assert.ok((await wall("?pageSize=50")).stories.some((s) => s.id === id));
    assert.match(await (await fetch(submitted.withdrawUrl)).text(), /Yes, withdraw my story/);
    assert.ok((await wall("?pageSize=50")).stories.some((s) => s.id === id), "opening the link alone changes nothing");
    const token = new URL(submitted.withdrawUrl).searchParams.get("token")!;
    const res = await fetch(`${h.url}/v1/stories/withdraw`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token }) });
    assert.deepEqual(await res.json(), { status: "withdrawn" });
    assert.equal((await wall("?pageSize=50")).stories.some((s) => s.id === id), false);
    assert.equal((await moderate(id, { decision: "approve" })).status, 404, "a withdrawn story cannot be re-approved");
    const forged = await fetch(`${h.url}/v1/stories/withdraw`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token: `${id}.forged` }) });
    assert.equal(forged.status, 422);
  });

  test("under 13: no personal data unless a guardian agrees", async () => {
    const kid = story({ ageBand: "under_13", publish: "first_name", firstName: "Kai" });
    const res = await h.post(CAMPAIGN, kid);
    assert.equal(res.status, 422);
    const { error } = (await res.json()) as { error: { fields: Record<string, string> } };
    assert.equal(error.fields.guardianConsent, "A parent or guardian must agree before someone under 13 can sign.");
    assert.ok(error.fields.guardianEmail);
    assert.equal((await h.post(CAMPAIGN, story({ ageBand: "under_13" }))).status, 201, "anonymous with no personal data needs no guardian");
    const ok = await h.post(CAMPAIGN, { ...kid, guardianEmail: "guardian@example.org", guardianConsent: true });
    assert.equal(ok.status, 201);
    assert.equal(((await ok.json()) as { status: string }).status, "guardian_pending", "the parent or guardian is asked by email (messages-stories.test.ts)");
    assert.equal(await h.count("select count(*)::int as n from consents where guardian_email = 'guardian@example.org'"), 0, "a ticked box is not a guardian's consent");
  });

  test("the wall pages and filters by role", async () => {
    for (const role of ["educator", "educator", "educator"]) {
      const { id } = await submitAndFind(story({ role }));
      await moderate(id, { decision: "approve" });
    }
    const page1 = await wall("?role=educator&pageSize=2");
    const page2 = await wall("?role=educator&pageSize=2&page=2");
    assert.equal(page1.total, 3);
    assert.equal(page1.stories.length, 2);
    assert.equal(page2.stories.length, 1);
    assert.ok([...page1.stories, ...page2.stories].every((s) => s.role === "educator"));
  });

  test("moderation needs a valid secret key; bad story input gets field errors", async () => {
    assert.equal((await fetch(`${h.url}/v1/admin/stories`)).status, 401);
    assert.equal((await fetch(`${h.url}/v1/admin/stories`, { headers: { Authorization: "Bearer sk_not_a_real_key_000000000000" } })).status, 401);
    const res = await h.post(CAMPAIGN, { title: "", story: "short", role: "alien", ageBand: "13_17", publish: "anonymous" });
    assert.equal(res.status, 422);
    const { fields } = ((await res.json()) as { error: { fields: Record<string, string> } }).error;
    assert.deepEqual(Object.keys(fields).sort(), ["role", "story", "title"]);
    const noConsent = await h.post(CAMPAIGN, story({ consentPublish: false }));
    assert.equal(((await noConsent.json()) as { error: { fields: Record<string, string> } }).error.fields.consentPublish !== undefined, true);
  });
});
