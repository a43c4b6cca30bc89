import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { ModerationListResponse, StoryDecisionList } from "@coalition-kit/schema";
import { createSecretKey } from "../services/keys/secret-keys.js";
import { DB_LABEL, startHarness, type Harness } from "../testing/harness.js";

const CAMPAIGN = "/v1/stories/tell-your-story";
const story = (title: string) => ({
  title,
  story: "We used to have a counselor three days a week. Now she comes once a month and the line is out the door.",
  role: "student",
  ageBand: "13_17",
  publish: "anonymous",
  consentPublish: true,
});

describe(`story moderation history (${DB_LABEL})`, () => {
  let h: Harness;
  let first: { key: string; prefix: string };
  let second: { key: string; prefix: string };
  before(async () => {
    h = await startHarness();
    const a = await createSecretKey(h.db, "ct-fund-our-schools");
    const b = await createSecretKey(h.db, "ct-fund-our-schools");
    // The console shows a key by its first seven characters, as the key list does.
    first = { key: a.key, prefix: a.key.slice(0, 7) };
    second = { key: b.key, prefix: b.key.slice(0, 7) };
  });
  after(() => h.stop());

  const admin = (key: string, path: string, init: RequestInit = {}) => fetch(h.url + path, { ...init, headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}`, ...init.headers } });

  test("each approval and rejection is kept, newest first, with the key that decided and when", async () => {
    assert.equal((await h.post(CAMPAIGN, story("History: rejected, then approved"))).status, 201);
    assert.equal((await h.post(CAMPAIGN, story("History: approved"))).status, 201);
    const queue = ModerationListResponse.parse(await (await admin(first.key, "/v1/admin/stories?status=pending")).json());
    const id = (title: string) => queue.stories.find((s) => s.title === title)!.id;
    const decide = (key: string, storyId: string, body: unknown) => admin(key, `/v1/admin/stories/${storyId}/moderation`, { method: "POST", body: JSON.stringify(body) });
    assert.equal((await decide(first.key, id("History: rejected, then approved"), { decision: "reject", reason: "Names a teacher." })).status, 200);
    assert.equal((await decide(second.key, id("History: rejected, then approved"), { decision: "approve" })).status, 200);
    assert.equal((await decide(first.key, id("History: approved"), { decision: "approve" })).status, 200);

    const { decisions } = StoryDecisionList.parse(await (await admin(second.key, "/v1/admin/stories/decisions")).json());
    const mine = decisions.filter((d) => d.title.startsWith("History: "));
    assert.deepEqual(
      mine.map((d) => [d.title, d.decision, d.reason, d.decidedBy]),
      [
        ["History: approved", "approved", null, first.prefix],
        ["History: rejected, then approved", "approved", null, second.prefix],
        ["History: rejected, then approved", "rejected", "Names a teacher.", first.prefix],
      ],
    );
    assert.ok(mine.every((d) => Date.now() - Date.parse(d.decidedAt) < 60_000));
    assert.match(first.prefix, /^sk_/);
  });

  test("a partner's key does not read the coalition's history", async () => {
    const partner = await createSecretKey(h.db, "educators-for-excellence");
    const res = await admin(partner.key, "/v1/admin/stories/decisions");
    const body = (await res.json()) as { decisions?: unknown[] };
    assert.ok(res.status >= 400 || (body.decisions ?? []).length === 0);
  });
});
