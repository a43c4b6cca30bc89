import { startDemo, type RunningDemo } from "@coalition-kit/demo-site";
import { after, before } from "node:test";
import type { Browser, Page } from "playwright-core";
import { startSmtpSink, type SmtpSink } from "@coalition-kit/api/testing/smtp-sink";
import { isolatedDb, launchChromium } from "./env.js";

/** Start API + demo partner site on free ports with a fresh, seeded database. */
export async function startIsolatedDemo(extra: { smtpUrl?: string } = {}): Promise<RunningDemo & { stop(): Promise<void> }> {
  const options = isolatedDb();
  const demo = await startDemo({ apiPort: 0, sitePort: 0, ...options, ...(extra.smtpUrl ? { smtpUrl: extra.smtpUrl, messageIntervalMs: 100 } : {}) });
  return {
    ...demo,
    async stop() {
      if ("dbSchema" in options) await demo.db.query(`drop schema if exists "${options.dbSchema}" cascade`);
      await demo.close();
    },
  };
}

/** Signatures stored for an email, with the partner they are attributed to. */
export async function signaturesFor(demo: RunningDemo, email: string) {
  return demo.db.query<{ partner_key: string; partner_name: string; source: string | null; petition: string }>(
    `select pa.publishable_key as partner_key, o.name as partner_name, s.source, pe.slug as petition
       from signatures s
       join people p on p.id = s.person_id
       join partners pa on pa.id = s.partner_id
       join organizations o on o.id = pa.organization_id
       join petitions pe on pe.id = s.petition_id
      where p.email_normalized = $1`,
    [email.toLowerCase()],
  );
}

/** Sign the petition on a page as a visitor would: the widget's own form (in its shadow root). */
export async function signPetition(page: Page, who: { first: string; email: string; zip?: string }): Promise<void> {
  // The no-JS fallback form stays unrendered in light DOM; target the widget's form.
  const form = page.locator('ck-petition form[part~="form"]');
  await form.getByLabel(/first name/i).fill(who.first);
  await form.getByLabel(/^email/i).fill(who.email);
  await form.getByLabel(/zip/i).fill(who.zip ?? "06511");
  await form.getByRole("radio", { name: /18 or older/i }).check();
  await form.getByRole("button", { name: /add your name/i }).click();
}

/** What a describe block's demo starts with. */
export interface DemoOptions {
  /** Send the API's email to an SMTP server in this process (read it as `sink`). */
  smtp?: boolean;
  /** Run once the demo is up and before any test (change the seeded data). */
  prepare?: (demo: RunningDemo & { stop(): Promise<void> }) => Promise<unknown>;
}

/**
 * The demo and a Chromium for one describe block (and, with `smtp`, a mail sink the API sends to):
 * started before its tests, closed after them. Read them inside tests (they exist once `before` has run).
 */
export function demoInChromium(options: DemoOptions = {}): { readonly demo: RunningDemo & { stop(): Promise<void> }; readonly browser: Browser; readonly sink: SmtpSink } {
  let demo: (RunningDemo & { stop(): Promise<void> }) | undefined;
  let browser: Browser | undefined;
  let sink: SmtpSink | undefined;
  before(async () => {
    if (options.smtp) sink = await startSmtpSink();
    demo = await startIsolatedDemo(sink ? { smtpUrl: sink.url } : {});
    await options.prepare?.(demo);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
    await sink?.close();
  });
  return {
    get demo() {
      if (!demo) throw new Error("the demo starts in before()");
      return demo;
    },
    get browser() {
      if (!browser) throw new Error("Chromium starts in before()");
      return browser;
    },
    get sink() {
      if (!sink) throw new Error("the mail sink needs demoInChromium({ smtp: true })");
      return sink;
    },
  };
}
