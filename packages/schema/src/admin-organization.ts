import * as z from "zod/mini";
import { Id, IsoDateTime, Slug, text } from "./common.js";

const ORIGIN_MESSAGE = "Enter each site as an origin, like https://www.example.org (no path).";
export const Origin = z.string(ORIGIN_MESSAGE).check(z.trim(), z.regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, ORIGIN_MESSAGE));
const WEBSITE_MESSAGE = "Enter a web address starting with https:// or http://.";
const Website = z.string(WEBSITE_MESSAGE).check(z.trim(), z.maxLength(300, WEBSITE_MESSAGE), z.regex(/^https?:\/\/\S+$/i, WEBSITE_MESSAGE));

/** GET /v1/admin/organization: whose key this is. */
export const AdminOrganization = z.object({
  slug: Slug,
  name: z.string(),
  kind: z.enum(["coalition", "partner"]),
});
export type AdminOrganization = z.infer<typeof AdminOrganization>;
export const AdminOrganizationResponse = z.object({ organization: AdminOrganization });

/** POST /v1/admin/partners: a partner organization joins the coalition and gets a publishable key. */
export const PartnerInput = z.object({
  slug: Slug,
  name: text("the partner's name", 120, true),
  website: z.optional(z.nullable(Website)),
  allowedOrigins: z.array(Origin).check(z.maxLength(20, "List at most 20 sites.")),
});
export type PartnerInput = z.input<typeof PartnerInput>;

/** PATCH /v1/admin/partners/:slug */
export const PartnerPatch = z.object({
  name: z.optional(text("the partner's name", 120, true)),
  website: z.optional(z.nullable(Website)),
  allowedOrigins: z.optional(z.array(Origin).check(z.maxLength(20, "List at most 20 sites."))),
  active: z.optional(z.boolean()),
});
export type PartnerPatch = z.input<typeof PartnerPatch>;

export const AdminPartner = z.object({
  slug: Slug,
  name: z.string(),
  website: z.nullable(z.string()),
  publishableKey: z.string(),
  /** The key it replaced, still accepted (from the same sites) until previousKeyExpiresAt; null when none is. */
  previousKey: z.nullable(z.string()),
  previousKeyExpiresAt: z.nullable(IsoDateTime),
  allowedOrigins: z.array(z.string()),
  active: z.boolean(),
  createdAt: IsoDateTime,
});
export type AdminPartner = z.infer<typeof AdminPartner>;
export const AdminPartnerList = z.object({ partners: z.array(AdminPartner) });
export const AdminPartnerResponse = z.object({ partner: AdminPartner });

/** Longest overlap a rotation may give the old publishable key: one week. */
export const MAX_KEY_OVERLAP_HOURS = 168;
export const DEFAULT_KEY_OVERLAP_HOURS = 24;
const OVERLAP_MESSAGE = `Enter the overlap as whole hours from 0 to ${MAX_KEY_OVERLAP_HOURS}.`;

/**
 * POST /v1/admin/partners/:slug/rotate-key: a new publishable key works at once; the old one keeps
 * working for `overlapHours` (0: stops at once) so partner sites can switch without a gap.
 * Rotating again ends an earlier overlap at once (only one old key is kept).
 */
export const PartnerKeyRotation = z.object({
  overlapHours: z._default(z.number(OVERLAP_MESSAGE).check(z.int(OVERLAP_MESSAGE), z.gte(0, OVERLAP_MESSAGE), z.lte(MAX_KEY_OVERLAP_HOURS, OVERLAP_MESSAGE)), DEFAULT_KEY_OVERLAP_HOURS),
});
export type PartnerKeyRotation = z.input<typeof PartnerKeyRotation>;

/** read_write: everything; read_only: reads and exports, every write refused (403 read_only_key). */
export const SECRET_KEY_SCOPES = ["read_write", "read_only"] as const;
export type SecretKeyScope = (typeof SECRET_KEY_SCOPES)[number];

