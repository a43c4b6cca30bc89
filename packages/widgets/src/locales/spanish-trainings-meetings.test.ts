// The organizer's Spanish texts in <ck-meeting-rsvp> and <ck-training-calendar> on a Spanish page
// (the `locale` attribute), in real Chromium against the real API: each text is marked with its
// language, and an RSVP or registration made here records the Spanish consent the person ticked.
// lit-localize keeps one language per page; web-test-runner gives each test file its own page.
import { expect, fixture } from "@open-wc/testing";
import { html } from "lit";
import "../define.js";
import type { CkMeetingRsvp } from "../meeting/ck-meeting-rsvp.js";
import type { CkTrainingCalendar } from "../training/ck-training-calendar.js";
import { API, KEY, admin, uniqueEmail, until } from "../test-support/helpers.js";

type Consent = { scope: string; text: string; version: string; language: string };
const q = <E extends Element = HTMLElement>(el: HTMLElement, s: string) => el.shadowRoot!.querySelector<E>(s);

function fill(el: HTMLElement, values: Record<string, string>) {
  for (const [id, value] of Object.entries(values)) {
    const input = q<HTMLInputElement>(el, `#ck-${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }
}

describe("the organizer's texts in Spanish", () => {
  it("a meeting: title, description, one-week note and consent in Spanish, marked lang=es; an RSVP here records the Spanish consent", async () => {
    const el = await fixture<CkMeetingRsvp>(html`<ck-meeting-rsvp locale="es" api=${API} partner="pk_demo_sej_site" meeting="wtr-meetings" count="4" time-zone="America/New_York"></ck-meeting-rsvp>`);
    await until(() => q(el, ".occurrences"), "the meetings");
    const title = q(el, "#ck-meeting-title")!;
    expect([title.textContent, title.getAttribute("lang")]).to.deep.equal(["Reunión de miembros de prueba", "es"]);
    expect(q(el, ".muted[lang]")!.textContent).to.equal("Semanal, dirigida por jóvenes.");
    const notes = [...el.shadowRoot!.querySelectorAll<HTMLElement>(".note")];
    expect(notes.map((n) => [n.textContent, n.getAttribute("lang")])).to.deep.equal([
      ["No hay reunión esta semana.", "es"],
      ["¡En persona y con comida!", "es"],
    ]);

    q<HTMLButtonElement>(el, ".occurrence button.primary")!.click();
    await until(() => q(el, "#ck-response"), "the RSVP form");
    const coalition = q(el, 'label[for="ck-consentCoalition"] span')!;
    expect([coalition.textContent, coalition.getAttribute("lang")]).to.deep.equal(["Sí, SEJ puede enviarme correos.", "es"]);
    expect(q(el, "#ck-consentPartner"), "SEJ hosts its own meetings: one consent line, not the same organization twice").to.equal(null);

    const email = uniqueEmail("rsvp-es");
    q<HTMLInputElement>(el, 'input[name="response"][value="yes"]')!.click();
    fill(el, { firstName: "Luz", email });
    q<HTMLInputElement>(el, "#ck-consentCoalition")!.click();
    await el.updateComplete;
    q<HTMLButtonElement>(el, '.form button[type="submit"]')!.click();
    await until(() => q(el, "#ck-saved"), "the RSVP to be saved");
    const person = await admin<{ consents: Consent[] }>(`/v1/admin/people?email=${encodeURIComponent(email)}`, { organization: "sej" });
    expect(person.status).to.equal(200);
    expect(person.body.consents.map((c) => [c.scope, c.text, c.language])).to.deep.equal([["coalition", "Sí, SEJ puede enviarme correos.", "es"]]);
    expect(person.body.consents[0]!.version).to.match(/^t1\+es\.[0-9a-f]{8}$/);
  });

  it("a training series: series, session, leader's role and consent in Spanish, marked lang=es; a registration here records the Spanish consent", async () => {
    const el = await fixture<CkTrainingCalendar>(html`<ck-training-calendar locale="es" api=${API} partner=${KEY} series="wtr-trainings" time-zone="America/New_York"></ck-training-calendar>`);
    await until(() => q(el, ".sessions"), "the sessions");
    const title = q(el, "#ck-cal-title")!;
    expect([title.textContent, title.getAttribute("lang")]).to.deep.equal(["Capacitaciones de prueba", "es"]);
    const card = [...el.shadowRoot!.querySelectorAll<HTMLElement>(".session")].find((c) => c.querySelector(".session-title")?.textContent === "Sesión grande y abierta")!;
    expect(card, "the Spanish session title").to.exist;
    expect(card.querySelector(".session-title")!.getAttribute("lang")).to.equal("es");
    expect(card.querySelector(".description")!.textContent).to.equal("Sobre la sesión grande y abierta.");
    const role = card.querySelector<HTMLElement>(".leaders span[lang]")!;
    expect([role.textContent, role.getAttribute("lang")]).to.deep.equal(["Organizadora principal", "es"]);
    const other = [...el.shadowRoot!.querySelectorAll<HTMLElement>(".session-title")].find((t) => t.textContent === "One seat only")!;
    expect(other.getAttribute("lang"), "a session without Spanish shows its English title, marked en").to.equal("en");

    card.querySelector<HTMLButtonElement>("button.primary")!.click();
    await until(() => q(el, "#ck-firstName"), "the registration form");
    const coalition = q(el, 'label[for="ck-consentCoalition"] span')!;
    expect([coalition.textContent, coalition.getAttribute("lang")]).to.deep.equal(["Sí, la coalición puede enviarme correos.", "es"]);
    const email = uniqueEmail("train-es");
    fill(el, { firstName: "Dee", email });
    q<HTMLInputElement>(el, "#ck-consentCoalition")!.click();
    await el.updateComplete;
    card.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => card.querySelector(".result-heading"), "the registration result");
    const person = await admin<{ consents: Consent[] }>(`/v1/admin/people?email=${encodeURIComponent(email)}`);
    expect(person.body.consents.map((c) => [c.scope, c.text, c.language])).to.deep.equal([["coalition", "Sí, la coalición puede enviarme correos.", "es"]]);
    expect(person.body.consents[0]!.version).to.match(/^t1\+es\.[0-9a-f]{8}$/);
  });
});
