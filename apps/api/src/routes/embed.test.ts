import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { request } from "node:http";
import { DB_LABEL, startHarness, type Harness } from "../testing/harness.js";

describe(`widget bundles at /embed/v1 (${DB_LABEL})`, () => {
  let h: Harness;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "ck-embed-"));
    await writeFile(join(dir, "coalition-kit.js"), "export const loader = 1;");
    await writeFile(join(dir, "petition.3f9a1c2b.js"), "export const chunk = 1;");
    await writeFile(join(dir, "petition.3f9a1c2b.js.br"), brotliCompressSync("export const chunk = 1;"));
    await writeFile(join(dir, "petition.3f9a1c2b.js.gz"), gzipSync("export const chunk = 1;"));
    await writeFile(join(dir, "training-calendar.js"), 'import "./training-calendar.AbCdEf12.js";');
    await mkdir(join(dir, "themes"));
    await writeFile(join(dir, "themes", "dark.css"), ":root { color-scheme: dark; --ck-color-bg: #161b22; }");
    h = await startHarness({ embedDir: dir });
  });
  after(async () => {
    await h.stop();
    await rm(dir, { recursive: true, force: true });
  });

  test("the loader is served as JavaScript to any site, cached briefly", async () => {
    const res = await fetch(`${h.url}/embed/v1/coalition-kit.js`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /javascript/);
    assert.equal(res.headers.get("access-control-allow-origin"), "*");
    assert.equal(res.headers.get("cache-control"), "public, max-age=300");
    assert.equal(await res.text(), "export const loader = 1;");
  });

  test("theme presets are served as style sheets a partner page can link, cached briefly", async () => {
    const res = await fetch(`${h.url}/embed/v1/themes/dark.css`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/css/);
    assert.equal(res.headers.get("access-control-allow-origin"), "*");
    assert.equal(res.headers.get("cache-control"), "public, max-age=300", "a preset keeps its name across releases");
    assert.match(await res.text(), /--ck-color-bg: #161b22/);
    assert.equal((await fetch(`${h.url}/embed/v1/themes/sepia.css`)).status, 404);
  });

  test("hashed files are immutable for a year", async () => {
    const res = await fetch(`${h.url}/embed/v1/petition.3f9a1c2b.js`);
    assert.equal(res.headers.get("cache-control"), "public, max-age=31536000, immutable");
    const loader = await fetch(`${h.url}/embed/v1/training-calendar.js`);
    assert.equal(loader.headers.get("cache-control"), "public, max-age=300", "a loader whose name merely looks long is not immutable");
  });

  test("browsers get the precompressed copy they accept, and the same script after decoding", async () => {
    const raw = (encoding: string, path = "petition.3f9a1c2b.js") =>
      new Promise<{ encoding: string | undefined; vary: string | undefined; body: Buffer }>((resolve, reject) => {
        const req = request(`${h.url}/embed/v1/${path}`, { headers: { "Accept-Encoding": encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ encoding: res.headers["content-encoding"], vary: res.headers.vary, body: Buffer.concat(chunks) }));
        });
        req.on("error", reject);
        req.end();
      });
    const br = await raw("gzip, deflate, br");
    assert.equal(br.encoding, "br");
    assert.match(br.vary ?? "", /Accept-Encoding/);
    const gz = await raw("gzip;q=1.0, identity");
    assert.equal(gz.encoding, "gzip");
    assert.ok(gzipSync("export const chunk = 1;").equals(gz.body));
    const plain = await raw("identity");
    assert.equal(plain.encoding, undefined);
    assert.equal(plain.body.toString(), "export const chunk = 1;");
    const loader = await raw("br", "coalition-kit.js");
    assert.equal(loader.encoding, undefined, "a file without a precompressed copy is sent as it is");
    assert.equal(await (await fetch(`${h.url}/embed/v1/petition.3f9a1c2b.js`)).text(), "export const chunk = 1;", "fetch decodes what it accepted");
  });

  test("missing files and path traversal are 404", async () => {
    assert.equal((await fetch(`${h.url}/embed/v1/nope.js`)).status, 404);
    assert.equal((await fetch(`${h.url}/embed/v1/..%2F..%2Fpackage.json`)).status, 404);
  });
});
