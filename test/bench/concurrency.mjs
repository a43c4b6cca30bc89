// 1,000 people sign the same petition at the same moment, and 100 of them press the button twice
// (same Idempotency-Key): the count must be exact, with no row lost and none doubled.
import { randomUUID } from "node:crypto";
import { SLUG, freshTarget, prepare, sign, signer, startApi } from "./support.mjs";

const SIGNERS = 1000;
const DOUBLE_CLICKS = 100;

export async function concurrency(kind) {
  const target = await freshTarget(kind);
  try {
    await prepare(target);
    const api = await startApi(target);
    const people = Array.from({ length: SIGNERS }, () => ({ body: signer("crowd"), key: randomUUID() }));
    const started = performance.now();
    let statuses;
    try {
      const sends = [...people, ...people.slice(0, DOUBLE_CLICKS)].map((p) => sign(api.url, p.body, p.key).then((r) => r.status, () => 0));
      statuses = await Promise.all(sends);
    } finally {
      await api.stop();
    }
    const seconds = (performance.now() - started) / 1000;
    const db = await target.open();
    try {
      const rows = await db.query(
        `select p.email_normalized as email, count(*)::int as n from signatures s join people p on p.id = s.person_id
           join petitions pe on pe.id = s.petition_id where pe.slug = $1 group by p.email_normalized`,
        [SLUG],
      );
      const stored = new Map(rows.map((r) => [r.email, r.n]));
      const acknowledged = statuses.slice(0, SIGNERS).filter((s) => s === 201).length;
      const missing = people.filter((p, i) => statuses[i] === 201 && !stored.has(p.body.email)).length;
      const doubled = rows.filter((r) => r.n > 1).length;
      return { label: target.label, acknowledged, stored: rows.length, missing, doubled, replays: statuses.slice(SIGNERS).filter((s) => s === 201).length, failed: statuses.filter((s) => s !== 201).length, seconds };
    } finally {
      await db.close();
    }
  } finally {
    await target.cleanup();
  }
}
