// Kill -9 the API in the middle of a stream of signatures, then start it again on the same data:
// every signature the API acknowledged (201) must still be there.
import { SLUG, freshTarget, prepare, sign, signer, startApi } from "../bench/support.mjs";

const WRITERS = 20;
const KILL_AFTER_ACKS = Number(process.env.CK_CRASH_ACKS ?? 400);

export async function crash(kind) {
  const target = await freshTarget(kind);
  try {
    await prepare(target);
    const api = await startApi(target);
    const acknowledged = [];
    let inFlightAtKill = 0;
    let running = true;
    let inFlight = 0;
    const writer = async () => {
      while (running) {
        const body = signer("crash");
        inFlight += 1;
        try {
          const res = await sign(api.url, body);
          if (res.status === 201) acknowledged.push(body.email);
        } catch {
          // the connection died with the process: not acknowledged
        } finally {
          inFlight -= 1;
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, writer);
    while (acknowledged.length < KILL_AFTER_ACKS) await new Promise((r) => setTimeout(r, 5));
    inFlightAtKill = inFlight;
    api.child.kill("SIGKILL");
    await api.exited;
    running = false;
    await Promise.all(writers);
    const ackedBeforeKill = acknowledged.length;

    // Start again on the same data (PGlite replays its WAL; PostgreSQL never went down) and read back.
    const again = await startApi(target);
    const total = (await (await fetch(`${again.url}/v1/petitions/${SLUG}/stats`)).json()).stats.total;
    await again.stop();
    const db = await target.open();
    try {
      const rows = await db.query("select email_normalized as email from people where email_normalized like 'crash.%'");
      const stored = new Set(rows.map((r) => r.email));
      const lost = acknowledged.filter((e) => !stored.has(e)).length;
      return { label: target.label, acknowledged: ackedBeforeKill, inFlightAtKill, storedAfterRestart: stored.size, lost, totalAfterRestart: total };
    } finally {
      await db.close();
    }
  } finally {
    await target.cleanup();
  }
}
