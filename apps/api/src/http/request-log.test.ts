import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createLogger } from "../log.js";
import { signExpiringLink } from "../services/platform/signed-links.js";
import { DB_LABEL, E4E, ORIGIN, SLUG, signer, startHarness, type Harness } from "../testing/harness.js";
import { adminFor } from "../testing/admin.js";

interface RequestLine {
  level: number;
  msg: string;
  reqId: string;
  method: string;
  route: string;
  status: number;
  ms: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe(`request logs: one JSON line per request, nothing personal (${DB_LABEL})`, () => {
  let h: Harness;
  const lines: string[] = [];
  const requestLines = () => lines.map((line) => JSON.parse(line) as RequestLine).filter((entry) => entry.msg === "request");
  before(async () => {
    h = await startHarness({ webhooks: false, logger: createLogger("info", { write: (line: string) => void lines.push(line) }) });
  });
  after(() => h.stop());

  test("a signature, a partner-key read, a signed link and an admin call log their route, status and id, and none of their personal data", async () => {
    const who = signer({ firstName: "Marisol", lastName: "Quintero-Vance", email: "marisol.quintero@example.org", zip: "06519" });
    const signed = await h.post(`/v1/petitions/${SLUG}/signatures`, who, { "X-Request-Id": "trace-4f2a-signature" });
    assert.equal(signed.status, 201);
    assert.equal(signed.headers.get("x-request-id"), "trace-4f2a-signature", "a sane incoming id is kept and echoed");

    const read = await fetch(`${h.url}/v1/petitions/${SLUG}?key=${E4E}`, { headers: { Origin: ORIGIN } });
    assert.equal(read.status, 200);

    const id = (await h.db.query<{ id: string }>("select s.id from signatures s join people p on p.id = s.person_id where p.email_normalized = $1", [who.email]))[0]!.id;
    const token = await signExpiringLink(h.db, "confirm", id, new Date(Date.now() + 86_400_000));
    const link = await fetch(`${h.url}/v1/signatures/confirm?token=${encodeURIComponent(token)}`);
    assert.equal(link.status, 200);

    const admin = await adminFor(h);
    const listed = await admin.get("/petitions");
    assert.equal(listed.status, 200);
    const refused = await fetch(`${h.url}/v1/admin/petitions?key=${admin.key}`, { headers: { Authorization: `Bearer ${admin.key}x` } });
    assert.equal(refused.status, 401);

    const logged = requestLines();
    const find = (method: string, route: string, status: number) => logged.find((l) => l.method === method && l.route === route && l.status === status);
    assert.equal(find("POST", "/v1/petitions/:slug/signatures", 201)?.reqId, "trace-4f2a-signature");
    assert.equal(find("POST", "/v1/petitions/:slug/signatures", 201)?.level, 30);
    for (const [method, route, status, res] of [
      ["GET", "/v1/petitions/:slug", 200, read],
      ["GET", "/v1/signatures/confirm", 200, link],
      ["GET", "/v1/admin/petitions", 200, listed],
      ["GET", "/v1/admin/petitions", 401, refused],
    ] as const) {
      const line = find(method, route, status);
      assert.ok(line, `${method} ${route} ${status} is logged`);
      assert.match(line.reqId, UUID, "a fresh id when none was sent");
      assert.equal(line.reqId, res.headers.get("x-request-id"), "the id in the log is the one the client got");
      assert.equal(typeof line.ms, "number");
    }

    const text = lines.join("\n");
    const secrets = [who.email as string, "marisol", "Marisol", "Quintero", "06519", token, token.split(".")[2]!, admin.key, admin.key.slice(3), E4E, SLUG, "?key=", "token="];
    for (const secret of secrets) assert.ok(!text.includes(secret), `"${secret}" appears in no log line`);
  });

  test("an incoming X-Request-Id that is not sane is replaced by a fresh one", async () => {
    for (const bad of ["has spaces and <script>", "x".repeat(129), "jordan@example.org"]) {
      const res = await fetch(`${h.url}/health`, { headers: { "X-Request-Id": bad } });
      const id = res.headers.get("x-request-id") ?? "";
      assert.match(id, UUID);
      assert.ok(requestLines().some((l) => l.reqId === id && l.route === "/health"), "and logged with the fresh id");
      assert.ok(!lines.join("\n").includes(bad), "the refused id is not logged");
    }
  });

  test("a path no route serves is logged under the pattern that caught it, not its own path", async () => {
    const res = await fetch(`${h.url}/v1/petitions/${SLUG}/secret-marisol-path`);
    assert.equal(res.status, 404);
    const line = requestLines().find((l) => l.reqId === res.headers.get("x-request-id"));
    assert.ok(line);
    assert.equal(line.status, 404);
    assert.ok(!line.route.includes("marisol"), `logged as ${line.route}`);
  });
});
