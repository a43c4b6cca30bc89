// A class signing together behind one school address, in real Chromium against the real API with
// a classroom's limits (2 writes a minute from one address before a proof-of-work is asked): every
// student's signature goes through, the widget solving the API's challenge on the way, and the API
// itself refuses a write that does not solve it.
import { expect, fixture } from "@open-wc/testing";
import { html } from "lit";
import type { CkPetition } from "./ck-petition.js";
import { $, CLASSROOM_API, KEY, admin, click, fillValid, ready, uniqueEmail, until } from "../test-support/helpers.js";

/** One student at the shared laptop: a fresh widget, the form filled and sent, the thank-you on screen. */
async function signAsStudent(email: string): Promise<void> {
  const el = await fixture<CkPetition>(html`<ck-petition api=${CLASSROOM_API} partner=${KEY} petition="ct-funding-gap" poll-interval="0"></ck-petition>`);
  await ready(el);
  await fillValid(el, email);
  click(el, 'button[type="submit"]');
  await until(() => $(el, "#ck-thanks") || $(el, '.alert, [role="alert"]:not(:empty)'), "the answer");
  expect($(el, "#ck-thanks"), `${email}: ${$(el, '[role="alert"]')?.textContent ?? ""}`).to.exist;
}

describe("a classroom behind one address", () => {
  it("five students in a row all sign: past the address's rate the widget solves the challenge and the signature is stored", async () => {
    // The CSV leaves out the emails of signers who did not opt in: count its rows.
    const rows = async () => (await admin<string>("/v1/admin/petitions/ct-funding-gap/signatures.csv")).body.trim().split(/\r\n/).length;
    const before = await rows();
    for (let i = 0; i < 5; i += 1) await signAsStudent(uniqueEmail(`class-${i}`));
    expect(await rows()).to.equal(before + 5);

    // The same address without solving: asked for the work, nothing stored.
    const refused = await fetch(`${CLASSROOM_API}/v1/petitions/ct-funding-gap/signatures`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Partner-Key": KEY },
      body: JSON.stringify({ firstName: "Sam", email: uniqueEmail("no-work"), zip: "06511", ageBand: "18_plus" }),
    });
    expect(refused.status).to.equal(429);
    const { error } = (await refused.json()) as { error: { code: string; challenge?: unknown } };
    expect(error.code).to.equal("challenge_required");
    expect(error.challenge).to.exist;
  });
});
