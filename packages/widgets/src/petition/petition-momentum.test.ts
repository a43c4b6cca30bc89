// Momentum on the widget, in real Chromium against the real API: a petition that hides a small
// count shows its goal alone until the count reaches the organizer's threshold, and one that
// raises its goal shows the next goal once 90 % of it is reached.
import { expect, fixture } from "@open-wc/testing";
import { html } from "lit";
import type { CkPetition } from "./ck-petition.js";
import { $, API, KEY, createPetition, ready, signTimes } from "../test-support/helpers.js";

const mount = async (slug: string) => {
  const el = await fixture<CkPetition>(html`<ck-petition api=${API} partner=${KEY} petition=${slug} poll-interval="0"></ck-petition>`);
  await ready(el);
  return el;
};

describe("petition momentum", () => {
  it("a first signature shows on the bar: 1 of 5,000 is a visible sliver, none is an empty bar", async () => {
    const slug = await createPetition({ goal: 5000 }, "momentum");
    const empty = await mount(slug);
    expect($(empty, ".fill")!.getBoundingClientRect().width, "no one yet: empty").to.equal(0);
    await signTimes(slug, 1);
    const one = await mount(slug);
    expect($(one, ".goal")!.textContent).to.equal("1 of 5,000 goal");
    await new Promise((resolve) => setTimeout(resolve, 700)); // the bar's width transition
    const fill = $(one, ".fill")!.getBoundingClientRect().width;
    const bar = $(one, '[role="progressbar"]')!.getBoundingClientRect().width;
    expect(fill, `${fill}px of ${bar}px`).to.be.at.least(6);
    expect(fill / bar).to.be.below(0.05);
  });

  it("below the threshold only the goal shows; at the threshold the count, bar and partners appear", async () => {
    const slug = await createPetition({ countShownFrom: 3 }, "momentum");
    await signTimes(slug, 2);
    const early = await mount(slug);
    expect($(early, '[part~="count"]')!.textContent!.trim()).to.equal("Help us reach 10 signatures.");
    expect($(early, '[role="progressbar"]'), "no bar").to.equal(null);
    expect($(early, '[part~="partners"]'), "no partner counts").to.equal(null);
    await signTimes(slug, 1);
    const later = await mount(slug);
    expect($(later, '[part~="count"]')!.textContent!.trim()).to.equal("3 signatures");
    expect($(later, '[role="progressbar"]')).to.exist;
  });

  it("a petition that raises its goal shows 9 of 20 once 9 of its 10 have signed", async () => {
    const slug = await createPetition({ autoGoal: true }, "momentum");
    await signTimes(slug, 9);
    const el = await mount(slug);
    expect($(el, ".goal")!.textContent).to.equal("9 of 20 goal");
    expect($(el, '[role="progressbar"]')!.getAttribute("aria-valuemax")).to.equal("20");
  });
});
