// The live count when it changes, in real Chromium against the real API: it rises to the new total
// through the numbers between (screen readers hear only the total, once), and under reduced motion
// it goes straight there.
import { expect, fixture } from "@open-wc/testing";
import { emulateMedia } from "@web/test-runner-commands";
import { html } from "lit";
import type { CkPetition } from "./ck-petition.js";
import { $, API, KEY, countShown, createPetition, ready, signTimes, until } from "../test-support/helpers.js";

/** Every (number, live region busy) the count shows until it reads `total`. */
async function watchCount(el: CkPetition, total: number): Promise<Array<[number, string | null]>> {
  const seen: Array<[number, string | null]> = [];
  const note = () => seen.push([countShown(el), $(el, '[part~="count"]')!.getAttribute("aria-busy")]);
  const observer = new MutationObserver(note);
  observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
  el.pollInterval = 50; // the next refresh brings the others' signatures
  await until(() => countShown(el) === total && $(el, '[part~="count"]')!.getAttribute("aria-busy") === "false", `the count to land on ${total}`);
  observer.disconnect();
  el.pollInterval = 0;
  return seen;
}

describe("petition count", () => {
  afterEach(() => emulateMedia({ reducedMotion: "no-preference" }));

  it("counts up to a new total through the numbers between; the live region is busy until it lands", async () => {
    const slug = await createPetition({ goal: 100 }, "count");
    const el = await fixture<CkPetition>(html`<ck-petition api=${API} partner=${KEY} petition=${slug} poll-interval="0"></ck-petition>`);
    await ready(el);
    expect(countShown(el)).to.equal(0);
    await signTimes(slug, 20);
    const seen = await watchCount(el, 20);
    const numbers = seen.map(([n]) => n);
    expect(numbers.some((n) => n > 0 && n < 20), `numbers between 0 and 20 in ${numbers}`).to.equal(true);
    expect(numbers, "never down, never past the total").to.deep.equal([...numbers].sort((a, b) => a - b).filter((n) => n <= 20));
    expect(seen.filter(([n, busy]) => n < 20 && n > 0 && busy !== "true"), "steps on the way are not announced").to.deep.equal([]);
    expect($(el, '[role="progressbar"]')!.getAttribute("aria-valuenow")).to.equal("20");
  });

  it("under reduced motion the count goes straight to the new total", async () => {
    await emulateMedia({ reducedMotion: "reduce" });
    const slug = await createPetition({ goal: 100 }, "count");
    const el = await fixture<CkPetition>(html`<ck-petition api=${API} partner=${KEY} petition=${slug} poll-interval="0"></ck-petition>`);
    await ready(el);
    await signTimes(slug, 20);
    const numbers = (await watchCount(el, 20)).map(([n]) => n);
    expect(numbers.filter((n) => n !== 0 && n !== 20), "no number between").to.deep.equal([]);
  });
});
