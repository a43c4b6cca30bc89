// <ck-petition> in real Chromium against the real API (started by web-test-runner.config.mjs).
import { expect, fixture } from "@open-wc/testing";
import { html } from "lit";
import { createClient } from "@coalition-kit/sdk";
import type { CkErrorDetail, CkSuccessDetail } from "../shared/events.js";
import { $, $$, API, KEY, click, countSettled, countShown, fillValid, mountPetition, ready, type, uniqueEmail, until } from "../test-support/helpers.js";
import { XSS } from "../test-support/fixtures.mjs";
import type { CkPetition } from "./ck-petition.js";

/** Send the form with a bad email, a short ZIP and no age group; wait for the errors. */
async function submitBadFields(el: CkPetition): Promise<void> {
  type(el, "firstName", "Maya");
  type(el, "email", "maya@");
  type(el, "zip", "651");
  click(el, 'button[type="submit"]');
  await until(() => $(el, "#email-error"), "email error");
}

describe("<ck-petition>", () => {
  it("shows the petition, live count, goal bar and every partner's count", async () => {
    const el = await mountPetition();
    await ready(el);
    expect($(el, '[part~="title"]')!.textContent).to.contain("$713 million");
    expect($(el, '[part~="target"]')!.textContent).to.equal("To: Connecticut General Assembly");
    const bar = $(el, '[role="progressbar"]')!;
    expect(bar.getAttribute("aria-valuemax")).to.equal("5000");
    expect(bar.getAttribute("aria-valuenow")).to.equal(String(countShown(el)));
    const partners = $$(el, '[part~="partners"] li').map((li) => li.querySelector(".partner-name")!.textContent);
    expect(partners).to.have.length(5);
    expect(partners).to.include("FaithActs for Education");
  });

  it("offers coalition and partner opt-ins, both unchecked; no partner box without a partner", async () => {
    const el = await mountPetition();
    await ready(el);
    const boxes = $$<HTMLInputElement>(el, ".consents input[type=checkbox]");
    expect(boxes.map((b) => b.name)).to.deep.equal(["consentCoalition", "consentPartner"]);
    expect(boxes.every((b) => !b.checked)).to.equal(true);
    expect($(el, 'label[for="ck-consentPartner"]')!.textContent).to.contain("Educators for Excellence");

    const noPartner = await fixture(html`<ck-provider .client=${createClient({ baseUrl: API })}><ck-petition petition="ct-funding-gap" poll-interval="0"></ck-petition></ck-provider>`);
    const inner = noPartner.querySelector("ck-petition")!;
    await ready(inner);
    expect($$<HTMLInputElement>(inner, ".consents input[type=checkbox]").map((b) => b.name)).to.deep.equal(["consentCoalition"]);
  });

  it("shows the API's own field messages, ties them to the fields and focuses the first", async () => {
    const el = await mountPetition();
    await ready(el);
    await submitBadFields(el);

    const api = await fetch(`${API}/v1/petitions/ct-funding-gap/signatures`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Partner-Key": KEY },
      body: JSON.stringify({ firstName: "Maya", email: "maya@", zip: "651" }),
    });
    const { error } = (await api.json()) as { error: { fields: Record<string, string> } };
    expect($(el, "#email-error")!.textContent).to.equal(error.fields.email);
    expect($(el, "#zip-error")!.textContent).to.equal(error.fields.zip);
    expect($(el, "#ageBand-error")!.textContent).to.equal(error.fields.ageBand);
    expect($(el, "#ck-email")!.getAttribute("aria-describedby")).to.equal("email-error");
    expect($(el, "#ck-email")!.getAttribute("aria-invalid")).to.equal("true");
    expect(el.shadowRoot!.activeElement?.id).to.equal("ck-email");

    type(el, "email", "maya@example.org");
    await el.updateComplete;
    expect($(el, "#email-error")).to.equal(null);
  });

  it("with the full SDK client, every bad field shows in one pass, the missing age group too, before anything is sent", async () => {
    let posts = 0;
    const counting: typeof fetch = (input, init) => {
      if ((init?.method ?? (input instanceof Request ? input.method : "GET")) === "POST") posts += 1;
      return fetch(input, init);
    };
    const client = createClient({ baseUrl: API, partnerKey: KEY, fetch: counting });
    const el = await fixture<CkPetition>(html`<ck-petition .client=${client} petition="ct-funding-gap" poll-interval="0"></ck-petition>`);
    await ready(el);
    await submitBadFields(el);
    expect([$(el, "#email-error"), $(el, "#zip-error"), $(el, "#ageBand-error")].map((e) => Boolean(e?.textContent))).to.deep.equal([true, true, true]);
    expect(posts, "nothing sent").to.equal(0);
  });

  it("signing raises the count, thanks the signer, moves focus there and fires events without personal data", async () => {
    const el = await mountPetition();
    await ready(el);
    const before = countShown(el);
    const events: Array<CustomEvent> = [];
    for (const name of ["ck-submit", "ck-success", "ck-error"]) document.addEventListener(name, (e) => events.push(e as CustomEvent));
    const email = uniqueEmail("wtr-sign");
    await fillValid(el, email);
    click(el, 'button[type="submit"]');
    await until(() => $(el, "#ck-thanks"), "thank-you");

    await until(() => countShown(el) === before + 1, "the count to rise by one");
    expect($(el, "#ck-thanks")!.textContent).to.contain("Thank you");
    expect(el.shadowRoot!.activeElement?.id).to.equal("ck-thanks");
    expect(events.map((e) => e.type)).to.deep.equal(["ck-submit", "ck-success"]);
    const success = events[1] as CustomEvent<CkSuccessDetail>;
    expect(success.bubbles && success.composed).to.equal(true);
    expect(success.detail).to.deep.equal({ widget: "petition", petition: "ct-funding-gap", status: "signed", total: before + 1 });
    expect(JSON.stringify(events.map((e) => e.detail))).not.to.contain("example.org");
    expect(JSON.stringify(events.map((e) => e.detail))).not.to.contain("Maya");
  });

  it("the same email again is told it already signed, and the count does not move", async () => {
    const email = uniqueEmail("wtr-twice");
    const first = await mountPetition();
    await ready(first);
    await fillValid(first, email);
    click(first, 'button[type="submit"]');
    await until(() => $(first, "#ck-thanks"), "first thank-you");
    const total = await countSettled(first);

    const again = await mountPetition();
    await ready(again);
    await fillValid(again, email.toUpperCase());
    click(again, 'button[type="submit"]');
    await until(() => $(again, "#ck-thanks"), "already-signed message");
    expect($(again, "#ck-thanks")!.textContent).to.contain("already signed");
    expect(await countSettled(again)).to.equal(total);
  });

  it("under 13 reveals guardian fields, requires them, then signs", async () => {
    const el = await mountPetition();
    await ready(el);
    type(el, "firstName", "Kai");
    type(el, "email", uniqueEmail("wtr-kid"));
    type(el, "zip", "06513");
    expect($(el, "#ck-guardianEmail")).to.equal(null);
    $<HTMLInputElement>(el, 'input[value="under_13"]')!.click();
    await el.updateComplete;
    expect($(el, "#ck-guardianEmail")).not.to.equal(null);
    expect($(el, 'label[for="ck-guardianConsent"]')!.textContent).to.contain("parent or guardian");

    click(el, 'button[type="submit"]');
    await until(() => $(el, "#guardianEmail-error"), "guardian errors");
    expect($(el, "#guardianConsent-error")!.textContent).to.contain("parent or guardian must agree");
    expect(el.shadowRoot!.activeElement?.id).to.equal("ck-guardianEmail");

    type(el, "guardianEmail", uniqueEmail("wtr-parent"));
    click(el, "#ck-guardianConsent");
    click(el, 'button[type="submit"]');
    await until(() => $(el, "#ck-thanks"), "thank-you");
  });

  it("a closed petition shows that it is closed and has no form", async () => {
    const el = await mountPetition({ petition: "closed-petition" });
    await until(() => $(el, ".closed"), "closed state");
    expect($(el, ".closed")!.textContent).to.contain("closed");
    expect($(el, "form")).to.equal(null);
  });

  it("when the API cannot be reached, says so and offers Retry", async () => {
    const errors: Array<CustomEvent<CkErrorDetail>> = [];
    document.addEventListener("ck-error", (e) => errors.push(e), { once: true });
    const el = await mountPetition({ api: "http://127.0.0.1:9" });
    await until(() => $(el, ".alert"), "load error");
    expect($(el, ".alert")!.textContent).to.contain("couldn't load");
    expect($(el, ".alert button")!.textContent!.trim()).to.equal("Try again");
    expect(errors[0]?.detail.code).to.equal("network");

    el.api = API;
    await until(() => $(el, "form"), "form after fixing the address");
  });

  it("a lost response keeps what was typed, and resubmitting stores one signature, not two", async () => {
    let dropResponses = true;
    const flaky: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const method = input instanceof Request ? input.method : init?.method;
      if (dropResponses && method === "POST") throw new TypeError("Failed to fetch"); // the connection dropped after the server answered
      return response;
    };
    const client = createClient({ baseUrl: API, partnerKey: KEY, fetch: flaky, retries: 0 });
    const el = await fixture<HTMLElement & { updateComplete: Promise<boolean> }>(html`<ck-petition .client=${client} petition="ct-funding-gap" poll-interval="0"></ck-petition>`);
    const pet = el as unknown as Parameters<typeof ready>[0];
    await ready(pet);
    const before = countShown(pet);
    const email = uniqueEmail("wtr-flaky");
    await fillValid(pet, email);
    click(pet, 'button[type="submit"]');
    await until(() => $(pet, ".alert"), "submit error");
    expect($(pet, ".alert")!.getAttribute("role")).to.equal("alert");
    expect($<HTMLInputElement>(pet, "#ck-email")!.value).to.equal(email);

    dropResponses = false;
    click(pet, 'button[type="submit"]');
    await until(() => $(pet, "#ck-thanks"), "thank-you after retry");
    expect($(pet, "#ck-thanks")!.textContent).to.contain("Thank you for adding your name");
    await until(() => countShown(pet) === before + 1, "the count to rise by one");
  });

  it("renders HTML from the API and typed by visitors as inert text", async () => {
    const el = await mountPetition({ petition: "xss-petition" });
    await ready(el);
    expect($(el, '[part~="title"]')!.textContent).to.equal(`Title ${XSS}`);
    expect($(el, 'label[for="ck-consentCoalition"]')!.textContent).to.contain(XSS);
    type(el, "firstName", XSS);
    click(el, 'button[type="submit"]');
    await until(() => $(el, "#email-error"), "validation");
    expect(el.shadowRoot!.querySelectorAll("img, script").length).to.equal(0);
    expect((window as unknown as { __ckXss?: number }).__ckXss).to.equal(undefined);
  });
});
