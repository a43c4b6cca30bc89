// <ck-meeting-rsvp> in real Chromium against the real API (a weekly meeting starting tomorrow).
import { expect, fixture } from "@open-wc/testing";
import { html } from "lit";
import "../define.js";
import type { CkMeetingRsvp } from "./ck-meeting-rsvp.js";
import { API, uniqueEmail, until } from "../test-support/helpers.js";

type El = CkMeetingRsvp & { shadowRoot: ShadowRoot };
const q = <E extends Element = HTMLElement>(el: El, s: string) => el.shadowRoot.querySelector<E>(s);
const rows = (el: El) => [...el.shadowRoot.querySelectorAll<HTMLElement>(".occurrence")];
const yes = (row: HTMLElement) => Number(/(\d+) going/.exec(row.querySelector(".counts")?.textContent ?? "")?.[1] ?? NaN);

async function mount(zone = "America/Chicago"): Promise<El> {
  const el = await fixture<El>(html`<ck-meeting-rsvp api=${API} partner="pk_demo_sej_site" meeting="wtr-meetings" count="4" time-zone=${zone}></ck-meeting-rsvp>`);
  await until(() => q(el, ".occurrences") || q(el, ".alert"), "meetings");
  return el;
}

async function fillAndSend(el: El, response: "yes" | "maybe" | "no", email: string, everyWeek = false) {
  q<HTMLInputElement>(el, `input[name="response"][value="${response}"]`)!.click();
  if (everyWeek && q(el, 'input[name="occurrence"][value="every_week"]')) q<HTMLInputElement>(el, 'input[name="occurrence"][value="every_week"]')!.click();
  for (const [id, value] of [["firstName", "Kiara"], ["email", email]]) {
    const input = q<HTMLInputElement>(el, `#ck-${id}`)!;
    input.value = value!;
  }
  await el.updateComplete;
  q<HTMLButtonElement>(el, '.form button[type="submit"]')!.click();
  await until(() => q(el, "#ck-saved"), "saved");
}

describe("<ck-meeting-rsvp>", () => {
  it("shows upcoming meetings in the viewer's zone with the meeting's zone noted, cancelled and changed weeks marked", async () => {
    const el = await mount();
    expect(q(el, ".schedule")!.textContent).to.match(/Every \w+day, 4:00 PM.*America\/New York time/);
    const list = rows(el);
    expect(list).to.have.length(4);
    expect(list[0]!.querySelector(".time")!.textContent).to.match(/3:00\s*–\s*4:30\s*PM C[SD]T/);
    expect(list[0]!.querySelector(".zone")!.textContent).to.match(/4:00\s*–\s*5:30\s*PM E[SD]T/);
    expect(list[1]!.querySelector(".badge")!.textContent).to.equal("Cancelled");
    expect(list[1]!.querySelector("button")).to.equal(null);
    expect(list[2]!.querySelector(".note")!.textContent).to.equal("In person, with food!");
    expect(list[2]!.querySelector(".location")!.textContent).to.equal("Wilson Library");
  });

  it("an RSVP for one meeting counts for that meeting only", async () => {
    const el = await mount();
    const before = rows(el).map(yes);
    rows(el)[0]!.querySelector<HTMLButtonElement>("button.primary")!.click();
    await until(() => q(el, "#ck-response"), "form");
    expect(el.shadowRoot.activeElement?.id).to.equal("ck-response");
    await fillAndSend(el, "yes", uniqueEmail("wtr-rsvp-one"));
    expect(q(el, "#ck-saved")!.textContent).to.match(/^Thanks! Your RSVP for .+ is saved\.$/);
    const after = rows(el).map(yes);
    expect(after[0]).to.equal(before[0]! + 1);
    expect(after[2]).to.equal(before[2]);
    const reloaded = await mount();
    expect(yes(rows(reloaded)[0]!)).to.equal(before[0]! + 1);
  });

  it("'every week' counts for every future meeting and hands over the join and manage links", async () => {
    const el = await mount();
    const before = rows(el).map(yes);
    q<HTMLButtonElement>(el, ".every-week button.primary")!.click();
    await until(() => q(el, "#ck-response"), "form");
    expect(q(el, 'input[name="occurrence"]')).to.equal(null);
    await fillAndSend(el, "yes", uniqueEmail("wtr-rsvp-weekly"));
    expect(q(el, "#ck-saved")!.textContent).to.equal("Thanks! Your RSVP for every week is saved.");
    const links = [...el.shadowRoot.querySelectorAll<HTMLAnchorElement>(".success a")].map((a) => a.getAttribute("href")!);
    expect(links[0]).to.equal("https://meet.example.org/wtr-members");
    expect(links[1]).to.match(/\/v1\/meeting-rsvps\/manage\?token=/);
    expect(links[2]).to.match(/^webcal:.*\/v1\/meetings\/wtr-meetings\/calendar\.ics$/);
    const after = (await mount()).shadowRoot.querySelectorAll(".occurrence");
    const counts = [...after].map((r) => yes(r as HTMLElement));
    expect([counts[0], counts[2], counts[3]]).to.deep.equal([before[0]! + 1, before[2]! + 1, before[3]! + 1]);
  });

  it("a one-meeting RSVP can be switched to every week from the same form", async () => {
    const el = await mount();
    const before = rows(el).map(yes);
    rows(el)[2]!.querySelector<HTMLButtonElement>("button.primary")!.click();
    await until(() => q(el, 'input[name="occurrence"][value="every_week"]'), "scope choice");
    await fillAndSend(el, "yes", uniqueEmail("wtr-rsvp-switch"), true);
    expect(q(el, "#ck-saved")!.textContent).to.contain("every week");
    expect(yes(rows(el)[3]!)).to.equal(before[3]! + 1);
  });

  it("field errors come from the API's rules and focus the first", async () => {
    const el = await mount();
    rows(el)[0]!.querySelector<HTMLButtonElement>("button.primary")!.click();
    await until(() => q(el, "#ck-response"), "form");
    q<HTMLButtonElement>(el, '.form button[type="submit"]')!.click();
    await until(() => q(el, "#response-error"), "errors");
    expect(q(el, "#response-error")!.textContent).to.equal("Choose yes, maybe or no.");
    expect(q(el, "#firstName-error")!.textContent).to.equal("Enter your first name.");
    expect(el.shadowRoot.activeElement?.id, "focus goes to the first field in the form's order").to.equal("ck-response");
  });
});
