// <ck-provider> shares one API address and partner key with every widget inside it, in real
// Chromium against the real API: a petition and a training calendar both load through it, and a
// signature made inside it is attributed to the provider's partner.
import { expect, fixture } from "@open-wc/testing";
import { html } from "lit";
import type { CkPetition } from "../petition/ck-petition.js";
import { $, API, KEY, click, fillValid, ready, uniqueEmail, until } from "../test-support/helpers.js";

type Shadowed = HTMLElement & { shadowRoot: ShadowRoot };

describe("<ck-provider>", () => {
  it("gives a petition and a training calendar their API and partner; a signature inside counts for that partner", async () => {
    const root = await fixture<HTMLElement>(html`<ck-provider api=${API} partner=${KEY}>
      <ck-petition petition="ct-funding-gap" poll-interval="0"></ck-petition>
      <ck-training-calendar series="wtr-trainings"></ck-training-calendar>
    </ck-provider>`);
    const petition = root.querySelector<CkPetition>("ck-petition")!;
    const calendar = root.querySelector<Shadowed>("ck-training-calendar")!;
    await ready(petition);
    await until(() => calendar.shadowRoot.querySelector('[part~="title"], h2'), "the training series");
    const partnerCount = () => {
      const row = [...petition.shadowRoot!.querySelectorAll(".partners li")].find((li) => li.querySelector(".partner-name")?.textContent === "Educators for Excellence");
      return Number(row?.querySelector(".partner-count")?.textContent?.replace(/\D/g, "") ?? NaN);
    };
    expect(partnerCount()).to.be.at.least(0);
    const before = partnerCount();
    await fillValid(petition, uniqueEmail("provider"));
    click(petition, 'button[type="submit"]');
    await until(() => $(petition, "#ck-thanks"), "the thank-you");
    await until(() => partnerCount() === before + 1, "Educators for Excellence's count to rise");
  });
});
