/** `@coalition-kit/sdk/admin`: the organizer API client and webhook verification. */
export { createAdminClient, type AdminClient, type AdminClientOptions, type WriteOptions } from "./client.js";
export { verifyWebhookSignature } from "./webhook-signature.js";
export { CkApiError, CkError, CkNetworkError, CkResponseError } from "../errors.js";
