import type { Locale } from "@coalition-kit/schema";
import type { PartnerContext } from "./partner-lookup.js";

/**
 * Who a write from a partner page comes from, and how to answer it: what every partner-write
 * service (sign, register, RSVP, story, survey answer) takes beside its own input.
 */
export interface PartnerWriter {
  /** The partner whose key (checked against the request's Origin) the write came with. */
  partner: PartnerContext;
  /** The request's Idempotency-Key: a replay answers what the first request stored. */
  idempotencyKey: string | undefined;
  /** The language of the answer and of the emails the write causes. */
  locale: Locale;
  /** The API's public address, for the links in those emails. */
  baseUrl: string;
}
