// The API's own HTML pages are personal (they answer emailed links and no-JS forms): each carries a
// strict Content-Security-Policy that allows only its own stylesheet, is never cached and sends no
// referrer. The admin API answers no partner page's CORS request.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { signLink } from "../services/platform/signed-links.js";
import { adminFor } from "../testing/admin.js";
import { DB_LABEL, E4E, ORIGIN, SLUG, signer, startHarness, type Harness } from "../testing/harness.js";

const styleHashes = (html: string) => [...html.matchAll(/<style>([^<]*)<\/style>/g)].map((m) => `'sha256-${createHash("sha256").update(m[1]!).digest("base64")}'`);

describe(`the API's own pages and admin CORS (${DB_LABEL})`, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ webhooks: false });
  });
  after(() => h.stop());

  test("every HTML page: strict CSP allowing only its stylesheet, no-store, no referrer, no inline style attributes", async () => {
    const id = crypto.randomUUID();
    const pages: Array<[string, Promise<Response>]> = [
      ["no-JS thank-you", fetch(`${h.url}/v1/petitions/${SLUG}/signatures`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN }, body: new URLSearchParams({ ...(signer() as Record<string, string>), partner_key: E4E }) })],
      ["no-JS error", fetch(`${h.url}/v1/petitions/${SLUG}/signatures`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN }, body: new URLSearchParams({ partner_key: E4E, email: "nope" }) })],
      ["confirm a signature", fetch(`${h.url}/v1/signatures/confirm?token=x`)],
      ["a guardian's answer", fetch(`${h.url}/v1/signatures/guardian?token=x`)],
      ["a story guardian's answer", fetch(`${h.url}/v1/stories/guardian?token=x`)],
      ["withdraw a consent", fetch(`${h.url}/v1/consents/withdraw?token=x`)],
      ["withdraw a story", fetch(`${h.url}/v1/stories/withdraw?token=${await signLink(h.db, "withdraw", id)}`)],
      ["cancel a registration", fetch(`${h.url}/v1/registrations/cancel?token=${await signLink(h.db, "cancel", id)}`)],
      ["manage an RSVP", fetch(`${h.url}/v1/meeting-rsvps/manage?token=x`)],
      ["unsubscribe", fetch(`${h.url}/v1/messages/unsubscribe?token=x`)],
    ];
    for (const [what, pending] of pages) {
      const res = await pending;
      const html = await res.text();
      assert.match(res.headers.get("content-type") ?? "", /^text\/html/, what);
      const csp = res.headers.get("content-security-policy") ?? "";
      assert.match(csp, /default-src 'none'/, what);
      assert.match(csp, /form-action 'self'/, what);
      assert.match(csp, /frame-ancestors 'none'/, what);
      for (const hash of styleHashes(html)) assert.ok(csp.includes(hash), `${what}: its stylesheet is allowed by hash`);
      assert.doesNotMatch(html, /\sstyle=|<script/, `${what}: no inline style attribute or script (the CSP would block it)`);
      assert.equal(res.headers.get("cache-control"), "no-store", what);
      assert.equal(res.headers.get("referrer-policy"), "no-referrer", `${what}: the token in its address goes nowhere`);
    }
  });

  test("the admin API answers no partner origin's CORS preflight or request", async () => {
    const admin = await adminFor(h);
    const preflight = await fetch(`${h.url}/v1/admin/petitions`, { method: "OPTIONS", headers: { Origin: ORIGIN, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization" } });
    assert.equal(preflight.status, 403);
    assert.equal(preflight.headers.get("access-control-allow-origin"), null);
    const read = await fetch(`${h.url}/v1/admin/petitions`, { headers: { Origin: ORIGIN, Authorization: `Bearer ${admin.key}` } });
    assert.equal(read.headers.get("access-control-allow-origin"), null, "a partner page cannot read an organizer's answer");
    const pub = await fetch(`${h.url}/v1/petitions/${SLUG}`, { headers: { Origin: ORIGIN } });
    assert.equal(pub.headers.get("access-control-allow-origin"), ORIGIN, "public reads still work from partner pages");
  });
});
