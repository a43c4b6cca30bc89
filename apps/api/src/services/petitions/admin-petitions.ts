import { PetitionInput, PetitionPatch, type AdminPetition, type AdminPetitionDetail, type DailyCount } from "@coalition-kit/schema";
import type { Db, Queryable } from "../../db/types.js";
import { campaignFor } from "../campaigns.js";
import { parseOrReject, validationError } from "../errors.js";
import { findPetition, petitionStats, toPetition, type PetitionRow } from "./petition-queries.js";
import type { AdminContext } from "../keys/secret-keys.js";

/** A petition of this coalition, or 404 (another coalition's petition is not even acknowledged). */
export async function ownPetition(q: Queryable, admin: AdminContext, slug: string): Promise<PetitionRow> {
  return campaignFor(await findPetition(q, slug), { coalitionId: admin.organizationId });
}

/** The coalition's petitions, newest first, with their totals. */
export async function listPetitions(db: Db, admin: AdminContext): Promise<AdminPetition[]> {
  const rows = await db.query<{ slug: string; title: string; status: "open" | "closed"; goal: number; total: number; created_at: Date | string }>(
    `select p.slug, p.title,
            case when p.status = 'closed' or (p.closes_at is not null and p.closes_at <= now()) then 'closed' else 'open' end as status,
            p.goal, (select coalesce(sum(c.count), 0)::int from petition_counts c where c.petition_id = p.id) as total, p.created_at
       from petitions p where p.coalition_id = $1 order by p.created_at desc, p.slug`,
    [admin.organizationId],
  );
  return rows.map((r) => ({ slug: r.slug, title: r.title, status: r.status, goal: r.goal, total: r.total, createdAt: new Date(r.created_at).toISOString() }));
}

/** Signatures per UTC day from the first signature (or creation) to today, empty days included. */
async function dailyCounts(q: Queryable, petition: PetitionRow): Promise<DailyCount[]> {
  const rows = await q.query<{ date: string; count: number }>(
    `with bounds as (
       select least(coalesce(min(s.created_at), now()), (select created_at from petitions where id = $1))::date as first
         from signatures s where s.petition_id = $1)
     select to_char(d, 'YYYY-MM-DD') as date, coalesce(c.count, 0)::int as count
       from bounds, generate_series(greatest(bounds.first, (now() - interval '365 days')::date), (now() at time zone 'utc')::date, interval '1 day') d
       left join (select (created_at at time zone 'utc')::date as day, count(*) as count from signatures where petition_id = $1 group by 1) c on c.day = d::date
      order by d`,
    [petition.id],
  );
  return rows;
}

/** One petition for its organizers: totals, signatures per day, coalition opt-ins and pending signatures. */
export async function petitionDetail(db: Db, admin: AdminContext, slug: string): Promise<AdminPetitionDetail> {
  const row = await ownPetition(db, admin, slug);
  const optIns = await db.query<{ count: number }>(
    `select count(distinct s.person_id)::int as count from signatures s
       join consents c on c.signature_id = s.id and c.scope = 'coalition' and c.withdrawn_at is null
      where s.petition_id = $1`,
    [row.id],
  );
  const pending = await db.query<{ email: number; guardian: number }>(
    "select count(*) filter (where status = 'pending_email')::int as email, count(*) filter (where status = 'pending_guardian')::int as guardian from signatures where petition_id = $1",
    [row.id],
  );
  return {
    petition: toPetition(row, undefined),
    stats: await petitionStats(db, row),
    daily: await dailyCounts(db, row),
    coalitionOptIns: optIns[0]?.count ?? 0,
    pending: pending[0] ?? { email: 0, guardian: 0 },
  };
}

/** A new petition. Consent texts default to plain ones naming the coalition; partners get "{partner}". */
export async function createPetition(q: Queryable, admin: AdminContext, input: unknown): Promise<AdminPetitionDetail["petition"]> {
  const data = parseOrReject(PetitionInput, input);
  const taken = await q.query("select 1 from petitions where slug = $1", [data.slug]);
  if (taken[0]) throw validationError({ slug: "That address is taken. Choose another." });
  const consent = data.consent ?? {
    coalition: { text: `Yes, ${admin.name} may email me about this campaign.`, version: "1" },
    partner: { text: "Yes, {partner} may email me about this campaign.", version: "1" },
    guardian: { text: "I am this person's parent or guardian, and I agree to them signing.", version: "1" },
  };
  await q.query(
    `insert into petitions (coalition_id, slug, title, body, target, goal, ask_age_band, share_url, closes_at,
                            consent_coalition_text, consent_coalition_version, consent_partner_text, consent_partner_version,
                            consent_guardian_text, consent_guardian_version, confirmation, pending_days)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [
      admin.organizationId, data.slug, data.title, data.body, data.target, data.goal, data.askAgeBand, data.shareUrl ?? null, data.closesAt ?? null,
      consent.coalition.text, consent.coalition.version, consent.partner.text, consent.partner.version, consent.guardian.text, consent.guardian.version,
      data.confirmation ?? "none", data.pendingDays ?? 7,
    ],
  );
  return toPetition((await findPetition(q, data.slug))!, undefined);
}

const COLUMNS = {
  title: "title", body: "body", target: "target", goal: "goal", status: "status", askAgeBand: "ask_age_band", shareUrl: "share_url", closesAt: "closes_at",
  confirmation: "confirmation", pendingDays: "pending_days",
} as const;

/** Change what may change; consent texts stay as signers saw them. */
export async function patchPetition(q: Queryable, admin: AdminContext, slug: string, input: unknown): Promise<AdminPetitionDetail["petition"]> {
  const row = await ownPetition(q, admin, slug);
  const data = parseOrReject(PetitionPatch, input);
  const entries = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).filter((k) => data[k] !== undefined);
  if (entries.length > 0) {
    const sets = entries.map((k, i) => `${COLUMNS[k]} = $${i + 2}`).join(", ");
    await q.query(`update petitions set ${sets} where id = $1`, [row.id, ...entries.map((k) => data[k] ?? null)]);
  }
  return toPetition((await findPetition(q, slug))!, undefined);
}
