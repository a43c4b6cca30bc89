import * as z from "zod/mini";
import { Id, IsoDateTime } from "./common.js";
import { WEBHOOK_EVENTS, WebhookInput } from "./admin-organization.js";

/**
 * Connectors: where an organization's consented contacts are delivered. `webhook` is a signed
 * webhook endpoint (POST /v1/admin/webhooks makes the same); `osdi` posts each person through an
 * OSDI endpoint's Person Signup Helper (Action Network speaks OSDI), into the organization's own CRM.
 */
export const CONNECTOR_KINDS = ["webhook", "osdi"] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];

/** What an OSDI connector is sent: each consented action, a withdrawal of that consent, and an erasure. */
export const OSDI_EVENTS = ["signature.created", "registration.created", "rsvp.created", "story.submitted", "consent.withdrawn", "person.erased"] as const satisfies readonly (typeof WEBHOOK_EVENTS)[number][];

export const OSDI_URL_MESSAGE = "Enter the OSDI API's address, like https://actionnetwork.org/api/v2 (http:// only for localhost).";
export const OSDI_KEY_MESSAGE = "Enter the API key the CRM gave you.";
export const OSDI_TAG_MESSAGE = "Tags are 1 to 100 characters each, at most 10.";
/** Answered when the server has no encryption key for connector secrets (CK_CONNECTOR_KEY). */
export const CONNECTOR_KEY_UNSET_MESSAGE = "This server cannot store API keys safely yet: its operator must set CK_CONNECTOR_KEY.";

const OsdiUrl = z.string(OSDI_URL_MESSAGE).check(
  z.trim(),
  z.maxLength(500, OSDI_URL_MESSAGE),
  z.regex(/^(https:\/\/[^\s/]+|http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?)(\/\S*)?$/i, OSDI_URL_MESSAGE),
);
const ApiKey = z.string(OSDI_KEY_MESSAGE).check(z.trim(), z.minLength(8, OSDI_KEY_MESSAGE), z.maxLength(500, OSDI_KEY_MESSAGE), z.regex(/^\S+$/, OSDI_KEY_MESSAGE));
const Tags = z._default(z.array(z.string(OSDI_TAG_MESSAGE).check(z.trim(), z.minLength(1, OSDI_TAG_MESSAGE), z.maxLength(100, OSDI_TAG_MESSAGE))).check(z.maxLength(10, OSDI_TAG_MESSAGE)), []);

/** POST /v1/admin/connectors with kind "osdi": the API's address, its key (stored encrypted, never shown again) and tags. */
export const OsdiConnectorInput = z.object({
  kind: z.literal("osdi"),
  url: OsdiUrl,
  apiKey: ApiKey,
  tags: Tags,
});
export type OsdiConnectorInput = z.input<typeof OsdiConnectorInput>;

/** PUT /v1/admin/connectors/:id/key: a replacement key; a connector paused by a refused key resumes with its backlog. */
export const ConnectorKeyInput = z.object({ apiKey: ApiKey });
export type ConnectorKeyInput = z.input<typeof ConnectorKeyInput>;

export const Connector = z.object({
  id: Id,
  kind: z.enum(CONNECTOR_KINDS),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  /** OSDI only: the tags every delivered person gets (besides the campaign's). */
  tags: z.array(z.string()),
  /** OSDI only: the last four characters of the stored key, to tell keys apart. */
  keyHint: z.nullable(z.string()),
  /** Set when the endpoint refused the key: why, and since when. Deliveries wait until the key is replaced. */
  paused: z.nullable(z.object({ at: IsoDateTime, reason: z.string() })),
  /** Deliveries waiting (due or backing off). */
  waiting: z.number(),
  createdAt: IsoDateTime,
});
export type Connector = z.infer<typeof Connector>;
export const ConnectorList = z.object({ connectors: z.array(Connector) });
export const ConnectorResponse = z.object({ connector: Connector });

/** An erasure an OSDI endpoint could not carry out itself: the organizer deletes the person there by hand. */
export const ConnectorTodo = z.object({
  eventId: z.string(),
  /** The person's resource in the CRM, when it answered with one. */
  remoteUrl: z.nullable(z.string()),
  reason: z.string(),
  createdAt: IsoDateTime,
});
export type ConnectorTodo = z.infer<typeof ConnectorTodo>;
export const ConnectorTodoList = z.object({ todos: z.array(ConnectorTodo) });

/** One attempt in a connector's delivery log, with the start of what the endpoint answered when it refused. */
export const ConnectorDelivery = z.object({
  id: Id,
  eventId: z.string(),
  eventType: z.enum(WEBHOOK_EVENTS),
  attempt: z.number(),
  statusCode: z.nullable(z.number()),
  error: z.nullable(z.string()),
  response: z.nullable(z.string()),
  durationMs: z.number(),
  createdAt: IsoDateTime,
});
export type ConnectorDelivery = z.infer<typeof ConnectorDelivery>;
export const ConnectorDeliveryList = z.object({ deliveries: z.array(ConnectorDelivery) });

/** POST /v1/admin/connectors with kind "webhook": a webhook endpoint, as POST /v1/admin/webhooks makes. */
export const WebhookConnectorInput = z.extend(WebhookInput, { kind: z.literal("webhook") });
/** POST /v1/admin/connectors */
export const ConnectorInput = z.discriminatedUnion("kind", [OsdiConnectorInput, WebhookConnectorInput]);
export type ConnectorInput = z.input<typeof ConnectorInput>;
/** A new connector; a webhook's signing secret is shown this once. */
export const ConnectorCreated = z.object({ connector: Connector, secret: z.optional(z.string()) });
export const ConnectorDeleted = z.object({ deleted: z.boolean() });
