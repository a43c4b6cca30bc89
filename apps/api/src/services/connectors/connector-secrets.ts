// A connector's API key is stored encrypted (AES-256-GCM) under the key in CK_CONNECTOR_KEY, so a
// copy of the database alone does not give anyone a partner's CRM. Stored as
// `v1.<iv>.<tag>.<ciphertext>`, each part base64url.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { CONNECTOR_KEY_UNSET_MESSAGE } from "@coalition-kit/schema";
import { envConfig } from "../../config.js";
import { validationError } from "../errors.js";

/** Outside production, without CK_CONNECTOR_KEY: a fixed key, so the demo and tests work (never secret). */
const DEVELOPMENT_KEY = createHash("sha256").update("coalition-kit development connector key").digest();

/** The encryption key, or undefined in production without CK_CONNECTOR_KEY. */
function encryptionKey(): Buffer | undefined {
  const config = envConfig();
  return config.connectorKey ?? (config.production ? undefined : DEVELOPMENT_KEY);
}

/** `secret` encrypted for storage; a field error on `apiKey` when the server has no key to do it with. */
export function sealSecret(secret: string): string {
  const key = encryptionKey();
  if (!key) throw validationError({ apiKey: CONNECTOR_KEY_UNSET_MESSAGE });
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), sealed].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** The secret a sealSecret made; throws when the key differs or the text was altered. */
export function openSecret(stored: string): string {
  const key = encryptionKey();
  if (!key) throw new Error("CK_CONNECTOR_KEY is not set: connector keys cannot be read");
  const [version, iv, tag, sealed] = stored.split(".");
  if (version !== "v1" || !iv || !tag || sealed === undefined) throw new Error("not a sealed connector key");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
}
