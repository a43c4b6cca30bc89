import { PetitionInput, PetitionPatch, petitionLanguageErrors, type AdminPetition, type AdminPetitionDetail, type DailyCount, type Locale, type TranslatableText } from "@coalition-kit/schema";
import { savedTexts, splitTranslations, stored } from "../content/languages.js";
import type { Db, Queryable } from "../../db/types.js";
import { campaignFor } from "../campaigns.js";
import { parseOrReject, validationError } from "../errors.js";
import { findPetition, petitionContent, petitionStats, toPetition, type PetitionRow } from "./petition-queries.js";
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

/** Counted signatures by widget source and by steps from the first sharer, and how many signers' links recruited someone. */
async function recruitment(q: Queryable, petition: PetitionRow): Promise<Pick<AdminPetitionDetail, "sources" | "referrals">> {
  const rows = await q.query<{ source: string | null; depth: number; count: number }>(
    "select source, referral_depth as depth, count(*)::int as count from signatures where petition_id = $1 and status = 'confirmed' group by 1, 2",
    [petition.id],
  );
  const sharers = await q.query<{ n: number }>("select count(distinct referred_by)::int as n from signatures where petition_id = $1 and status = 'confirmed'", [petition.id]);
  const add = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  const bySource = new Map<string | null, number>();
  const byDepth = new Map<number, number>();
  for (const r of rows) {
    add(bySource, r.source, r.count);
    add(byDepth, r.depth, r.count);
  }
  return {
    sources: [...bySource].map(([source, count]) => ({ source, count })).sort((a, b) => b.count - a.count || (a.source === null ? 1 : b.source === null ? -1 : a.source.localeCompare(b.source))),
    referrals: {
      recruited: rows.filter((r) => r.depth > 0).reduce((n, r) => n + r.count, 0),
      sharers: sharers[0]?.n ?? 0,
      byDepth: [...byDepth].map(([depth, count]) => ({ depth, count })).sort((a, b) => a.depth - b.depth),
    },
  };
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
    ...(await recruitment(db, row)),
    petition: toPetition(row, undefined),
    content: petitionContent(row),
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
  const language = data.language ?? "en";
  const { columns, translations } = splitTranslations(language, petitionTexts(data, consent), consentVersions(consent));
  await q.query(
    `insert into petitions (coalition_id, slug, title, body, target, goal, ask_age_band, share_url, closes_at,
                            consent_coalition_text, consent_coalition_version, consent_partner_text, consent_partner_version,
                            consent_guardian_text, consent_guardian_version, confirmation, pending_days, language, translations,
                            count_shown_from, auto_goal)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)`,
    [
      admin.organizationId, data.slug, columns.title, columns.body, columns.target, data.goal, data.askAgeBand, data.shareUrl ?? null, data.closesAt ?? null,
      columns.consent_coalition_text, columns.consent_coalition_version, columns.consent_partner_text, columns.consent_partner_version,
      columns.consent_guardian_text, columns.consent_guardian_version, data.confirmation ?? "none", data.pendingDays ?? 7, language, JSON.stringify(translations),
      data.countShownFrom ?? 0, data.autoGoal ?? false,
    ],
  );
  return toPetition((await findPetition(q, data.slug))!, undefined);
}

type ConsentsSent = Partial<Record<"coalition" | "partner" | "guardian", { text: TranslatableText; version: string } | undefined>>;

/** The translatable texts sent, by column (undefined: not sent). */
function petitionTexts(data: { title?: TranslatableText | undefined; body?: TranslatableText | undefined; target?: TranslatableText | undefined }, consent: ConsentsSent | undefined): Record<string, TranslatableText | undefined> {
  return {
    title: data.title, body: data.body, target: data.target,
    consent_coalition_text: consent?.coalition?.text, consent_partner_text: consent?.partner?.text, consent_guardian_text: consent?.guardian?.text,
  };
}

/** Each consent text column sent → the version sent with it. */
function consentVersions(consent: ConsentsSent | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const scope of ["coalition", "partner", "guardian"] as const) if (consent?.[scope]) out[`consent_${scope}_text`] = consent[scope]!.version;
  return out;
}

const COLUMNS = {
  goal: "goal", status: "status", askAgeBand: "ask_age_band", shareUrl: "share_url", closesAt: "closes_at",
  confirmation: "confirmation", pendingDays: "pending_days", countShownFrom: "count_shown_from", autoGoal: "auto_goal",
} as const;

/** Change what may change; signatures keep the consent text and version they were given. */
export async function patchPetition(q: Queryable, admin: AdminContext, slug: string, input: unknown): Promise<AdminPetitionDetail["petition"]> {
  const row = await ownPetition(q, admin, slug);
  const data = parseOrReject(PetitionPatch, input);
  const language: Locale = data.language ?? row.language;
  // A new campaign language moves every text: those not sent go again as saved, in every language.
  const moving = language !== row.language;
  const columnOf = { title: "title", body: "body", target: "target" } as const;
  const texts = { title: data.title, body: data.body, target: data.target };
  const consent: ConsentsSent = { ...data.consent };
  if (moving) {
    for (const field of Object.keys(columnOf) as (keyof typeof columnOf)[]) texts[field] ??= savedTexts(row, columnOf[field]);
    for (const scope of ["coalition", "partner", "guardian"] as const) consent[scope] ??= { text: savedTexts(row, `consent_${scope}_text`), version: row[`consent_${scope}_version`] };
  }
  // Every text keeps the campaign's language: what was sent, or else what is saved.
  const effective = (sent: TranslatableText | undefined, column: string): TranslatableText => (sent === undefined ? savedTexts(row, column) : typeof sent === "string" ? { [language]: sent } : sent);
  const missing = petitionLanguageErrors(
    {
      title: effective(texts.title, "title"), body: effective(texts.body, "body"), target: effective(texts.target, "target"),
      consent: Object.fromEntries((["coalition", "partner", "guardian"] as const).map((k) => [k, { text: effective(consent[k]?.text, `consent_${k}_text`) }])),
    },
    language,
  );
  if (Object.keys(missing).length > 0) throw validationError(missing);
  const { columns, translations } = splitTranslations(language, petitionTexts(texts, consent), consentVersions(consent), stored(row.translations));
  const sets: string[] = [];
  const values: unknown[] = [row.id];
  const set = (column: string, value: unknown) => {
    values.push(value);
    sets.push(`${column} = $${values.length}`);
  };
  for (const [column, value] of Object.entries(columns)) set(column, value);
  for (const k of Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]) if (data[k] !== undefined) set(COLUMNS[k], data[k] ?? null);
  if (data.language !== undefined) set("language", language);
  if (data.title !== undefined || data.body !== undefined || data.target !== undefined || data.consent !== undefined || data.language !== undefined) set("translations", JSON.stringify(translations));
  if (sets.length > 0) await q.query(`update petitions set ${sets.join(", ")} where id = $1`, values);
  return toPetition((await findPetition(q, slug))!, undefined);
}
