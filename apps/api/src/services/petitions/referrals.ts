// Share codes (issue 20): a signature's own code, added to the links its signer shares, so whoever
// signs through one counts as recruited by them. The code is the signature's id enciphered with
// one AES block under a secret every replica shares: it names nobody, needs no column or index of
// its own, and any other string simply recruits no one.
import { createCipheriv, createDecipheriv, createHash } from "node:crypto";
import type { Db } from "../../db/types.js";
import { setting } from "../platform/settings.js";

const keys = new WeakMap<object, Promise<Buffer>>();
/** The 256-bit key from the ref_secret setting (migration 023), once per database. */
function keyOf(db: Db): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) keys.set(db, (key = setting(db, "ref_secret").then((secret) => createHash("sha256").update(`ref:${secret}`).digest())));
  return key;
}

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ""), "hex");
const uuidText = (b: Buffer) => {
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

/** The share code of signature `id`: 22 URL-safe characters. */
export async function shareCode(db: Db, id: string): Promise<string> {
  const cipher = createCipheriv("aes-256-ecb", await keyOf(db), null).setAutoPadding(false);
  return Buffer.concat([cipher.update(uuidBytes(id)), cipher.final()]).toString("base64url");
}

/** The signature a share code names, or undefined when it is not one of ours (a typo, a forgery). */
export async function sharedBy(db: Db, code: string | undefined): Promise<string | undefined> {
  if (!code || !/^[A-Za-z0-9_-]{22}$/.test(code)) return undefined;
  const bytes = Buffer.from(code, "base64url");
  if (bytes.length !== 16) return undefined;
  const decipher = createDecipheriv("aes-256-ecb", await keyOf(db), null).setAutoPadding(false);
  const id = Buffer.concat([decipher.update(bytes), decipher.final()]);
  // Signature ids are version-4 UUIDs: anything else was not made by shareCode.
  return (id[6]! >> 4 === 4 && id[8]! >> 6 === 2) ? uuidText(id) : undefined;
}
