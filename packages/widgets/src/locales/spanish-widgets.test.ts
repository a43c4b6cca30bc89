// Spanish through the `locale` attribute, in real Chromium against the real API. lit-localize keeps
// one language per page; web-test-runner gives each test file its own page.
import { expect, fixture } from "@open-wc/testing";
import { html } from "lit";
import type { CkPetition } from "../petition/ck-petition.js";
import { $, API, KEY, admin, click, fillValid, ready, type, uniqueEmail, until } from "../test-support/helpers.js";

async function mountSpanish(): Promise<CkPetition> {
  const el = await fixture<CkPetition>(html`<ck-petition locale="es-MX" api=${API} partner=${KEY} petition="ct-funding-gap" poll-interval="0"></ck-petition>`);
  await ready(el);
  await until(() => $(el, "#ck-form-heading")?.textContent === "Añade tu nombre", "the Spanish form");
  return el;
}

describe("widgets in Spanish", () => {
  it("labels, buttons, count and goal are in Spanish, numbers in Mexican Spanish", async () => {
    const el = await mountSpanish();
    expect($(el, 'label[for="ck-firstName"]')!.textContent!.trim()).to.equal("Nombre");
    expect($(el, 'label[for="ck-zip"]')!.textContent!.trim()).to.equal("Código postal");
    expect($(el, 'button[type="submit"]')!.textContent!.trim()).to.equal("Añadir mi nombre");
    expect($(el, '[part~="target"]')!.textContent).to.equal("Para: Asamblea General de Connecticut");
    expect($(el, '[part~="count"]')!.textContent).to.match(/\d firmas?$/);
    expect($(el, ".goal")!.textContent).to.match(/ de 5,000 como meta$/);
    expect($(el, "fieldset legend")!.textContent).to.equal("Tu edad");
  });

  it("the organizer's words are in Spanish too: title, text, target and the consent checkboxes, each marked lang=es", async () => {
    const el = await mountSpanish();
    const title = $(el, '[part~="title"]')!;
    expect(title.textContent).to.match(/^Cierren la brecha de \$713 millones/);
    expect(title.getAttribute("lang")).to.equal("es");
    expect($(el, '[part~="target"] span')!.getAttribute("lang")).to.equal("es");
    expect($(el, '[part~="body"]')!.textContent).to.contain("Pedimos a la Asamblea General de Connecticut");
    const coalition = $(el, 'label[for="ck-consentCoalition"] span')!;
    expect(coalition.textContent).to.equal("Sí, CT Fund Our Schools Coalition puede enviarme correos sobre esta campaña. Puedo darme de baja en cualquier momento.");
    expect(coalition.getAttribute("lang")).to.equal("es");
    expect($(el, 'label[for="ck-consentPartner"]')!.textContent!.trim()).to.equal("Sí, Educators for Excellence puede enviarme correos sobre su trabajo. Puedo darme de baja en cualquier momento.");
  });

  it("a text left untranslated is shown in English and marked lang=en, inside the Spanish sentence around it", async () => {
    const slug = `half-translated-${Date.now().toString(36)}`;
    const created = await admin("/v1/admin/petitions", {
      method: "POST",
      body: { slug, title: { en: "Fund school counselors", es: "Financien a los consejeros escolares" }, body: "Every school needs a counselor.", target: "The Connecticut General Assembly", goal: 500 },
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const el = await fixture<CkPetition>(html`<ck-petition locale="es" api=${API} partner=${KEY} petition=${slug} poll-interval="0"></ck-petition>`);
    await ready(el);
    await until(() => $(el, '[part~="title"]')?.textContent === "Financien a los consejeros escolares", "the Spanish title");
    expect($(el, '[part~="title"]')!.getAttribute("lang")).to.equal("es");
    expect($(el, '[part~="target"]')!.textContent).to.equal("Para: The Connecticut General Assembly");
    expect($(el, '[part~="target"] span')!.getAttribute("lang")).to.equal("en");
    expect($(el, '[part~="body"]')!.getAttribute("lang")).to.equal("en");
  });

  it("a signature made here records the Spanish consent the signer ticked: the organizer's CSV says es", async () => {
    const el = await mountSpanish();
    const email = uniqueEmail("consent-es");
    await fillValid(el, email);
    click(el, "#ck-consentCoalition");
    click(el, 'button[type="submit"]');
    await until(() => $(el, "#ck-thanks"), "the thank-you");
    const csv = await admin<string>("/v1/admin/petitions/ct-funding-gap/signatures.csv");
    const [header, ...rows] = csv.body.trim().split(/\r\n/).map((line) => line.split(","));
    const row = rows.find((r) => r.includes(email))!;
    expect(row, "the signature is in the CSV").to.exist;
    expect(row[header!.indexOf("language")]).to.equal("es");
    expect(row[header!.indexOf("coalition_consent_language")]).to.equal("es");
    expect(row[header!.indexOf("coalition_consent_version")]).to.match(/^2026-09-coalition-v1\+es\.[0-9a-f]{8}$/);
  });

  it("field errors are the API's own, in Spanish, and nothing English is left on the form", async () => {
    const el = await mountSpanish();
    type(el, "firstName", "Maya");
    type(el, "email", "maya@");
    type(el, "zip", "651");
    click(el, 'button[type="submit"]');
    await until(() => $(el, "#email-error"), "email error");

    const api = await fetch(`${API}/v1/petitions/ct-funding-gap/signatures`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Partner-Key": KEY, "Accept-Language": "es" },
      body: JSON.stringify({ firstName: "Maya", email: "maya@", zip: "651" }),
    });
    const { error } = (await api.json()) as { error: { fields: Record<string, string> } };
    expect(error.fields.email).to.equal("Escribe un correo electrónico válido, como nombre@ejemplo.org.");
    expect($(el, "#email-error")!.textContent).to.equal(error.fields.email);
    expect($(el, "#zip-error")!.textContent).to.equal(error.fields.zip);
    expect($(el, "#ageBand-error")!.textContent).to.equal(error.fields.ageBand);
    expect($(el, '.visually-hidden[role="alert"]')!.textContent).to.equal("Corrige 3 campos.");
  });

  it("after signing, thanks and sharing are in Spanish", async () => {
    const el = await mountSpanish();
    await fillValid(el, uniqueEmail("es"));
    click(el, 'button[type="submit"]');
    const thanks = await until(() => $(el, "#ck-thanks"), "the thank-you");
    expect(thanks.textContent).to.equal("¡Gracias por añadir tu nombre!");
    await until(() => $(el, '[part~="share"]'), "the share panel");
    expect($(el, '[part~="share"] button')!.textContent).to.equal("Copiar enlace");
    expect($(el, ".success p")!.textContent).to.equal("Ahora compártela: cada nombre nos acerca a la meta.");
  });
});
