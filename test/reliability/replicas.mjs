// Two API processes on one PostgreSQL, as a deployment with two replicas runs them:
// - the per-address rate limit holds across both (20 a minute, 30 signatures sent alternately),
//   and a burst of 60 at once from another address, split over both, passes at most the limit
//   plus the documented overshoot (apps/api/src/services/platform/rate-tally.ts: ⌊20 / 4⌋ = 5);
// - 40 people registering at once for a 5-seat session, split over both, never overbook it;
// - every signature's webhook event reaches the receiver exactly once, though both replicas
//   deliver from the same outbox.
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import { ORIGIN, SLUG, freshTarget, prepare, signer, startApi } from "../bench/support.mjs";

const LIMIT = 20;

/** A loopback receiver answering 204 and counting deliveries per event id. */
async function startReceiver() {
  const byEvent = new Map();
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const id = JSON.parse(body).id;
      byEvent.set(id, (byEvent.get(id) ?? 0) + 1);
      res.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}/hooks`, byEvent, close: () => new Promise((resolve) => server.close(resolve)) };
}

const post = (url, path, body, headers) =>
  fetch(`${url}${path}`, { method: "POST", headers: { "Content-Type": "application/json", Origin: ORIGIN, "Idempotency-Key": randomUUID(), ...headers }, body: JSON.stringify(body) });

export async function replicas() {
  const target = await freshTarget("postgres");
  const receiver = await startReceiver();
  try {
    const session = await prepare(
      target,
      async (db) => {
        await db.query(
          `insert into webhook_endpoints (organization_id, url, events, secret)
           select id, $1, array['signature.created'], 'whsec_replicas' from organizations where kind = 'coalition' and slug = 'ct-fund-our-schools'`,
          [receiver.url],
        );
        const rows = await db.query(
          `update training_sessions set starts_at = now() + interval '7 days', ends_at = now() + interval '7 days 1 hour', capacity = 5
            where id = (select id from training_sessions order by starts_at desc limit 1) returning id`,
        );
        return rows[0].id;
      },
      ["ct-funding-gap.json", "heal-together-training.json"],
    );
    // Both replicas trust one proxy hop, so each test request names its own address.
    const env = { CK_SIGNATURES_PER_MINUTE: String(LIMIT), CK_TRUST_PROXY: "1" };
    const apis = [await startApi(target, env), await startApi(target, env)];
    try {
      // Rate limit: one address, 30 signatures alternating between the replicas.
      const statuses = [];
      for (let i = 0; i < 30; i += 1) {
        const res = await post(apis[i % 2].url, `/v1/petitions/${SLUG}/signatures`, signer("replica"), { "X-Partner-Key": "pk_demo_e4e", "X-Forwarded-For": "203.0.113.7" });
        statuses.push(res.status);
        await res.body?.cancel();
      }
      const accepted = statuses.filter((s) => s === 201).length;
      const limited = statuses.filter((s) => s === 429).length;
      // The same limit, 60 signatures at once from another address, half through each replica.
      const burst = await Promise.all(
        Array.from({ length: 60 }, async (_, i) => {
          const res = await post(apis[i % 2].url, `/v1/petitions/${SLUG}/signatures`, signer("burst"), { "X-Partner-Key": "pk_demo_e4e", "X-Forwarded-For": "203.0.113.8" });
          await res.body?.cancel();
          return res.status;
        }),
      );

      // Overbooking: 40 registrations at once, each from its own address, half through each replica.
      const answers = await Promise.all(
        Array.from({ length: 40 }, async (_, i) => {
          const res = await post(apis[i % 2].url, `/v1/trainings/heal-together-2/sessions/${session}/registrations`, signer("seat"), { "X-Partner-Key": "pk_demo_sej", "X-Forwarded-For": `198.51.100.${i + 1}` });
          return { status: res.status, body: await res.json() };
        }),
      );
      const db = await target.open();
      let seats;
      let signatures;
      try {
        seats = (await db.query("select count(*)::int as n from training_registrations where session_id = $1 and status = 'registered'", [session]))[0].n;
        signatures = (await db.query("select count(*)::int as n from signatures"))[0].n;
        // Wait (up to 60 s) until the outbox is delivered; both replicas' workers poll it.
        for (let end = Date.now() + 60_000; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
          const pending = (await db.query("select count(*)::int as n from outbox where delivered_at is null and failed_at is null"))[0].n;
          if (pending === 0) break;
        }
      } finally {
        await db.close();
      }
      const deliveries = [...receiver.byEvent.values()];
      return {
        label: "PostgreSQL",
        sent: statuses.length,
        accepted,
        limited,
        burstSent: burst.length,
        burstAccepted: burst.filter((s) => s === 201).length,
        burstOther: burst.filter((s) => s !== 201 && s !== 429),
        registrations: answers.filter((a) => a.status === 201).length,
        seats,
        waitlisted: answers.filter((a) => a.body?.status === "waitlisted").length,
        otherAnswers: answers.filter((a) => a.status !== 201).map((a) => a.status),
        signatures,
        events: receiver.byEvent.size,
        deliveredTwice: deliveries.filter((n) => n > 1).length,
      };
    } finally {
      for (const api of apis) await api.stop();
    }
  } finally {
    await receiver.close();
    await target.cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await replicas());
