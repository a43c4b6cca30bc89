// The demo's local mail catcher: MailDev on loopback, an SMTP server that keeps every email the
// demo sends and a web inbox to read them. Nothing leaves the machine.
import { MailDev } from "maildev";

/**
 * @param {{ smtpPort?: number, webPort?: number }} [options]
 * @returns {Promise<{ smtpUrl: string, inboxUrl: string, stop(): Promise<void> }>}
 */
export async function startMailCatcher(options = {}) {
  const smtpPort = options.smtpPort ?? 1025;
  const webPort = options.webPort ?? 1080;
  const maildev = new MailDev({ smtp: smtpPort, web: webPort, ip: "127.0.0.1", webIp: "127.0.0.1", silent: true, maxEmails: 500 });
  await maildev.start();
  return { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, inboxUrl: `http://127.0.0.1:${webPort}/`, stop: () => maildev.stop() };
}
