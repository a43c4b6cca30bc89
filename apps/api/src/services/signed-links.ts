import { createHmac, timingSafeEqual } from "node:crypto";
import type { Queryable } from "../db/types.js";
import { setting } from "./settings.js";

export type LinkPurpose = "cancel" | "calendar" | "withdraw" | "manage";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function mac(db: Queryable, purpose: LinkPurpose, id: string): Promise<string> {
  return createHmac("sha256", await setting(db, "link_secret")).update(`${purpose}:${id}`).digest("base64url");
}

/** A token for a personal link: the record id plus an HMAC, so it cannot be guessed or altered. */
export async function signLink(db: Queryable, purpose: LinkPurpose, id: string): Promise<string> {
  return `${id}.${await mac(db, purpose, id)}`;
}

/** The record id inside a valid token for this purpose, or undefined. */
export async function verifyLink(db: Queryable, purpose: LinkPurpose, token: string): Promise<string | undefined> {
  const [id, signature, extra] = token.split(".");
  if (!id || !signature || extra !== undefined || !UUID.test(id)) return undefined;
  const expected = Buffer.from(await mac(db, purpose, id));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : undefined;
}
