// The organizer's loop, in real Chromium against the real API: sign in to the console, add a
// webhook, create a petition; a partner page signs it; the console shows it, the CSV export holds
// it, and a receiver on loopback gets the event with a signature it can verify.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { createSecretKey } from "@coalition-kit/api";
import { verifyWebhookSignature } from "@coalition-kit/sdk/admin";
import { DB_LABEL, email, launchChromium } from "../support/env.js";
import { startIsolatedDemo } from "../support/demo.js";
import { startWebhookReceiver } from "../support/webhook-receiver.js";

type Demo = Awaited<ReturnType<typeof startIsolatedDemo>>;

describe(`organizer console in Chromium (${DB_LABEL})`, () => {
  let demo: Demo;
  let browser: Browser;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

  before(async () => {
    demo = await startIsolatedDemo();
    browser = await launchChromium();
    receiver = await startWebhookReceiver();
  });
  after(async () => {
    receiver?.close();
    await browser?.close();
    await demo?.stop();
  });

  /** A new tab (its own sessionStorage) signed in as `organization`. */
  async function signInAs(organization: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`${demo.apiUrl}/admin/`);
    await page.getByLabel("Secret key").fill((await createSecretKey(demo.db, organization)).key);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Petitions" }).waitFor();
    return page;
  }

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${demo.apiUrl}/admin/`);
    await page.getByLabel("Secret key").fill("sk_not_a_real_key_at_all_00");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: /key/i }).waitFor();
    await page.getByLabel("Secret key").fill(demo.organizerKey);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Petitions" }).waitFor();
  }

  test("create → partner signs → console count, CSV row and a verified webhook", async () => {
    const console = await browser.newPage();
    const cspViolations: string[] = [];
    console.on("console", (m) => m.type() === "error" && /Content Security Policy/i.test(m.text()) && cspViolations.push(m.text()));
    await signIn(console);

    // A webhook endpoint; its secret is shown once.
    await console.getByRole("link", { name: "Webhooks" }).click();
    await console.getByRole("form", { name: "Add a webhook endpoint" }).getByLabel("Address", { exact: true }).fill(receiver.url);
    await console.getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await console.locator(".webhook-secret").innerText()).trim();
    assert.match(secret, /^whsec_/);

    // A petition: a bad address is refused next to its field, with the API's words.
    await console.getByRole("link", { name: "Petitions" }).click();
    const form = console.getByRole("form", { name: "New petition" });
    await form.getByLabel("Title").fill("Fund a counselor in every school");
    await form.getByLabel("Address", { exact: true }).fill("Fund Counselors");
    await form.getByLabel("Addressed to").fill("Connecticut General Assembly");
    await form.getByLabel("Signature goal").fill("500");
    await form.getByLabel("Text").fill("Every student deserves a counselor.\n\nAdd your name.");
    await form.getByRole("button", { name: "Create petition" }).click();
    await form.getByText("Use lowercase letters, numbers and dashes.").waitFor();
    await form.getByLabel("Address", { exact: true }).fill("fund-counselors");
    await form.getByRole("button", { name: "Create petition" }).click();
    // The page's own heading (the widget preview below has the petition's title too).
    await console.getByRole("heading", { level: 1, name: "Fund a counselor in every school" }).waitFor();
    assert.equal(await console.locator(".total").innerText(), "0");

    // The partner's page signs it, with the opt-in to hear from the coalition.
    const partner = await browser.newPage();
    await partner.goto(`${demo.siteUrl}/campaign.html?petition=fund-counselors`);
    const widget = partner.locator('ck-petition form[part~="form"]');
    const signer = email("console-e2e");
    await widget.getByLabel(/first name/i).fill("Rosa");
    await widget.getByLabel(/^email/i).fill(signer);
    await widget.getByLabel(/zip/i).fill("06519");
    await widget.getByRole("checkbox", { name: /CT Fund Our Schools Coalition may email me/ }).check();
    await widget.getByRole("button", { name: /add your name/i }).click();
    await partner.getByRole("heading", { name: /thank you/i }).waitFor();

    // The console shows it, attributed to the partner.
    await console.getByRole("button", { name: "Refresh" }).click();
    await console.locator(".total", { hasText: "1" }).waitFor();
    assert.equal(await console.locator('tr[data-partner="educators-for-excellence"] .count').innerText(), "1");

    // The CSV export holds the signer, with the email they agreed to share.
    const [download] = await Promise.all([console.waitForEvent("download"), console.getByRole("button", { name: "Export signatures (CSV)" }).click()]);
    assert.match(download.suggestedFilename(), /^fund-counselors-signatures-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, "utf8");
    assert.match(csv, new RegExp(`,Rosa,,${signer.replace(/\./g, "\\.")},06519,Educators for Excellence,demo-campaign-page,`));

    // The webhook receiver got the event, and its signature verifies with the secret.
    const hook = await receiver.waitFor((h) => h.body.includes("fund-counselors"));
    assert.ok(hook, "the webhook arrived");
    assert.equal(await verifyWebhookSignature(secret, hook.headers, hook.body), true);
    const event = JSON.parse(hook.body) as { type: string; data: { petition: string; partner: string; person: { email: string } } };
    assert.deepEqual([event.type, event.data.petition, event.data.partner, event.data.person.email], ["signature.created", "fund-counselors", "educators-for-excellence", signer]);

    // The log shows the delivery; and nothing the console did broke its strict CSP.
    await console.getByRole("link", { name: "Webhooks" }).click();
    await console.getByRole("button", { name: "Delivery log" }).click();
    await console.locator(".log .result", { hasText: "Delivered (204)" }).first().waitFor();

    // Rotating the secret shows the new one, once, and until when the old one still signs.
    await console.getByRole("button", { name: "Rotate secret" }).click();
    await console.getByRole("status").getByText(/The old secret also signs deliveries until/).waitFor();
    const rotated = (await console.locator(".webhook-secret").innerText()).trim();
    assert.match(rotated, /^whsec_/);
    assert.notEqual(rotated, secret);
    assert.deepEqual(cspViolations, []);
  });

  test("other coalitions see their own campaigns: seats and waitlists, meeting answers, survey results", async () => {
    const page = await signInAs("heal-together");
    await page.getByRole("link", { name: "Trainings" }).click();
    const firstSession = page.locator("tr[data-session]").first();
    await firstSession.waitFor();
    assert.match(await firstSession.locator(".registered").innerText(), /^\d+$/);
    await page.getByRole("button", { name: "Who is coming" }).first().click();
    await page.getByText(/Nobody has registered yet|Registered|Waitlist/).first().waitFor();

    await page.close();

    const sej = await signInAs("students-for-educational-justice");
    await sej.getByRole("link", { name: "Meetings" }).click();
    await sej.getByText(/^Every Thursday, 4:00 PM$/).first().waitFor();
    await sej.getByRole("link", { name: "Surveys" }).click();
    await sej.getByRole("button", { name: "Results" }).first().click();
    await sej.getByRole("heading", { name: /^Results: / }).waitFor();
    await sej.close();
  });

  test("privacy & retention: the policy and the next purge are shown; a bad period or address is a field error; a good one is saved", async () => {
    const page = await signInAs("heal-together");
    await page.getByRole("link", { name: "Privacy & retention" }).click();
    await page.getByRole("heading", { name: "Privacy & retention" }).waitFor();
    await page.locator("ck-admin-privacy[data-loaded]").waitFor();
    await page.getByText(/is kept for 24 months after a person's last action/).waitFor();
    await page.getByText("Next purge").waitFor();
    const form = page.getByRole("form", { name: "Privacy and digest settings" });
    await form.getByLabel("Keep personal data for (months)").fill("0");
    await form.getByLabel("Send the daily digest").check();
    await form.getByLabel("Staff addresses").fill("lead@heal.example.org\nnot-an-address");
    await form.getByRole("button", { name: "Save" }).click();
    await form.getByText("Choose a whole number of months from 1 to 120.").waitFor();
    await form.getByText("not-an-address: Enter a valid email address, like name@example.org.").waitFor();
    await form.getByLabel("Keep personal data for (months)").fill("18");
    await form.getByLabel("Staff addresses").fill("lead@heal.example.org");
    await form.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await page.getByText(/is kept for 18 months after/).waitFor();
    const rows = await demo.db.query<{ retention_months: number; digest_enabled: boolean; digest_recipients: string[] }>(
      "select retention_months, digest_enabled, digest_recipients from organizations where slug = 'heal-together'",
    );
    assert.deepEqual(rows, [{ retention_months: 18, digest_enabled: true, digest_recipients: ["lead@heal.example.org"] }]);
    await page.close();
  });

  test("every console section passes axe-core, and each form can be reached and sent by keyboard", async () => {
    // axe is injected as an inline script, which the console's CSP rightly refuses: bypass it for this check only.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
    await signIn(page);
    const violations: string[] = [];
    for (const [hash, heading] of [["#/petitions", "Petitions"], ["#/petitions/ct-funding-gap", /713 million/], ["#/trainings", "Trainings"], ["#/meetings", "Meetings"], ["#/surveys", "Surveys"], ["#/stories", "Story moderation"], ["#/partners", "Partners"], ["#/webhooks", "Webhooks"], ["#/connectors", "CRM connectors"], ["#/messages", "Messages"], ["#/people", "People requests"], ["#/privacy", "Privacy & retention"]] as const) {
      await page.goto(`${demo.apiUrl}/admin/${hash}`);
      await page.getByRole("heading", { name: heading }).first().waitFor();
      await page.locator("[data-loaded]").first().waitFor();
      await page.addScriptTag({ content: axeSource });
      const found = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
        return (await axe.run(document, { resultTypes: ["violations"] })).violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      violations.push(...found.map((v) => `${hash}: ${v}`));
    }
    assert.deepEqual(violations, []);

    // Keyboard only: Tab to the email field of the people form (past the section links), type, Enter sends it.
    await page.goto(`${demo.apiUrl}/admin/#/people`);
    await page.getByRole("heading", { name: "People requests" }).waitFor();
    for (let i = 0; i < 16 && !(await page.getByLabel("Email").evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)); i += 1) await page.keyboard.press("Tab");
    await page.keyboard.type("nobody@example.org");
    await page.keyboard.press("Enter");
    await page.getByText("Nothing is held about this email.").waitFor();
    await context.close();
  });
});
