import type { WebhookEvent } from "@coalition-kit/schema";

/**
 * What a webhook delivers: the body of each event, by type, as a union a receiver can switch on:
 *
 * ```ts
 * const event = JSON.parse(rawBody) as WebhookPayload;
 * if (event.type === "person.erased") forget(event.data.personId);
 * ```
 *
 * `person` is present only for an organization the person agreed to hear from (it is `null`
 * otherwise); its `id` is the one a later `person.erased` names. Slugs name campaigns and partners.
 */
export type WebhookPayload = {
  [T in WebhookEvent]: { id: string; type: T; createdAt: string; data: WebhookEventData[T] };
}[WebhookEvent];

/** One event type's payload: `WebhookPayloadOf<"story.published">`. */
export type WebhookPayloadOf<T extends WebhookEvent> = Extract<WebhookPayload, { type: T }>;

/** A person's contact details, sent with their consent only. */
export interface WebhookPerson {
  id: string;
  firstName: string;
  lastName: string | null;
  email: string;
}

/** The `data` of each event type. */
export interface WebhookEventData {
  "signature.created": {
    petition: string;
    partner: string;
    source: string | null;
    utmSource: string | null;
    utmMedium: string | null;
    utmCampaign: string | null;
    ageBand: string | null;
    person: (WebhookPerson & { zip: string | null }) | null;
  };
  "registration.created": RegistrationData & { source: string | null };
  "registration.promoted": RegistrationData;
  "registration.cancelled": RegistrationData;
  /**
   * A person reached the series' completion threshold (sessions attended). Sent once per person
   * per series, even if a mark is later corrected.
   */
  "series.completed": { series: string; partner: string; attended: number; needed: number; completedAt: string; person: WebhookPerson | null };
  "rsvp.created": RsvpData;
  "rsvp.cancelled": RsvpData;
  "story.submitted": StoryData;
  /** A moderator put the story on the wall. */
  "story.published": StoryData & { publishedAt: string };
  /**
   * A person withdrew one consent. The organization it was given to gets their id and email, to
   * stop writing to them; a partner gets only its own; the coalition gets every withdrawal.
   */
  "consent.withdrawn": {
    consent: string;
    scope: "coalition" | "partner";
    kind: CampaignKind;
    campaign: string;
    partner: string;
    withdrawnAt: string;
    person: { id: string; email: string } | null;
  };
  /**
   * A person was erased (on their request, or at the end of the retention period): delete what you
   * hold under `personId`. Carries no personal data. Sent to the coalition and to every partner the
   * person had agreed to hear from.
   */
  "person.erased": { personId: string; reason: "request" | "retention"; campaigns: { kind: CampaignKind; campaign: string }[] };
}

export type CampaignKind = "petition" | "training" | "meeting" | "story";

interface RegistrationData {
  /** The training series' slug and the session's key. */
  series: string;
  session: string;
  status: "registered" | "waitlisted" | "cancelled";
  partner: string;
  person: WebhookPerson | null;
}

interface RsvpData {
  meeting: string;
  /** The week (YYYY-MM-DD), or "every_week" for a standing answer. */
  occurrence: string;
  response: "yes" | "maybe" | "no";
  partner: string;
  person: WebhookPerson | null;
}

interface StoryData {
  story: string;
  campaign: string;
  role: string;
  ageBand: string;
  publishAs: string;
  partner: string;
  /** The author's email and first name (if they gave one), with their consent. */
  person: { id: string; email: string; firstName: string | null } | null;
}
