import { startDemo, type RunningDemo } from "@coalition-kit/demo-site";
import { isolatedDb } from "./env.js";

/** Start API + demo partner site on free ports with a fresh, seeded database. */
export async function startIsolatedDemo(): Promise<RunningDemo & { stop(): Promise<void> }> {
  const options = isolatedDb();
  const demo = await startDemo({ apiPort: 0, sitePort: 0, ...options });
  return {
    ...demo,
    async stop() {
      if ("dbSchema" in options) await demo.db.query(`drop schema if exists "${options.dbSchema}" cascade`);
      await demo.close();
    },
  };
}

/** Signatures stored for an email, with the partner they are attributed to. */
export async function signaturesFor(demo: RunningDemo, email: string) {
  return demo.db.query<{ partner_key: string; partner_name: string; source: string | null; petition: string }>(
    `select pa.publishable_key as partner_key, o.name as partner_name, s.source, pe.slug as petition
       from signatures s
       join people p on p.id = s.person_id
       join partners pa on pa.id = s.partner_id
       join organizations o on o.id = pa.organization_id
       join petitions pe on pe.id = s.petition_id
      where p.email_normalized = $1`,
    [email.toLowerCase()],
  );
}
