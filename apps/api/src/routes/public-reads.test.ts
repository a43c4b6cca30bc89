// Public reads a CDN can cache: a shared lifetime (stale-while-revalidate for CDNs), an ETag and 304s,
// gzip, and a Vary that names everything the answer depends on. Personal answers never cache.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { request } from "node:http";
import { createSecretKey } from "../services/keys/secret-keys.js";
import { CONNCAN, DB_LABEL, ORIGIN, SLUG, signer, startHarness, type Harness } from "../testing/harness.js";

/** A GET as a partner page's browser sends it: no custom header, the key in the URL. */
const read = (h: Harness, path: string, headers: Record<string, string> = {}) => fetch(`${h.url}${path}`, { headers: { Origin: ORIGIN, ...headers } });
const total = async (res: Response) => ((await res.json()) as { stats: { total: number } }).stats.total;

/** The raw bytes and headers of a GET, as a cache sees them (fetch would decompress). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

describe(`public reads are cacheable, personal ones are not (${DB_LABEL})`, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.stop());

  test("a petition read: a shared lifetime, stale-while-revalidate for CDNs, browsers always revalidate, Vary names Origin, language and key header", async () => {
    const res = await read(h, `/v1/petitions/${SLUG}?key=${CONNCAN}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("cache-control"), "public, max-age=0, s-maxage=15, must-revalidate", "a browser never shows its own stale copy");
    assert.equal(res.headers.get("cdn-cache-control"), "public, max-age=15, stale-while-revalidate=60");
    assert.match(res.headers.get("etag") ?? "", /^(W\/)?"[0-9a-f]{40}"$/);
    const vary = (res.headers.get("vary") ?? "").toLowerCase();
    for (const name of ["origin", "accept-language", "x-partner-key"]) assert.ok(vary.includes(name), `Vary names ${name}: ${vary}`);
    assert.equal(res.headers.get("access-control-allow-origin"), ORIGIN, "the key in the URL needs no preflight: a simple GET is answered for the partner's page");
    const body = (await res.json()) as { petition: { partner: { name: string } | null } };
    assert.equal(body.petition.partner?.name, "ConnCAN", "the key in the URL names the partner as the header does");
  });

  test("an unchanged petition answers 304 with no body; a new signature changes the ETag and the count", async () => {
    const first = await read(h, `/v1/petitions/${SLUG}/stats`);
    const tag = first.headers.get("etag")!;
    const before = await total(first);
    const again = await read(h, `/v1/petitions/${SLUG}/stats`, { "If-None-Match": tag });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), "");
    assert.equal(again.headers.get("etag"), tag);
    assert.match(again.headers.get("cache-control") ?? "", /s-maxage=15/);
    assert.equal(again.headers.get("access-control-allow-origin"), ORIGIN);

    assert.equal((await h.post(`/v1/petitions/${SLUG}/signatures`, signer())).status, 201);
    const after = await read(h, `/v1/petitions/${SLUG}/stats`, { "If-None-Match": tag });
    assert.equal(after.status, 200);
    assert.notEqual(after.headers.get("etag"), tag);
    assert.equal(await total(after), before + 1);
  });

  test("JSON goes gzipped to a client that accepts it, with Vary: Accept-Encoding", async () => {
    const plain = await rawGet(`${h.url}/v1/petitions/${SLUG}`, {});
    const packed = await rawGet(`${h.url}/v1/petitions/${SLUG}`, { "Accept-Encoding": "gzip" });
    assert.equal(packed.headers["content-encoding"], "gzip");
    assert.match(String(packed.headers.vary), /accept-encoding/i);
    assert.match(String(packed.headers.etag), /^W\//, "a compressed copy carries a weak ETag");
    assert.deepEqual(JSON.parse(gunzipSync(packed.body).toString()), JSON.parse(plain.body.toString()));
    assert.ok(packed.body.length < plain.body.length / 2, `${packed.body.length} B gzipped against ${plain.body.length} B`);
  });

  test("the answer kept in memory goes gzipped too, and a client that refuses gzip gets plain JSON", async () => {
    const path = `${h.url}/v1/petitions/${SLUG}?key=${CONNCAN}`;
    const first = await rawGet(path, { "Accept-Encoding": "gzip, deflate, br" });
    const kept = await rawGet(path, { "Accept-Encoding": "gzip, deflate, br" });
    assert.equal(kept.headers["content-encoding"], "gzip", "the second read, from memory, is gzipped");
    assert.deepEqual(JSON.parse(gunzipSync(kept.body).toString()), JSON.parse(gunzipSync(first.body).toString()));
    for (const refusing of ["gzip;q=0", "identity", "*;q=0"]) {
      const plain = await rawGet(path, { "Accept-Encoding": refusing });
      assert.equal(plain.headers["content-encoding"], undefined, `Accept-Encoding: ${refusing}`);
      assert.equal(JSON.parse(plain.body.toString()).petition.slug, SLUG, `Accept-Encoding: ${refusing}`);
    }
  });

  test("a small answer (the counts) goes plain with its Content-Length, to a client that accepts gzip too", async () => {
    // Gzipping ~450 bytes saves ~200 at the cost of a zlib stream per read on both ends.
    const path = `${h.url}/v1/petitions/${SLUG}/stats?small=1`;
    for (const turn of ["first", "from memory"]) {
      const res = await rawGet(path, { "Accept-Encoding": "gzip, deflate, br" });
      assert.equal(res.headers["content-encoding"], undefined, `${turn} read`);
      assert.equal(res.headers["transfer-encoding"], undefined, `${turn} read is not chunked`);
      assert.ok(res.body.length < 1024, `${res.body.length} B`);
      assert.equal(res.headers["content-length"], String(res.body.length), `${turn} read`);
      assert.equal(typeof JSON.parse(res.body.toString()).stats.total, "number", `${turn} read`);
      assert.equal(res.headers.etag, `W/"${createHash("sha1").update(res.body).digest("hex")}"`, `${turn} read: the ETag is of the bytes sent`);
    }
  });

  test("a read answered from memory still lets the partner's page read it: CORS headers and request id, gzipped or not", async () => {
    // A browser sends Accept-Encoding; the second read within a second comes from the process's memory.
    for (const encoding of ["gzip, deflate, br", "identity"]) {
      for (const turn of ["first", "from memory"]) {
        const res = await rawGet(`${h.url}/v1/petitions/${SLUG}?key=${CONNCAN}`, { Origin: ORIGIN, "Accept-Encoding": encoding });
        assert.equal(res.headers["access-control-allow-origin"], ORIGIN, `${turn} read (${encoding}) is readable by the partner's page`);
        assert.match(String(res.headers.vary), /origin/i, `${turn} read (${encoding}) names Origin in Vary`);
        assert.match(String(res.headers["x-request-id"]), /^[0-9a-f-]{36}$/, `${turn} read (${encoding}) carries its request id`);
      }
    }
  });

  test("every public read is cacheable: training series, story campaign and wall", async () => {
    for (const path of ["/v1/stories/tell-your-story", "/v1/stories/tell-your-story/wall"]) {
      const res = await read(h, path);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get("cache-control") ?? "", /^public, max-age=0, s-maxage=\d+, must-revalidate$/, path);
      assert.match(res.headers.get("cdn-cache-control") ?? "", /stale-while-revalidate=\d+/, path);
      assert.ok(res.headers.get("etag"), path);
    }
  });

  test("errors and personal answers are never cached: a 404, a key from another origin, the admin API", async () => {
    const missing = await read(h, "/v1/petitions/no-such-petition");
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get("cache-control"), "no-store");
    assert.equal(missing.headers.get("etag"), null);
    assert.equal(missing.headers.get("cdn-cache-control"), null);

    const elsewhere = await read(h, `/v1/petitions/${SLUG}?key=${CONNCAN}`, { Origin: "https://not-a-partner.example" });
    assert.equal(elsewhere.status, 403);
    assert.equal(elsewhere.headers.get("cache-control"), "no-store");

    const { key } = await createSecretKey(h.db, "ct-fund-our-schools");
    for (const path of ["/v1/admin/people?email=nobody@example.org", `/v1/admin/petitions/${SLUG}/signatures.csv`]) {
      const res = await fetch(`${h.url}${path}`, { headers: { Authorization: `Bearer ${key}` } });
      assert.equal(res.headers.get("cache-control"), "no-store", path);
      await res.body?.cancel();
    }
  });
});
