// What the webhook events of people's actions (signatures, registrations, stories, RSVPs) share:
// the partner the action came through, the consents it holds, and the event built from them.
import type { WebhookEvent } from "@coalition-kit/schema";
import type { Queryable } from "../../db/types.js";
import { enqueueEvent } from "./webhooks.js";

/** The columns every action event reads: its coalition, the partner it came through, the person, and what they agreed to. */
export interface ActionRow {
  coalition_id: string;
  partner_org: string;
  partner_slug: string;
  person_id: string | null;
  coalition_consent: boolean;
  partner_consent: boolean;
}

/** SQL: the partner's organization id and slug, as partner_org and partner_slug (from partnerJoin). */
export const PARTNER_COLUMNS = "pa.organization_id as partner_org, o.slug as partner_slug";

/** SQL: the partner an action came through (`alias`.partner_id), as `pa`, and its organization, as `o`. */
export const partnerJoin = (alias: string): string => `join partners pa on pa.id = ${alias}.partner_id join organizations o on o.id = pa.organization_id`;

/**
 * SQL: whether the action (consents.`column` = `id`, both fixed names) holds a coalition and a
 * partner consent, as coalition_consent and partner_consent; `current` leaves withdrawn ones out.
 */
export function consentColumns(column: string, id: string, current: boolean): string {
  const held = (scope: "coalition" | "partner") =>
    `exists (select 1 from consents k where k.${column} = ${id} and k.scope = '${scope}'${current ? " and k.withdrawn_at is null" : ""}) as ${scope}_consent`;
  return `${held("coalition")}, ${held("partner")}`;
}

/**
 * Queue `type` for the action in `row` to the coalition's and partner's endpoints (webhooks.ts):
 * `person` goes only to the organizations the person consented to.
 */
export function enqueueActionEvent(q: Queryable, type: WebhookEvent, row: ActionRow, data: Record<string, unknown>, person: Record<string, unknown> | null): Promise<void> {
  return enqueueEvent(q, {
    type,
    coalitionId: row.coalition_id,
    partnerOrganizationId: row.partner_org,
    personId: row.person_id,
    consent: { coalition: row.coalition_consent, partner: row.partner_consent },
    data,
    person,
  });
}
