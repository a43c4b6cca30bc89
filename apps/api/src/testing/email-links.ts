// Following the links in a received email, as a person would: find one by path, then answer the
// page it opens with the form it shows (a POST of its token and a decision).
import type { ReceivedMail } from "./smtp-sink.js";

/** The first link in the email's text whose address contains `path` (e.g. "/v1/signatures/confirm?token="). */
export const linkIn = (mail: ReceivedMail, path: string): string | undefined =>
  new RegExp(`https?://[^\\s"<>]+${path.replace(/[/?]/g, "\\$&")}[^\\s"<>]+`).exec(mail.text)?.[0];

/** Submit the form behind an emailed link: its token plus `fields`, form-encoded, to the same address. */
export const answerLink = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ token: new URL(url).searchParams.get("token")!, ...fields }),
  });
