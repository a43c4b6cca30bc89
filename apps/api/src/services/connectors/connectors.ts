// Connectors (issue 22): an organization's webhook endpoints and OSDI endpoints, side by side. Both
// are rows of webhook_endpoints, so both are fed by the outbox in the action's own transaction and
// delivered with its leases, retries and log; an OSDI one holds an encrypted API key instead of a
// signing secret, and only ever receives people who consented to that organization.
import { ConnectorKeyInput, OSDI_EVENTS, OsdiConnectorInput, type Connector, type ConnectorDelivery, type ConnectorTodo } from "@coalition-kit/schema";
import type { Queryable } from "../../db/types.js";
import { envConfig } from "../../config.js";
import { ApiError, parseOrReject, validationError } from "../errors.js";
import type { AdminContext } from "../keys/secret-keys.js";
import { webhookUrlProblem } from "../webhooks/webhook-address.js";
import { createWebhook, deliveryLog } from "../webhooks/webhooks.js";
import { sealSecret } from "./connector-secrets.js";

interface ConnectorRow {
  id: string;
  kind: Connector["kind"];
  url: string;
  events: string[];
  tags: string[];
  api_key_hint: string | null;
  paused_at: Date | string | null;
  pause_reason: string | null;
  waiting: number;
  created_at: Date | string;
}

const COLUMNS = `e.id, e.kind, e.url, e.events, e.tags, e.api_key_hint, e.paused_at, e.pause_reason, e.created_at,
  (select count(*)::int from outbox o where o.endpoint_id = e.id and o.delivered_at is null and o.failed_at is null) as waiting`;

const iso = (v: Date | string) => new Date(v).toISOString();
const toConnector = (r: ConnectorRow): Connector => ({
  id: r.id,
  kind: r.kind,
  url: r.url,
  events: r.events as Connector["events"],
  tags: r.tags,
  keyHint: r.api_key_hint,
  paused: r.paused_at === null ? null : { at: iso(r.paused_at), reason: r.pause_reason ?? "" },
  waiting: r.waiting,
  createdAt: iso(r.created_at),
});

/** The organization's active connectors of both kinds, oldest first. */
export async function listConnectors(q: Queryable, admin: AdminContext): Promise<Connector[]> {
  const rows = await q.query<ConnectorRow>(`select ${COLUMNS} from webhook_endpoints e where e.organization_id = $1 and e.active order by e.created_at`, [admin.organizationId]);
  return rows.map(toConnector);
}

async function connectorById(q: Queryable, admin: AdminContext, id: string): Promise<Connector> {
  const rows = await q.query<ConnectorRow>(`select ${COLUMNS} from webhook_endpoints e where e.id::text = $1 and e.organization_id = $2 and e.active`, [id, admin.organizationId]);
  if (!rows[0]) throw new ApiError("not_found");
  return toConnector(rows[0]);
}

/**
 * A new connector. `kind: "webhook"` is a webhook endpoint (its signing secret is returned once);
 * `kind: "osdi"` keeps the API key encrypted and answers only its last four characters.
 */
export async function createConnector(q: Queryable, admin: AdminContext, input: unknown, allowLoopback = !envConfig().production): Promise<{ connector: Connector; secret?: string }> {
  const kind = (input as { kind?: unknown } | null)?.kind;
  if (kind === "webhook") {
    const { kind: _, ...rest } = input as Record<string, unknown>;
    const { webhook, secret } = await createWebhook(q, admin, rest, allowLoopback);
    return { connector: await connectorById(q, admin, webhook.id), secret };
  }
  if (kind !== "osdi") throw validationError({ kind: "Choose osdi or webhook." });
  const data = parseOrReject(OsdiConnectorInput, input);
  const problem = webhookUrlProblem(data.url, allowLoopback);
  if (problem) throw validationError({ url: problem });
  const rows = await q.query<{ id: string }>(
    `insert into webhook_endpoints (organization_id, kind, url, events, secret, api_key_encrypted, api_key_hint, tags)
     values ($1, 'osdi', $2, $3, null, $4, $5, $6) returning id`,
    [admin.organizationId, data.url.replace(/\/+$/, ""), [...OSDI_EVENTS], sealSecret(data.apiKey), data.apiKey.slice(-4), [...new Set(data.tags)]],
  );
  return { connector: await connectorById(q, admin, rows[0]!.id) };
}

/**
 * Replace an OSDI connector's API key. A connector paused because the endpoint refused the old key
 * resumes: what waited is delivered, once each.
 */
export async function replaceConnectorKey(q: Queryable, admin: AdminContext, id: string, input: unknown): Promise<Connector> {
  const data = parseOrReject(ConnectorKeyInput, input);
  const rows = await q.query<{ id: string }>(
    `update webhook_endpoints set api_key_encrypted = $3, api_key_hint = $4, paused_at = null, pause_reason = null
      where id::text = $1 and organization_id = $2 and active and kind = 'osdi' returning id`,
    [id, admin.organizationId, sealSecret(data.apiKey), data.apiKey.slice(-4)],
  );
  if (!rows[0]) throw new ApiError("not_found");
  await q.query("update outbox set next_attempt_at = now() where endpoint_id = $1 and delivered_at is null and failed_at is null", [id]);
  return connectorById(q, admin, id);
}

/** The last 100 attempts to one of the organization's connectors, with what a refusing endpoint answered. */
export async function listConnectorDeliveries(q: Queryable, admin: AdminContext, id: string): Promise<ConnectorDelivery[]> {
  await connectorById(q, admin, id);
  return deliveryLog(q, id);
}

/**
 * Erasures an OSDI connector's endpoint would not carry out (it does not delete people through its
 * API): each with the person's resource there, for the organizer to delete by hand.
 */
export async function listConnectorTodos(q: Queryable, admin: AdminContext, id: string): Promise<ConnectorTodo[]> {
  await connectorById(q, admin, id);
  const rows = await q.query<{ event_id: string; remote_url: string | null; reason: string | null; created_at: Date | string }>(
    `select o.payload::json->>'id' as event_id, cp.remote_url, o.created_at,
            (select d.error from webhook_deliveries d where d.outbox_id = o.id order by d.created_at desc limit 1) as reason
       from outbox o
       left join connector_people cp on cp.endpoint_id = o.endpoint_id and cp.person_id::text = o.payload::json->'data'->>'personId'
      where o.endpoint_id = $1 and o.event_type = 'person.erased' and o.failed_at is not null
      order by o.created_at`,
    [id],
  );
  return rows.map((r) => ({ eventId: r.event_id, remoteUrl: r.remote_url, reason: r.reason ?? "to-do", createdAt: iso(r.created_at) }));
}
