// The theme presets in themes/, linked the way a partner links them, in real Chromium against the
// real API: a widget stays light on a light page even when the system is dark, dark.css makes it
// dark, auto.css follows the system, reduced motion stops the progress bar's animation, and
// checkboxes and radio buttons are at least 24 x 24 CSS px (WCAG 2.2 target size).
import { expect, fixtureCleanup } from "@open-wc/testing";
import { emulateMedia } from "@web/test-runner-commands";
import type { CkPetition } from "../petition/ck-petition.js";
import { $, $$, mountPetition, ready } from "../test-support/helpers.js";

/** Link themes/<name>.css into the page, as a partner's <link rel="stylesheet"> does, and wait for it. */
async function linkPreset(name: string): Promise<HTMLLinkElement> {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = `/themes/${name}.css`;
  const loaded = new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = reject;
  });
  document.head.append(link);
  await loaded;
  return link;
}

async function petition(): Promise<CkPetition> {
  const el = await mountPetition();
  await ready(el);
  return el;
}

const boxColour = (el: CkPetition) => getComputedStyle($(el, ".container")!).backgroundColor;
const textColour = (el: CkPetition) => getComputedStyle($(el, ".container")!).color;

describe("theme presets", () => {
  let link: HTMLLinkElement | undefined;
  afterEach(async () => {
    link?.remove();
    link = undefined;
    fixtureCleanup();
    await emulateMedia({ colorScheme: "light", reducedMotion: "no-preference" });
  });

  it("without a preset a widget stays light when the system is dark (the partner's page may be light)", async () => {
    await emulateMedia({ colorScheme: "dark" });
    const el = await petition();
    expect(boxColour(el)).to.equal("rgb(255, 255, 255)");
    expect(textColour(el)).to.equal("rgb(28, 36, 48)");
  });

  it("dark.css makes every part dark: the box, the text and the inputs", async () => {
    link = await linkPreset("dark");
    const el = await petition();
    expect(boxColour(el)).to.equal("rgb(22, 27, 34)");
    expect(textColour(el)).to.equal("rgb(232, 236, 241)");
    expect(getComputedStyle($(el, "#ck-email")!).backgroundColor).to.equal("rgb(22, 27, 34)");
  });

  it("high-contrast.css: black text, black borders, a larger font", async () => {
    link = await linkPreset("high-contrast");
    const el = await petition();
    expect(textColour(el)).to.equal("rgb(0, 0, 0)");
    expect(getComputedStyle($(el, "#ck-email")!).borderTopColor).to.equal("rgb(0, 0, 0)");
    expect(getComputedStyle(el).fontSize).to.equal("17px");
  });

  it("auto.css follows the system: light, then dark when the system turns dark", async () => {
    link = await linkPreset("auto");
    const el = await petition();
    expect(boxColour(el)).to.equal("rgb(255, 255, 255)");
    await emulateMedia({ colorScheme: "dark" });
    expect(boxColour(el)).to.equal("rgb(22, 27, 34)");
  });

  it("reduced motion turns the progress bar's animation off", async () => {
    const el = await petition();
    expect(getComputedStyle($(el, ".fill")!).transitionDuration).to.equal("0.6s");
    await emulateMedia({ reducedMotion: "reduce" });
    expect(getComputedStyle($(el, ".fill")!).transitionDuration).to.equal("0s");
  });

  it("checkboxes and radio buttons are at least 24 x 24 CSS px on their own", async () => {
    const el = await petition();
    const boxes = $$<HTMLInputElement>(el, 'input[type="checkbox"], input[type="radio"]');
    expect(boxes.length).to.be.greaterThan(2);
    for (const box of boxes) {
      const { width, height } = box.getBoundingClientRect();
      expect(Math.min(width, height), box.id || box.value).to.be.at.least(24);
    }
  });
});
