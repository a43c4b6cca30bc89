// Sharing that recruits, in real Chromium against the real API: the thank-you panel shares this
// page with the signer's own code (WhatsApp, text message, email, Facebook and X where the device
// has no share sheet), and someone signing from that link counts as recruited by the signer,
// which the organizer sees as one more signature one step from the first sharer.
import { expect, fixture } from "@open-wc/testing";
import { html } from "lit";
import type { CkPetition } from "./ck-petition.js";
import { $, $$, API, KEY, admin, click, fillValid, ready, uniqueEmail, until } from "../test-support/helpers.js";

type Referrals = { recruited: number; sharers: number; byDepth: Array<{ depth: number; count: number }> };

async function signHere(): Promise<CkPetition> {
  const el = await fixture<CkPetition>(html`<ck-petition api=${API} partner=${KEY} petition="ct-funding-gap" poll-interval="0"></ck-petition>`);
  await ready(el);
  await fillValid(el, uniqueEmail("share"));
  click(el, 'button[type="submit"]');
  await until(() => $(el, "#ck-share-url"), "the share panel");
  return el;
}

describe("sharing a petition", () => {
  const start = location.href;
  afterEach(() => history.replaceState(null, "", start));

  it("the share link carries the signer's own code, in the copy field and in every share link", async () => {
    const el = await signHere();
    const shared = new URL(($<HTMLInputElement>(el, "#ck-share-url"))!.value);
    const ref = shared.searchParams.get("ck_ref");
    expect(ref).to.match(/^[A-Za-z0-9_-]{22}$/);
    expect(shared.origin + shared.pathname).to.equal(location.origin + location.pathname, "this page, where the widget is");
    const links = $$<HTMLAnchorElement>(el, 'nav[part~="share-links"] a');
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal(["WhatsApp", "Text message", "Email", "Facebook", "X"]);
    for (const a of links) {
      expect(decodeURIComponent(a.href), a.textContent!).to.contain(`ck_ref=${ref}`);
      if (a.protocol === "https:") expect(a.rel).to.equal("noopener noreferrer");
    }
  });

  it("someone who signs from that link counts as recruited by the signer", async () => {
    const before = (await admin<{ referrals: Referrals }>("/v1/admin/petitions/ct-funding-gap")).body.referrals;
    const first = await signHere();
    const link = new URL(($<HTMLInputElement>(first, "#ck-share-url"))!.value);
    // The friend opens the shared link: this page with the code in its address.
    history.replaceState(null, "", `${location.pathname}${link.search}`);
    const friend = await signHere();
    const friendsCode = new URL(($<HTMLInputElement>(friend, "#ck-share-url"))!.value).searchParams.get("ck_ref");
    expect(friendsCode, "the friend shares a code of their own").to.not.equal(link.searchParams.get("ck_ref"));
    const after = (await admin<{ referrals: Referrals }>("/v1/admin/petitions/ct-funding-gap")).body.referrals;
    expect(after.recruited).to.equal(before.recruited + 1);
    expect(after.sharers).to.equal(before.sharers + 1);
    const depth1 = (r: Referrals) => r.byDepth.find((d) => d.depth === 1)?.count ?? 0;
    expect(depth1(after)).to.equal(depth1(before) + 1);
  });
});
