/** The names on the wire, named once: headers the API reads and sets, and the shapes of its keys. Zod-free. */

/** Which partner a request comes from: a publishable key, checked against the page's Origin. */
export const PARTNER_KEY_HEADER = "X-Partner-Key";
/**
 * The same key on a read, as a query parameter: a GET with no custom header is a CORS "simple"
 * request (no preflight), and a shared cache keys the answer by its URL.
 */
export const PARTNER_KEY_PARAM = "key";
/** One key per write: a retry with the same key gets the stored answer, never a second write. */
export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
/** Set on an answer replayed from an earlier write with the same Idempotency-Key. */
export const IDEMPOTENT_REPLAYED_HEADER = "Idempotent-Replayed";
/**
 * A solved proof-of-work challenge (ALTCHA v2: base64 of `{ challenge, solution }`), sent with a
 * write that was answered `challenge_required`: many writes from one address (a school behind one
 * IP) go on after a few hundred milliseconds of the browser's work instead of being refused.
 */
export const CHALLENGE_HEADER = "X-CK-Challenge";

/** A signature's share code (`ck_ref` in a shared link's address): 22 URL-safe base64 characters. */
export const SHARE_CODE_PATTERN = /^[A-Za-z0-9_-]{22}$/;
/** The query parameter a shared link carries its share code in. */
export const SHARE_CODE_PARAM = "ck_ref";

/** Publishable partner keys (safe in web pages): `pk_` and letters, digits or underscores. */
export const PARTNER_KEY_PREFIX = "pk_";
export const PARTNER_KEY_PATTERN = /^pk_[A-Za-z0-9_]{4,120}$/;
/** Organizer secret keys (servers and the console only), stored hashed. */
export const SECRET_KEY_PREFIX = "sk_";
/** Webhook signing secrets. */
export const WEBHOOK_SECRET_PREFIX = "whsec_";
