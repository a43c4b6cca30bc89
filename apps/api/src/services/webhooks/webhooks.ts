import { randomUUID } from "node:crypto";
import { WebhookInput, WebhookSecretRotation, type Webhook, type WebhookDelivery, type WebhookEvent } from "@coalition-kit/schema";
import type { Db, Queryable } from "../../db/types.js";
import { envConfig } from "../../config.js";
import { ApiError, parseOrReject, validationError } from "../errors.js";
import { webhookUrlProblem } from "./webhook-address.js";
import { newWebhookSecret } from "./webhook-signing.js";
import type { AdminContext } from "../keys/secret-keys.js";

/**
 * Webhooks per organization. Every action is written to the outbox in the same transaction as the
 * action itself (never lost, never sent for a rolled-back write); webhook-delivery.ts
 * sends it. A coalition's endpoints get every action of its campaigns, with the person's contact
 * details only when they agreed to hear from the coalition; a partner's endpoints get only the
 * actions of people who agreed to hear from that partner.
 */
/** SQL for an outbox payload with its content removed: only the event id is left, for the delivery log. */
export const REDACTED_PAYLOAD_SQL = "json_build_object('id', payload::json->>'id', 'redacted', true)::text";

export interface ActionEvent {
  type: WebhookEvent;
  coalitionId: string;
  partnerOrganizationId: string;
  personId: string | null;
  consent: { coalition: boolean; partner: boolean };
  /** What happened, without personal data (campaign, partner, source, age band). */
  data: Record<string, unknown>;
  /** Contact details, included only for an organization the person gave consent to. */
  person: Record<string, unknown> | null;
  /**
   * Which organizations' CRM connectors (OSDI) get the event; default `consent`. A connector only
   * ever hears of people who agreed to hear from its organization.
   */
  connectors?: { coalition: boolean; partner: boolean };
}

/**
 * Write the event to the outbox for each endpoint that should get it, in the caller's transaction,
 * in one statement: a coalition endpoint gets the person only with coalition consent, a partner's
 * endpoint gets the event at all only with partner consent (and then the person).
 */
export async function enqueueEvent(q: Queryable, event: ActionEvent): Promise<void> {
  const id = randomUUID();
  const createdAt = new Date().toISOString();
  // The person's id travels with their details, so a receiver can match a later `person.erased`.
  const payload = (person: Record<string, unknown> | null) =>
    JSON.stringify({ id, type: event.type, createdAt, data: { ...event.data, person: person && (event.personId ? { id: event.personId, ...person } : person) } });
  await q.query(
    `insert into outbox (endpoint_id, event_type, payload, person_id)
     select e.id, $1, case when (case when e.organization_id = $2 then $5::boolean else $4::boolean end) then $6 else $7 end, $8
       from webhook_endpoints e
      where e.active and $1 = any(e.events) and (e.organization_id = $2 or (e.organization_id = $3 and $4::boolean))
        and (e.kind = 'webhook' or (case when e.organization_id = $2 then $9::boolean else $10::boolean end))`,
    [
      event.type, event.coalitionId, event.partnerOrganizationId, event.consent.partner, event.consent.coalition, payload(event.person), payload(null), event.personId,
      (event.connectors ?? event.consent).coalition, (event.connectors ?? event.consent).partner,
    ],
  );
}

/**
 * Write an event that carries no personal data (ids and campaigns only) to the coalition's endpoints
 * and to those of the partner organizations in `partnerOrganizationIds`, in the caller's transaction.
 */
export async function enqueueNotice(q: Queryable, type: WebhookEvent, coalitionId: string, partnerOrganizationIds: string[], data: Record<string, unknown>): Promise<void> {
  const payload = JSON.stringify({ id: randomUUID(), type, createdAt: new Date().toISOString(), data });
  await q.query(
    `insert into outbox (endpoint_id, event_type, payload)
     select e.id, $1, $4 from webhook_endpoints e
      where e.active and $1 = any(e.events) and (e.organization_id = $2 or e.organization_id::text = any($3::text[]))`,
    [type, coalitionId, partnerOrganizationIds, payload],
  );
}

interface EndpointRow {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  created_at: Date | string;
  previous_secret_expires_at: Date | string | null;
}

/** An endpoint's columns as listed (an overlap that has ended reads as none). */
const ENDPOINT_COLUMNS = "id, url, events, active, created_at, case when previous_secret_expires_at > now() then previous_secret_expires_at end as previous_secret_expires_at";

const iso = (v: Date | string) => new Date(v).toISOString();
const toWebhook = (r: EndpointRow): Webhook => ({
  id: r.id,
  url: r.url,
  events: r.events as Webhook["events"],
  active: r.active,
  createdAt: iso(r.created_at),
  previousSecretExpiresAt: r.previous_secret_expires_at === null ? null : iso(r.previous_secret_expires_at),
});

