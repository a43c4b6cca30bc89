// A real SMTP server for tests, in-process on a free loopback port: it accepts mail (or refuses
// it, when told to), parses what arrives with mailparser, and lets a test wait for a message.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: ParsedMail["headers"];
  messageId: string | undefined;
  attachments: Array<{ filename: string | undefined; contentType: string; content: string }>;
  raw: ParsedMail;
}

export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  /** Answer the next mails with this SMTP code (e.g. 450 temporary, 550 permanent); undefined accepts. */
  refuseWith: number | undefined;
  /** Wait until a mail matching `match` has arrived (polls what arrived; 15 s at most). */
  waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  /** Mails to one address. */
  to(address: string): ReceivedMail[];
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const sink = {
    received,
    refuseWith: undefined as number | undefined,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (sink.refuseWith) {
        const error = Object.assign(new Error(sink.refuseWith >= 500 ? "Mailbox unavailable" : "Try again later"), { responseCode: sink.refuseWith });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to.map((t) => t.text).join(", ") : (mail.to?.text ?? "");
          received.push({
            to,
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            headers: mail.headers,
            messageId: mail.messageId,
            attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content.toString("utf8") })),
            raw: mail,
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch(callback);
    },
  });
  // A client that drops its connection (an API stopped mid-send) is not the sink's failure.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET") console.error(`SMTP sink: ${error.message}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(sink, {
    url: `smtp://127.0.0.1:${port}`,
    to: (address: string) => received.filter((m) => m.to.toLowerCase().includes(address.toLowerCase())),
    async waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs = 15_000) {
      const found = () => received.find(match);
      const deadline = Date.now() + timeoutMs;
      while (!found()) {
        if (Date.now() > deadline) throw new Error(`no matching mail arrived (received: ${received.map((m) => `${m.to}: ${m.subject}`).join("; ") || "none"})`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, 200);
          waiters.add(wake);
        });
      }
      return found()!;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
