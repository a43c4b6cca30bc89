// How Coalition Kit's events read as OSDI (https://opensupporter.github.io/osdi-docs/): a consented
// action becomes a Person Signup Helper request (the person, with the campaign as a tag and the
// consent text's version in a custom field); a withdrawn consent re-posts the email as
// "unsubscribed". See docs/connectors.md for the field mapping.

/** The event as the outbox holds it. */
export interface OutboxEvent {
  id: string;
  type: string;
  data: Record<string, unknown> & { person?: { firstName?: string | null; lastName?: string | null; email?: string; zip?: string | null } | null };
}

/** The campaign an action event belongs to, as a tag: `petition:fund-our-schools`. */
export function campaignTag(event: OutboxEvent): string | undefined {
  const d = event.data;
  const named = (kind: string, slug: unknown) => (typeof slug === "string" ? `${kind}:${slug}` : undefined);
  switch (event.type) {
    case "signature.created":
      return named("petition", d["petition"]);
    case "registration.created":
      return named("training", d["series"]);
    case "rsvp.created":
      return named("meeting", d["meeting"]);
    case "story.submitted":
      return named("story", d["campaign"]);
    default:
      return undefined;
  }
}

/** Custom fields every delivered person carries. */
export const CONSENT_VERSION_FIELD = "coalition_kit_consent_version";
export const LANGUAGE_FIELD = "coalition_kit_language";

/**
 * The Person Signup Helper body for a consented action (OSDI person fields; Action Network reads
 * the same), or undefined when the event holds no email to deliver.
 */
export function signupBody(event: OutboxEvent, tags: string[], consentVersion: string | undefined): Record<string, unknown> | undefined {
  const p = event.data.person;
  if (!p?.email) return undefined;
  const tag = campaignTag(event);
  const custom: Record<string, string> = {};
  if (consentVersion) custom[CONSENT_VERSION_FIELD] = consentVersion;
  if (typeof event.data["language"] === "string") custom[LANGUAGE_FIELD] = event.data["language"];
  return {
    person: {
      ...(p.firstName ? { given_name: p.firstName } : {}),
      ...(p.lastName ? { family_name: p.lastName } : {}),
      email_addresses: [{ address: p.email, primary: true, status: "subscribed" }],
      ...(p.zip ? { postal_addresses: [{ postal_code: p.zip }] } : {}),
      custom_fields: custom,
    },
    add_tags: [...new Set([...(tag ? [tag] : []), ...tags])],
  };
}

/** The body that tells the endpoint this email no longer wants to hear from the organization. */
export function unsubscribeBody(event: OutboxEvent): Record<string, unknown> | undefined {
  const email = event.data.person?.email;
  return email ? { person: { email_addresses: [{ address: email, status: "unsubscribed" }] } } : undefined;
}

/** The person's resource in the endpoint's answer (`_links.self.href`), if it gave one. */
export function personUrl(answer: string): string | undefined {
  try {
    const body = JSON.parse(answer) as { _links?: { self?: { href?: unknown } } };
    const href = body._links?.self?.href;
    return typeof href === "string" && /^https?:\/\//.test(href) ? href : undefined;
  } catch {
    return undefined;
  }
}
