import { SurveyInput, type AdminSaved, type AdminSurveyList } from "@coalition-kit/schema";
import type { Db, Queryable } from "../../db/types.js";
import { claimSlug } from "../campaigns.js";
import { parseOrReject } from "../errors.js";
import type { AdminContext } from "../keys/secret-keys.js";
import { upsertSurveys } from "./upsert-surveys.js";

/** The coalition's surveys with their response counts. */
export async function listSurveys(db: Db, admin: AdminContext): Promise<AdminSurveyList> {
  const rows = await db.query<{ slug: string; title: string; responses: number; public_results: boolean }>(
    `select s.slug, s.title, s.public_results, (select count(*)::int from survey_responses r where r.survey_id = s.id) as responses
       from surveys s where s.coalition_id = $1 order by s.title`,
    [admin.organizationId],
  );
  return { surveys: rows.map((r) => ({ slug: r.slug, title: r.title, responses: r.responses, publicResults: r.public_results })) };
}

/** Create or change a survey at an address (PUT). */
export async function saveSurvey(q: Queryable, admin: AdminContext, slug: string, input: unknown): Promise<AdminSaved> {
  const created = await claimSlug(q, admin, "surveys", slug);
  const data = parseOrReject(SurveyInput, input);
  await upsertSurveys(q, admin.organizationId, [{ slug, ...data }]);
  return { slug, created };
}
