// Secret key scopes: a read-only key reads and exports everything a read-write key can, and every
// write it tries is refused with 403 read_only_key, changing nothing.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { SecretKeyCreated, SecretKeyList } from "@coalition-kit/schema";
import { DB_LABEL, SLUG } from "../testing/harness.js";
import { adminSuite } from "../testing/suites.js";

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

describe(`admin: read-only and read-write secret keys (${DB_LABEL})`, () => {
  const h = adminSuite({ webhooks: false });
  const as = (secret: string) => ({
    get: (path: string) => fetch(`${h.url}/v1/admin${path}`, { headers: { Authorization: `Bearer ${secret}` } }),
    send: (method: string, path: string, body?: unknown) =>
      fetch(`${h.url}/v1/admin${path}`, {
        method,
        headers: { Authorization: `Bearer ${secret}`, "Idempotency-Key": crypto.randomUUID(), ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  });

  test("keys are read-write unless asked; the list shows each key's scope", async () => {
    const plain = SecretKeyCreated.parse(await (await h.admin.send("POST", "/keys")).json());
    assert.equal(plain.key.scope, "read_write", "a key made as before (no body) can still do everything");
    const readOnly = await h.admin.send("POST", "/keys", { scope: "read_only" });
    assert.equal(readOnly.status, 201);
    const created = SecretKeyCreated.parse(await readOnly.json());
    assert.equal(created.key.scope, "read_only");
    const listed = SecretKeyList.parse(await (await h.admin.get("/keys")).json()).keys;
    assert.equal(listed.find((k) => k.id === created.key.id)?.scope, "read_only");
    assert.equal(listed.find((k) => k.id === plain.key.id)?.scope, "read_write");
    assert.equal(listed.find((k) => h.admin.key.startsWith(k.prefix) && !k.revokedAt)?.scope, "read_write", "the organizer's existing key stays read-write");

    const bad = await h.admin.send("POST", "/keys", { scope: "admin" });
    assert.equal(bad.status, 422);
    assert.ok(((await bad.json()) as ErrorBody).error.fields?.scope);
  });

  test("a read-only key reads and exports, and every write is refused with 403 read_only_key", async () => {
    const { secret, key } = SecretKeyCreated.parse(await (await h.admin.send("POST", "/keys", { scope: "read_only" })).json());
    const viewer = as(secret);
    for (const path of ["/organization", "/partners", "/keys", "/webhooks", "/petitions", `/petitions/${SLUG}`]) assert.equal((await viewer.get(path)).status, 200, path);
    const csv = await viewer.get(`/petitions/${SLUG}/signatures.csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get("content-type") ?? "", /text\/csv/);
    await csv.text();

    const partners = await h.count("select count(*)::int as n from partners");
    const keys = await h.count("select count(*)::int as n from secret_keys where revoked_at is null");
    const writes: Array<[string, string, unknown?]> = [
      ["POST", "/partners", { slug: "read-only-try", name: "Nope", allowedOrigins: [] }],
      ["PATCH", `/petitions/${SLUG}`, { goal: 5 }],
      ["POST", "/keys", { scope: "read_write" }],
      ["DELETE", `/keys/${key.id}`],
      ["POST", "/webhooks", { url: "https://hooks.example.org/ck" }],
      ["PATCH", "/settings", { retentionMonths: 12 }],
      ["POST", "/partners/e4e/rotate-key", {}],
    ];
    for (const [method, path, body] of writes) {
      const res = await viewer.send(method, path, body);
      assert.equal(res.status, 403, `${method} ${path}`);
      const error = ((await res.json()) as ErrorBody).error;
      assert.equal(error.code, "read_only_key");
      assert.match(error.message, /read-only/);
    }
    assert.equal(await h.count("select count(*)::int as n from partners"), partners, "nothing was written");
    assert.equal(await h.count("select count(*)::int as n from secret_keys where revoked_at is null"), keys);
  });
});
