import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DB_LABEL, startHarness, type Harness } from "../testing/harness.js";

describe(`organizer console at /admin/ (${DB_LABEL})`, () => {
  let h: Harness;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "ck-admin-"));
    await mkdir(join(dir, "assets"));
    await writeFile(join(dir, "index.html"), "<!doctype html><title>console</title>");
    await writeFile(join(dir, "assets", "index-AbCd1234.js"), "export {};");
    h = await startHarness({ adminDir: dir, webhooks: false });
  });
  after(async () => {
    await h.stop();
    await rm(dir, { recursive: true, force: true });
  });

  test("the page comes with a strict CSP: nothing inline, no other origin, no framing", async () => {
    const res = await fetch(`${h.url}/admin/`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /text\/html/);
    const csp = res.headers.get("content-security-policy") ?? "";
    assert.match(csp, /script-src 'self';/);
    assert.match(csp, /connect-src 'self';/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(res.headers.get("cache-control"), "no-cache");
    const script = await fetch(`${h.url}/admin/assets/index-AbCd1234.js`);
    assert.equal(script.headers.get("cache-control"), "public, max-age=31536000, immutable");
  });

  test("/admin redirects to /admin/; missing files and traversal are 404", async () => {
    const res = await fetch(`${h.url}/admin`, { redirect: "manual" });
    assert.equal(res.status, 301);
    assert.equal(res.headers.get("location"), "/admin/");
    assert.equal((await fetch(`${h.url}/admin/nope.js`)).status, 404);
    assert.equal((await fetch(`${h.url}/admin/..%2F..%2Fpackage.json`)).status, 404);
  });
});
