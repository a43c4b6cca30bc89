// layout="form-first" in real Chromium against the real API: the form comes before the petition's
// text, which waits folded under "Read the full petition" and opens on a click.
import { expect, fixture } from "@open-wc/testing";
import { html } from "lit";
import type { CkPetition } from "./ck-petition.js";
import { $, API, KEY, ready } from "../test-support/helpers.js";

const mount = async (layout?: string) => {
  const el = await fixture<CkPetition>(html`<ck-petition api=${API} partner=${KEY} petition="ct-funding-gap" poll-interval="0" layout=${layout ?? ""}></ck-petition>`);
  await ready(el);
  return el;
};

describe("petition layout", () => {
  it("form-first: the first field is above the text, which opens on a click on its summary", async () => {
    const el = await mount("form-first");
    const input = $<HTMLInputElement>(el, "#ck-firstName")!;
    const body = $(el, '[part~="body"]')!;
    expect(input.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING, "the text follows the form in the DOM").to.not.equal(0);
    const summary = $<HTMLElement>(el, "details > summary")!;
    expect(summary.textContent).to.equal("Read the full petition");
    expect(summary.getBoundingClientRect().top, "the fold is below the field").to.be.above(input.getBoundingClientRect().bottom);
    expect(body.checkVisibility(), "folded: not shown").to.equal(false);

    summary.click();
    await el.updateComplete;
    expect($<HTMLDetailsElement>(el, "details")!.open).to.equal(true);
    expect(body.checkVisibility(), "open: shown").to.equal(true);
    expect(body.textContent).to.contain("Connecticut");
    expect(body.getBoundingClientRect().top).to.be.above(input.getBoundingClientRect().bottom);
  });

  it("text-first (the default): the text is shown above the form, with nothing folded", async () => {
    const el = await mount();
    const body = $(el, '[part~="body"]')!;
    expect($(el, "details"), "nothing folded").to.equal(null);
    expect(body.checkVisibility()).to.equal(true);
    expect(body.getBoundingClientRect().bottom).to.be.at.most($(el, "#ck-firstName")!.getBoundingClientRect().top);
  });
});
