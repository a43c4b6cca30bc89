/** What an email says, independent of how it is laid out: the HTML and plain-text versions both come from it. */
export interface EmailContent {
  subject: string;
  /** The line mail apps show after the subject. */
  preheader: string;
  heading: string;
  paragraphs: string[];
  /** Label and value rows: when, where, your place on the waitlist… */
  details: Array<[string, string]>;
  /** Links as buttons; the first is the main one. */
  actions: Array<{ label: string; url: string }>;
  /** Small print: why you got this, how to stop reminders. */
  footer: string[];
}

export interface Brand {
  /** Language of the message ("en", "es"). */
  lang: string;
  coalitionName: string;
  /** The partner the person came through, when there was one other than the coalition. */
  partnerName: string | null;
  /** #rrggbb; a safe default when the coalition has none. */
  color: string;
}

/** Plain-text version: the same content, readable in any mail app. */
export function renderText(content: EmailContent, brand: Brand): string {
  const lines = [content.heading, "", ...content.paragraphs.flatMap((p) => [p, ""])];
  for (const [label, value] of content.details) lines.push(`${label}: ${value}`);
  if (content.details.length) lines.push("");
  for (const action of content.actions) lines.push(`${action.label}: ${action.url}`);
  if (content.actions.length) lines.push("");
  lines.push("—", brand.partnerName ? `${brand.coalitionName} · ${brand.partnerName}` : brand.coalitionName, ...content.footer);
  return lines.join("\n");
}
