// Deliveries per second from the outbox to a CRM connector (issue 22): a loopback OSDI endpoint
// (apps/api/src/testing/osdi-endpoint.ts, the Person Signup Helper as the OSDI docs describe it),
// `count` consented signature events waiting, drained by the delivery worker's own deliverDue in
// batches of 20 (as one API process does), on PGlite and PostgreSQL. Each delivery decrypts the
// key, reads the person's consent version, posts, and stores where the person lives in the CRM.
import { randomUUID } from "node:crypto";
import { createConnector, deliverDue } from "@coalition-kit/api";
import { startOsdiEndpoint } from "@coalition-kit/api/testing/osdi-endpoint";
import { cpus } from "node:os";
import { fmt, freshTarget, markdownTable, prepare, recordSection, SLUG } from "./support.mjs";

const KEY = "bench-osdi-api-key";

export async function connectorDelivery(kind, count = Number(process.env.CK_BENCH_CONNECTOR_EVENTS ?? 2000)) {
  const target = await freshTarget(kind);
  const crm = await startOsdiEndpoint(KEY);
  await prepare(target);
  const db = await target.open();
  try {
    const [org] = await db.query("select id, slug, name from organizations where slug = 'educators-for-excellence'");
    const admin = { keyId: randomUUID(), organizationId: org.id, slug: org.slug, name: org.name, kind: "partner", scope: "read_write" };
    const { connector } = await createConnector(db, admin, { kind: "osdi", url: crm.url, apiKey: KEY, tags: ["bench"] }, true);
    // The events a signature with partner consent writes (sign_petition), without the signing.
    await db.query(
      `insert into outbox (endpoint_id, event_type, payload)
       select $1, 'signature.created', json_build_object('id', gen_random_uuid(), 'type', 'signature.created', 'createdAt', now(), 'data', json_build_object(
                'petition', $3::text, 'partner', 'educators-for-excellence', 'language', 'en',
                'person', json_build_object('id', gen_random_uuid(), 'firstName', 'Bench', 'lastName', 'Signer', 'email', 'bench' || i || '@example.org', 'zip', '06511')))::text
         from generate_series(1, $2::int) i`,
      [connector.id, count, SLUG],
    );
    const started = performance.now();
    let delivered = 0;
    for (;;) {
      const n = await deliverDue(db, { allowLoopback: true, dailyJobs: false });
      if (n === 0) break;
      delivered += n;
    }
    const seconds = (performance.now() - started) / 1000;
    return { label: target.label, events: count, delivered, received: crm.people.size, seconds, perSecond: delivered / seconds };
  } finally {
    await db.close();
    await crm.close();
    await target.cleanup();
  }
}

/** Run it on each database and write its section of docs/benchmarks.md. */
export async function recordConnectorDelivery(kinds) {
  const rows = [];
  for (const kind of kinds) rows.push(await connectorDelivery(kind));
  const table = markdownTable(
    ["database", "events", "delivered", "people in the CRM", "seconds", "deliveries/s"],
    rows.map((d) => [d.label, fmt(d.events), fmt(d.delivered), fmt(d.received), fmt(d.seconds, 1), fmt(d.perSecond)]),
  );
  const title = "### CRM connector deliveries (consented signature events drained to a loopback OSDI endpoint, Person Signup Helper, batches of 20 as one API process)";
  const measured = `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}, Node ${process.versions.node}, with \`${process.env.CK_BENCH_CONNECTOR_EVENTS ?? 2000}\` events.`;
  console.log(`\n${title}\n\n${table}\n`);
  await recordSection("connectors", `${title}\n\n${measured}\n\n${table}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await recordConnectorDelivery((process.env.CK_BENCH_DBS ?? "pglite,postgres").split(","));
