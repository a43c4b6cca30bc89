import { createHmac, timingSafeEqual } from "node:crypto";
import type { Queryable } from "../../db/types.js";
import { setting } from "./settings.js";

/** Personal links in emails and confirmations: cancel a registration, its calendar, withdraw a story, manage an RSVP, unsubscribe. */
export type LinkPurpose = "cancel" | "calendar" | "withdraw" | "manage" | "unsubscribe";
/** Single-purpose links that expire with their own record's deadline: confirming a signature, a guardian's answer (on a signature or a story), withdrawing a consent. */
export type ExpiringPurpose = "confirm" | "guardian" | "story-guardian" | "withdraw-consent";

const DAY = 86_400_000;
/**
 * How long each personal link works. A registration's cancel and calendar links and an RSVP's
 * manage link outlast any series or season (13 months); unsubscribing too; withdrawing a story is
 * a right the author keeps for as long as it may be held (3 years, beyond the longest retention).
 */
export const LINK_LIFETIME_DAYS: Record<LinkPurpose, number> = { cancel: 400, calendar: 400, manage: 400, unsubscribe: 400, withdraw: 1095 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function mac(db: Queryable, purpose: LinkPurpose | ExpiringPurpose, id: string): Promise<string> {
  return createHmac("sha256", await setting(db, "link_secret")).update(`${purpose}:${id}`).digest("base64url");
}

/** A token for a personal link: the record id, its expiry and an HMAC over both, so it cannot be guessed, altered or kept forever. */
export async function signLink(db: Queryable, purpose: LinkPurpose, id: string, now = Date.now()): Promise<string> {
  return signExpiringLink(db, purpose, id, new Date(now + LINK_LIFETIME_DAYS[purpose] * DAY));
}

/** The record id inside a valid, unexpired token for this purpose, or undefined. */
export async function verifyLink(db: Queryable, purpose: LinkPurpose, token: string, now = Date.now()): Promise<string | undefined> {
  const id = await verifyExpiringLink(db, purpose, token, now);
  return id === "expired" ? undefined : id;
}

/** A token for `purpose` on record `id` that stops working at `expiresAt`: id, expiry and an HMAC over both. */
export async function signExpiringLink(db: Queryable, purpose: LinkPurpose | ExpiringPurpose, id: string, expiresAt: Date): Promise<string> {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  return `${id}.${exp}.${await mac(db, purpose, `${id}.${exp}`)}`;
}

/** The record id in a valid, unexpired token; "expired" for a genuine but old one; undefined for anything else. */
export async function verifyExpiringLink(db: Queryable, purpose: LinkPurpose | ExpiringPurpose, token: string, now = Date.now()): Promise<string | "expired" | undefined> {
  const [id, exp, signature, extra] = token.split(".");
  if (!id || !exp || !signature || extra !== undefined || !UUID.test(id) || !/^\d{1,12}$/.test(exp)) return undefined;
  const expected = Buffer.from(await mac(db, purpose, `${id}.${exp}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  return Number(exp) * 1000 <= now ? "expired" : id;
}
