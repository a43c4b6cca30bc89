// Keyboard-only paths in real Chromium against the real API: real key presses, no clicks.
import { expect, fixture } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import { html } from "lit";
import "./define.js";
import { API, KEY, uniqueEmail, until } from "./test-support/helpers.js";

type El = HTMLElement & { shadowRoot: ShadowRoot; updateComplete: Promise<boolean> };
const active = (el: El) => el.shadowRoot.activeElement as HTMLElement | null;

async function tabTo(el: El, id: string, max = 30): Promise<void> {
  for (let i = 0; i < max && active(el)?.id !== id; i += 1) await sendKeys({ press: "Tab" });
  expect(active(el)?.id).to.equal(id);
}

describe("keyboard-only use", () => {
  it("a petition can be signed with Tab, typing, arrow keys, Space and Enter", async () => {
    const el = await fixture<El>(html`<ck-petition api=${API} partner=${KEY} petition="ct-funding-gap" poll-interval="0"></ck-petition>`);
    await until(() => el.shadowRoot.querySelector("form"), "form");
    el.shadowRoot.querySelector<HTMLElement>("#ck-firstName")!.focus();
    await sendKeys({ type: "Keyboard" });
    await tabTo(el, "ck-email");
    await sendKeys({ type: uniqueEmail("wtr-keys") });
    await tabTo(el, "ck-zip");
    await sendKeys({ type: "06511" });
    await tabTo(el, "ck-ageBand");
    await sendKeys({ press: "ArrowDown" });
    await sendKeys({ press: "ArrowDown" });
    expect(el.shadowRoot.querySelector<HTMLInputElement>('input[value="18_plus"]')!.checked).to.equal(true);
    await tabTo(el, "ck-consentCoalition");
    await sendKeys({ press: "Space" });
    expect(el.shadowRoot.querySelector<HTMLInputElement>("#ck-consentCoalition")!.checked).to.equal(true);
    el.shadowRoot.querySelector<HTMLElement>("#ck-zip")!.focus();
    await sendKeys({ press: "Enter" });
    await until(() => el.shadowRoot.querySelector("#ck-thanks"), "thank-you");
    expect(active(el)?.id).to.equal("ck-thanks");
  });

  it("a survey step is answered with arrow keys and Enter moves on", async () => {
    const el = await fixture<El>(html`<ck-survey api=${API} partner="pk_demo_sej_site" survey="students-over-sros" variant="all-nhps"></ck-survey>`);
    await until(() => el.shadowRoot.querySelector("form"), "survey");
    el.shadowRoot.querySelector<HTMLElement>("#ck-q-school")!.focus();
    await sendKeys({ press: "ArrowDown" });
    await el.updateComplete;
    expect(el.shadowRoot.querySelector<HTMLInputElement>('input[value="coop"]')!.checked).to.equal(true);
    await sendKeys({ press: "Enter" });
    await until(() => /Question 2 of/.test(el.shadowRoot.querySelector(".progress p")?.textContent ?? ""), "step 2");
    expect(active(el)?.id).to.equal("ck-q-grade");
  });
});
