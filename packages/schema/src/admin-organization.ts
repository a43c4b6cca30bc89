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
  allowedOrigins: z.array(z.string()),
  active: z.boolean(),
  createdAt: IsoDateTime,
});
export type AdminPartner = z.infer<typeof AdminPartner>;
export const AdminPartnerList = z.object({ partners: z.array(AdminPartner) });
export const AdminPartnerResponse = z.object({ partner: AdminPartner });

/** A secret key as listed: never the key itself, only its first characters. */
export const SecretKeyInfo = z.object({
  id: Id,
  prefix: z.string(),
  createdAt: IsoDateTime,
  revokedAt: z.nullable(IsoDateTime),
});
export type SecretKeyInfo = z.infer<typeof SecretKeyInfo>;
export const SecretKeyList = z.object({ keys: z.array(SecretKeyInfo) });
/** POST /v1/admin/keys: the only time the full key is shown. */
export const SecretKeyCreated = z.object({ key: SecretKeyInfo, secret: z.string() });

/** Every event an endpoint can ask for; the payload of each is typed in `@coalition-kit/sdk/admin` (WebhookPayload). */
export const WEBHOOK_EVENTS = [
  "signature.created",
  "registration.created",
  "registration.promoted",
  "registration.cancelled",
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
});
export type Webhook = z.infer<typeof Webhook>;
export const WebhookList = z.object({ webhooks: z.array(Webhook) });
/** The signing secret is shown once, when the endpoint is created. */
export const WebhookCreated = z.object({ webhook: Webhook, secret: z.string() });

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
