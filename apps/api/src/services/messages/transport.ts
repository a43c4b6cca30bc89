import nodemailer from "nodemailer";
import type { OutgoingEmail } from "./compose.js";

/** Sends one email; resolves with the SMTP Message-ID, rejects with the server's answer. */
export interface MailTransport {
  send(email: OutgoingEmail, messageId: string): Promise<string>;
  close(): void;
}

/** A pooled SMTP transport for `SMTP_URL` (smtp://, smtps://, with user:password@ where needed). */
export function smtpTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") throw new Error(`SMTP_URL must start with smtp:// or smtps:// (got ${url.protocol})`);
  const transporter = nodemailer.createTransport({
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: Number(url.port || (url.protocol === "smtps:" ? 465 : 587)),
    secure: url.protocol === "smtps:",
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    pool: true,
    maxConnections: 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(email, messageId) {
      const info = await transporter.sendMail({
        from: email.from,
        to: email.to,
        replyTo: email.replyTo,
        subject: email.subject,
        html: email.html,
        text: email.text,
        headers: email.headers,
        attachments: email.attachments,
        messageId,
      });
      return info.messageId;
    },
    close: () => transporter.close(),
  };
}

/** A refusal that will not change on retry: an SMTP 5xx answer (unknown mailbox, rejected content). */
export function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/** A short, address-free description of a delivery error for the message log. */
export function describeError(error: unknown): string {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const text = e.response ?? e.message ?? String(error);
  return (e.responseCode ? `SMTP ${e.responseCode}: ${text}` : e.code ? `${e.code}: ${text}` : text).replace(/[^\s<>@]+@[^\s<>@]+/g, "<address>").slice(0, 300);
}
