/** `@coalition-kit/sdk/admin`: the organizer API client, webhook verification and webhook payload types. */
export { createAdminClient, type AdminClient, type AdminClientOptions, type WriteOptions } from "./client.js";
export { verifyWebhookSignature, type VerifyWebhookOptions, type WebhookHeaders } from "./webhook-signature.js";
export type { CampaignKind, WebhookEventData, WebhookPayload, WebhookPayloadOf, WebhookPerson } from "./webhook-events.js";
export { CkApiError, CkError, CkNetworkError, CkResponseError } from "../errors.js";