/** The organization's active endpoints. */
export async function listWebhooks(db: Queryable, admin: AdminContext): Promise<Webhook[]> {
  const rows = await db.query<EndpointRow>(`select ${ENDPOINT_COLUMNS} from webhook_endpoints where organization_id = $1 and active and kind = 'webhook' order by created_at`, [admin.organizationId]);
  return rows.map(toWebhook);
}

/** A new endpoint and its signing secret (a standard `whsec_` one), which is returned only here. */
export async function createWebhook(q: Queryable, admin: AdminContext, input: unknown, allowLoopback = !envConfig().production): Promise<{ webhook: Webhook; secret: string }> {
  const data = parseOrReject(WebhookInput, input);
  const problem = webhookUrlProblem(data.url, allowLoopback);
  if (problem) throw validationError({ url: problem });
  const secret = newWebhookSecret();
  const rows = await q.query<EndpointRow>(
    `insert into webhook_endpoints (organization_id, url, events, secret) values ($1, $2, $3, $4) returning ${ENDPOINT_COLUMNS}`,
    [admin.organizationId, data.url, [...new Set(data.events)], secret],
  );
  return { webhook: toWebhook(rows[0]!), secret };
}

/**
 * A new signing secret for one of the organization's active endpoints (shown only here). The old
 * secret also signs deliveries for `overlapHours`; rotating again drops an earlier old secret.
 */
export async function rotateWebhookSecret(q: Queryable, admin: AdminContext, id: string, input: unknown): Promise<{ webhook: Webhook; secret: string }> {
  const { overlapHours } = parseOrReject(WebhookSecretRotation, input);
  const secret = newWebhookSecret();
  const rows = await q.query<EndpointRow>(
    `update webhook_endpoints
        set previous_secret = secret, previous_secret_format = secret_format,
            previous_secret_expires_at = case when $3::int > 0 then now() + $3::int * interval '1 hour' end,
            secret = $4, secret_format = 'standard'
      where id::text = $1 and organization_id = $2 and active and kind = 'webhook'
      returning ${ENDPOINT_COLUMNS}`,
    [id, admin.organizationId, overlapHours, secret],
  );
  if (!rows[0]) throw new ApiError("not_found");
  return { webhook: toWebhook(rows[0]), secret };
}

/** Stop delivering to an endpoint; its log stays readable, its undelivered events are dropped. */
export async function deleteWebhook(q: Queryable, admin: AdminContext, id: string): Promise<void> {
  const rows = await q.query<{ id: string }>("update webhook_endpoints set active = false where id::text = $1 and organization_id = $2 and active returning id", [id, admin.organizationId]);
  if (!rows[0]) throw new ApiError("not_found");
  await q.query("update outbox set failed_at = now() where endpoint_id = $1 and delivered_at is null and failed_at is null", [id]);
}

/** The last 100 delivery attempts to an endpoint (a webhook or a connector), with the start of what a refusing receiver answered. */
export async function deliveryLog(q: Queryable, endpointId: string): Promise<(WebhookDelivery & { response: string | null })[]> {
  const rows = await q.query<{ id: string; event_id: string; event_type: string; attempt: number; status_code: number | null; error: string | null; response: string | null; duration_ms: number; created_at: Date | string }>(
    `select d.id, (o.payload::json->>'id') as event_id, o.event_type, d.attempt, d.status_code, d.error, d.response, d.duration_ms, d.created_at
       from webhook_deliveries d join outbox o on o.id = d.outbox_id
      where d.endpoint_id = $1 order by d.created_at desc limit 100`,
    [endpointId],
  );
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    eventType: r.event_type as WebhookEvent,
    attempt: r.attempt,
    statusCode: r.status_code,
    error: r.error,
    response: r.response,
    durationMs: r.duration_ms,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** The last 100 delivery attempts to one of the organization's endpoints. */
export async function listDeliveries(db: Db, admin: AdminContext, id: string): Promise<WebhookDelivery[]> {
  const owned = await db.query("select 1 from webhook_endpoints where id::text = $1 and organization_id = $2", [id, admin.organizationId]);
  if (!owned[0]) throw new ApiError("not_found");
  return (await deliveryLog(db, id)).map(({ response: _, ...delivery }) => delivery);
}

/** Days a delivered (or given-up) event keeps its content: after that only the log line remains. */
export const EVENT_RETENTION_DAYS = 30;

/**
 * Least data: events carry names and emails, so once delivered or given up for 30 days their
 * content is replaced by the event id. Returns how many were redacted. Time is injectable.
 */
export async function redactOldEvents(db: Db, days = EVENT_RETENTION_DAYS, now = new Date()): Promise<number> {
  const rows = await db.query(
    `update outbox set payload = ${REDACTED_PAYLOAD_SQL}, person_id = null
      where coalesce(delivered_at, failed_at) < $2::timestamptz - make_interval(days => $1) and payload::json->>'redacted' is null
      returning id`,
    [days, now.toISOString()],
  );
  return rows.length;
}
