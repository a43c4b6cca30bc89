// An organizer translates a petition into Spanish in the console, in real Chromium against the real
// API: the petition page lists every text as missing a translation; a Spanish title over the limit
// gets the API's words next to that field and nothing is saved; a Spanish title and coalition
// consent are saved, the missing list shrinks, the public read in Spanish answers with them, and the
// demo partner page in Spanish shows the Spanish title in the widget.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { AdminPetitionDetail } from "@coalition-kit/schema";
import { DB_LABEL } from "../support/env.js";
import { demoInChromium } from "../support/demo.js";
import { axeViolations } from "../support/axe.js";
import { consoleSignIn, cspViolations, focused } from "../support/console.js";

const SLUG = "e2e-translate-me";
const TITLE_ES = "E2E: Financiemos a los consejeros escolares";
const CONSENT_ES = "Sí, la coalición puede escribirme sobre esta campaña.";

describe(`console: a petition's Spanish translation, in Chromium (${DB_LABEL})`, () => {
  const env = demoInChromium();
  const signedIn = consoleSignIn(env, "ct-fund-our-schools", "Petitions", "ck-admin-petitions");
  const auth = async () => ({ Authorization: `Bearer ${await signedIn.secretKey()}` });
  const savedDetail = async () => AdminPetitionDetail.parse(await (await fetch(`${env.demo.apiUrl}/v1/admin/petitions/${SLUG}`, { headers: await auth() })).json());

  test("every text starts missing; too long a title is refused by its field; a saved translation is what Spanish readers get", async () => {
    const created = await fetch(`${env.demo.apiUrl}/v1/admin/petitions`, {
      method: "POST",
      headers: { ...(await auth()), "Content-Type": "application/json", "Idempotency-Key": "e2e-translate-create" },
      body: JSON.stringify({ slug: SLUG, title: "E2E: Fund school counselors", body: "Every school needs a counselor.", target: "The Connecticut General Assembly", goal: 500 }),
    });
    assert.equal(created.status, 201, await created.clone().text());

    const context = await env.browser.newContext();
    const page = await signedIn(context);
    const violations = cspViolations(page);
    await page.goto(`${env.demo.apiUrl}/admin/#/petitions/${SLUG}`);
    const section = page.locator("ck-admin-petition-translations");
    const missing = section.locator("p.missing");
    await missing.waitFor();
    assert.equal(
      (await missing.innerText()).trim(),
      "Still without a Spanish translation: Title, Addressed to, Text, Coalition consent, Partner consent, Guardian consent.",
    );

    const form = page.getByRole("form", { name: "Spanish translation" });
    assert.equal(await form.getByText("E2E: Fund school counselors", { exact: true }).count(), 1, "the English title is shown beside its Spanish field");
    const title = form.getByLabel("Spanish: Title");
    const coalition = form.getByLabel("Spanish: Coalition consent");
    assert.equal(await title.inputValue(), "");

    // Too long: the words of the API's contract by the field, the focus on it, nothing saved.
    await title.fill("x".repeat(201));
    await coalition.fill(CONSENT_ES);
    await form.getByRole("button", { name: "Save Spanish translation" }).click();
    await form.getByText("Spanish title must be at most 200 characters.").waitFor();
    assert.equal(await title.getAttribute("aria-invalid"), "true");
    assert.match((await title.getAttribute("aria-describedby")) ?? "", /title\.es-error/);
    assert.ok(await focused(title), "the focus moved to the field in error");
    const untouched = await savedDetail();
    assert.equal(untouched.content?.title["es"], undefined, "nothing was saved");
    assert.equal(untouched.content?.consent.coalition.text["es"], undefined, "nothing was saved");
    assert.equal(await coalition.inputValue(), CONSENT_ES, "what was typed stays");

    // Fixed and saved: the list shrinks, and the form shows what was saved.
    await title.fill(TITLE_ES);
    await form.getByRole("button", { name: "Save Spanish translation" }).click();
    await section.getByText("Spanish translation saved.").waitFor();
    assert.equal((await missing.innerText()).trim(), "Still without a Spanish translation: Addressed to, Text, Partner consent, Guardian consent.");
    assert.equal(await title.inputValue(), TITLE_ES);
    assert.equal(await form.getByText("Spanish title must be at most 200 characters.").count(), 0);
    assert.deepEqual(violations, []);

    const saved = await savedDetail();
    assert.deepEqual(saved.content?.title, { en: "E2E: Fund school counselors", es: TITLE_ES });
    assert.deepEqual([...(saved.content?.missing["es"] ?? [])].sort(), ["body", "consent.guardian", "consent.partner", "target"]);
    assert.equal(saved.content?.consent.coalition.text["es"], CONSENT_ES);
    assert.equal(saved.content?.consent.coalition.version, untouched.content?.consent.coalition.version, "the English version is sent back unchanged");

    // The public read in Spanish, as a partner page on an allowed origin makes it.
    const read = await fetch(`${env.demo.apiUrl}/v1/petitions/${SLUG}?key=pk_demo_e4e`, { headers: { Origin: env.demo.siteUrl, "Accept-Language": "es" } });
    assert.equal(read.status, 200, await read.clone().text());
    const publicText = await read.text();
    assert.ok(publicText.includes(TITLE_ES), `the Spanish title in ${publicText}`);
    assert.ok(publicText.includes(CONSENT_ES), `the Spanish coalition consent in ${publicText}`);
    await context.close();
  });

  test("the petition page previews the real widget in English and in Spanish, inert, with no CSP violation", async () => {
    const context = await env.browser.newContext();
    const page = await signedIn(context);
    const violations = cspViolations(page);
    await page.goto(`${env.demo.apiUrl}/admin/#/petitions/${SLUG}`);
    const preview = page.locator("ck-admin-widget-preview");
    const widget = preview.locator("ck-petition");
    await widget.locator('[part~="title"]').getByText("E2E: Fund school counselors").waitFor();
    assert.equal(await widget.locator('[part~="title"]').getAttribute("lang"), "en");

    await preview.getByLabel("Spanish (Español)").check();
    const title = preview.locator('ck-petition[locale="es"] [part~="title"]');
    await title.getByText(TITLE_ES).waitFor();
    assert.equal(await title.getAttribute("lang"), "es");
    const es = preview.locator('ck-petition[locale="es"]');
    await es.getByText("Añade tu nombre").first().waitFor();
    assert.equal(await es.locator('label[for="ck-consentCoalition"] span').innerText(), CONSENT_ES, "the saved Spanish consent beside its checkbox");
    assert.equal(await es.locator('[part~="target"] span').getAttribute("lang"), "en", "the untranslated target stays English, marked so");
    assert.equal(await preview.locator(".frame").evaluate((el) => (el as HTMLElement).inert), true, "nothing in the preview can be used");
    assert.deepEqual(violations, []);
    await context.close();
  });

  test("the demo partner page in Spanish shows the Spanish title in the widget; axe finds nothing on the form", async () => {
    const context = await env.browser.newContext({ locale: "es-US" });
    const partner = await context.newPage();
    await partner.goto(`${env.demo.siteUrl}/campaign.html?petition=${SLUG}`);
    await partner.locator("ck-petition").evaluate((el) => el.setAttribute("locale", "es"));
    await partner.locator("ck-petition").getByText(TITLE_ES).first().waitFor();

    const axeContext = await env.browser.newContext({ bypassCSP: true });
    const page = await signedIn(axeContext);
    await page.goto(`${env.demo.apiUrl}/admin/#/petitions/${SLUG}`);
    await page.getByRole("form", { name: "Spanish translation" }).waitFor();
    assert.deepEqual(await axeViolations(page), [], "the translation form");
    await axeContext.close();
    await context.close();
  });
});