/** A secret key as listed: never the key itself, only its first characters. */
export const SecretKeyInfo = z.object({
  id: Id,
  prefix: z.string(),
  scope: z.enum(SECRET_KEY_SCOPES),
  createdAt: IsoDateTime,
  revokedAt: z.nullable(IsoDateTime),
});
export type SecretKeyInfo = z.infer<typeof SecretKeyInfo>;
export const SecretKeyList = z.object({ keys: z.array(SecretKeyInfo) });
/** POST /v1/admin/keys body (optional): the new key's scope, read-write unless asked. */
export const SecretKeyInput = z.object({
  scope: z._default(z.enum(SECRET_KEY_SCOPES, "Choose read_write or read_only."), "read_write"),
});
export type SecretKeyInput = z.input<typeof SecretKeyInput>;
/** POST /v1/admin/keys: the only time the full key is shown. */
export const SecretKeyCreated = z.object({ key: SecretKeyInfo, secret: z.string() });

/** Every event an endpoint can ask for; the payload of each is typed in `@coalition-kit/sdk/admin` (WebhookPayload). */
export const WEBHOOK_EVENTS = [
  "signature.created",
  "registration.created",
  "registration.promoted",
  "registration.cancelled",
  "series.completed",
  "rsvp.created",
  "rsvp.cancelled",
  "story.submitted",
  "story.published",
  "consent.withdrawn",
  "person.erased",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
const WEBHOOK_URL_MESSAGE = "Enter an https:// address (http:// only for localhost).";

/** POST /v1/admin/webhooks */
export const WebhookInput = z.object({
  url: z.string(WEBHOOK_URL_MESSAGE).check(
    z.trim(),
    z.maxLength(500, WEBHOOK_URL_MESSAGE),
    z.regex(/^(https:\/\/[^\s/]+|http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?)(\/\S*)?$/i, WEBHOOK_URL_MESSAGE),
  ),
  events: z._default(z.array(z.enum(WEBHOOK_EVENTS, "Choose events from the list.")).check(z.minLength(1, "Choose at least one event.")), [...WEBHOOK_EVENTS]),
});
export type WebhookInput = z.input<typeof WebhookInput>;

export const Webhook = z.object({
  id: Id,
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  active: z.boolean(),
  createdAt: IsoDateTime,
  /** While a rotated secret's overlap lasts, deliveries carry a signature by each secret; then null. */
  previousSecretExpiresAt: z.nullable(IsoDateTime),
});
export type Webhook = z.infer<typeof Webhook>;
export const WebhookList = z.object({ webhooks: z.array(Webhook) });
/** The signing secret is shown once, when the endpoint is created. */
export const WebhookCreated = z.object({ webhook: Webhook, secret: z.string() });

/**
 * POST /v1/admin/webhooks/:id/rotate-secret: a new `whsec_` secret (shown once) signs every delivery
 * from now on; for `overlapHours` (0: none) each delivery also carries a signature by the old
 * secret, in the same `webhook-signature` header, so the receiver can switch without a gap.
 * Rotating again ends an earlier overlap at once (only one old secret is kept).
 */
export const WebhookSecretRotation = PartnerKeyRotation;
export type WebhookSecretRotation = z.input<typeof WebhookSecretRotation>;

export const WebhookDelivery = z.object({
  id: Id,
  eventId: Id,
  eventType: z.enum(WEBHOOK_EVENTS),
  attempt: z.number(),
  statusCode: z.nullable(z.number()),
  error: z.nullable(z.string()),
  durationMs: z.number(),
  createdAt: IsoDateTime,
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;
export const WebhookDeliveryList = z.object({ deliveries: z.array(WebhookDelivery) });

/** DELETE /v1/admin/keys/:id */
export const SecretKeyResponse = z.object({ key: SecretKeyInfo });
/** DELETE /v1/admin/webhooks/:id */
export const WebhookDeleted = z.object({ deleted: z.boolean() });
