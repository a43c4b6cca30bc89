// A test file's running API, started before its tests and stopped after them: call one of these
// inside `describe`, and use what it returns from the tests (its fields are there once `before`
// has run). The mail suite adds a real SMTP server in-process and a transport to it.
import { after, before } from "node:test";
import { deliverDueMessages } from "../services/messages/delivery.js";
import { smtpTransport, type MailTransport } from "../services/messages/transport.js";
import { adminFor, COALITION, type Admin } from "./admin.js";
import { startHarness, type Harness, type HarnessOptions } from "./harness.js";
import { startSmtpSink, type SmtpSink } from "./smtp-sink.js";

/** A harness with an organizer's key for the coalition (or `organization`). */
export interface AdminHarness extends Harness {
  admin: Admin;
}

/** An admin harness whose emails go to an in-process SMTP server. */
export interface MailHarness extends AdminHarness {
  sink: SmtpSink;
  transport: MailTransport;
  /** Send whatever messages are due at `now` (default: the real time) to the sink. */
  deliver(now?: Date): Promise<void>;
}

/** What the suite does before the organizer's key is made (e.g. seed the organization it is for). */
export interface SuiteSetup {
  organization?: string;
  setup?: (h: Harness) => Promise<void>;
}

/** The harness for the tests of the enclosing `describe`. */
export function harnessSuite(options: HarnessOptions = {}): Harness {
  const h = {} as Harness;
  before(async () => {
    Object.assign(h, await startHarness(options));
  });
  after(() => h.stop());
  return h;
}

/** The harness and an organizer (`h.admin`) for the tests of the enclosing `describe`. */
export function adminSuite(options: HarnessOptions = {}, suite: SuiteSetup = {}): AdminHarness {
  const h = {} as AdminHarness;
  before(async () => {
    Object.assign(h, await startHarness(options));
    await suite.setup?.(h);
    h.admin = await adminFor(h, suite.organization ?? COALITION);
  });
  after(() => h.stop());
  return h;
}

/** The harness, an organizer and an in-process SMTP server (`h.sink`, `h.deliver()`) for the enclosing `describe`. */
export function mailSuite(options: HarnessOptions = {}, suite: SuiteSetup = {}): MailHarness {
  const h = {} as MailHarness;
  before(async () => {
    const sink = await startSmtpSink();
    const transport = smtpTransport(sink.url);
    Object.assign(h, await startHarness(options), { sink, transport });
    h.deliver = async (now = new Date()) => {
      await deliverDueMessages(h.db, transport, { now, publicUrl: h.url });
    };
    await suite.setup?.(h);
    h.admin = await adminFor(h, suite.organization ?? COALITION);
  });
  after(async () => {
    h.transport.close();
    await h.stop();
    await h.sink.close();
  });
  return h;
}
