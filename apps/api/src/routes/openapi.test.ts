// The OpenAPI document at /v1/openapi.json covers every route the real app registers (and only
// those), passes the OpenAPI linter, and the reference at /docs loads its script from the API under
// a policy that allows nothing inline.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { ERROR_CODES } from "@coalition-kit/schema";
import { NOT_DOCUMENTED } from "../openapi/operations.js";
import { DB_LABEL, startHarness, type Harness } from "../testing/harness.js";

const run = promisify(execFile);
const REDOCLY = fileURLToPath(new URL("../../node_modules/.bin/redocly", import.meta.url));
const REDOCLY_CONFIG = fileURLToPath(new URL("../../redocly.yaml", import.meta.url));
const METHODS = ["get", "post", "put", "patch", "delete"];

interface Doc {
  openapi: string;
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, { responses: Record<string, { $ref?: string }>; security: unknown[] }>>;
  components: { schemas: Record<string, { properties?: Record<string, { properties?: Record<string, { enum?: string[] }> }> }>; securitySchemes: Record<string, { type: string; in?: string; name?: string; scheme?: string }> };
}

describe(`the OpenAPI document and /docs (${DB_LABEL})`, () => {
  let h: Harness;
  let doc: Doc;
  before(async () => {
    h = await startHarness({ webhooks: false });
    doc = (await (await fetch(`${h.url}/v1/openapi.json`)).json()) as Doc;
  });
  after(() => h.stop());

  test("every route the app registers is in the document, and the document names no other", () => {
    const excluded = new Set(NOT_DOCUMENTED.map((r) => `${r.method} ${r.path}`));
    const registered = new Set(
      h.app.routes
        .filter((r) => r.method !== "ALL")
        .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}")}`)
        .filter((route) => !excluded.has(route)),
    );
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).filter((m) => METHODS.includes(m)).map((m) => `${m.toUpperCase()} ${path}`)));
    assert.deepEqual([...registered].filter((r) => !documented.has(r)), [], "routes missing from the document");
    assert.deepEqual([...documented].filter((r) => !registered.has(r)), [], "documented routes the app does not have");
    assert.ok(registered.size > 60);
  });

  test("the document is OpenAPI 3.1 for this server, with the partner and secret keys as security schemes and one error shape", async () => {
    const res = await fetch(`${h.url}/v1/openapi.json`);
    assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
    assert.equal(doc.openapi, "3.1.0");
    assert.equal(doc.servers[0]?.url, h.url);
    const { PartnerKey, PartnerKeyQuery, SecretKey } = doc.components.securitySchemes;
    assert.deepEqual([PartnerKey?.in, PartnerKey?.name, PartnerKeyQuery?.in, PartnerKeyQuery?.name, SecretKey?.scheme], ["header", "X-Partner-Key", "query", "key", "bearer"]);
    assert.deepEqual(doc.components.schemas.ApiErrorBody?.properties?.error?.properties?.code?.enum, [...ERROR_CODES]);
    const sign = doc.paths["/v1/petitions/{slug}/signatures"]!.post!;
    assert.deepEqual(sign.security, [{ PartnerKey: [] }]);
    assert.equal(sign.responses["422"]?.$ref, "#/components/responses/ValidationFailed");
    assert.deepEqual(doc.paths["/v1/admin/petitions"]!.get!.security, [{ SecretKey: [] }]);
  });

  test("the OpenAPI linter (Redocly) reports no error in the served document", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ck-openapi-"));
    try {
      const file = join(dir, "openapi.json");
      await writeFile(file, JSON.stringify(doc));
      const result = await run(REDOCLY, ["lint", file, "--config", REDOCLY_CONFIG, "--format", "stylish"], { env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } }).catch((error: { stdout?: string; stderr?: string }) => {
        assert.fail(`redocly lint failed:\n${error.stdout ?? ""}\n${error.stderr ?? ""}`);
      });
      assert.match(`${result.stdout}${result.stderr}`, /valid/i);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("/docs loads the reference's script from the API under a policy with no inline script", async () => {
    const res = await fetch(`${h.url}/docs`);
    assert.equal(res.status, 200);
    const html = await res.text();
    const csp = res.headers.get("content-security-policy") ?? "";
    assert.match(csp, /default-src 'none'; script-src 'self';/);
    assert.match(csp, /connect-src 'self';/);
    assert.doesNotMatch(csp, /unsafe-eval|https?:|\*/);
    assert.equal(res.headers.get("x-frame-options"), "DENY");
    assert.deepEqual([...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]), [' src="/docs/scalar.js"'], "one script, from this origin, none inline");
    assert.match(html, /data-url="\/v1\/openapi.json"/);

    const script = await fetch(`${h.url}/docs/scalar.js`, { headers: { "Accept-Encoding": "gzip" } });
    assert.equal(script.status, 200);
    assert.match(script.headers.get("content-type") ?? "", /^text\/javascript/);
    assert.equal(script.headers.get("content-encoding"), "gzip");
    assert.match(await script.text(), /api-reference/);
  });
});
