// <ck-training-calendar> in real Chromium against the real API (see web-test-runner.config.mjs).
import { expect, fixture } from "@open-wc/testing";
import { html } from "lit";
import "../define.js";
import type { CkTrainingCalendar } from "./ck-training-calendar.js";
import { API, KEY, uniqueEmail, until } from "../test-support/helpers.js";

type Cal = CkTrainingCalendar;
const q = <E extends Element = HTMLElement>(el: Cal, s: string) => el.shadowRoot!.querySelector<E>(s);
const qa = <E extends Element = HTMLElement>(el: Cal, s: string) => [...el.shadowRoot!.querySelectorAll<E>(s)];

async function mount(zone = "America/Los_Angeles"): Promise<Cal> {
  const el = await fixture<Cal>(html`<ck-training-calendar api=${API} partner=${KEY} series="wtr-trainings" time-zone=${zone}></ck-training-calendar>`);
  await until(() => q(el, ".sessions") || q(el, ".alert"), "sessions");
  return el;
}

function card(el: Cal, title: string): HTMLElement {
  const found = qa(el, ".session").find((c) => c.querySelector(".session-title")?.textContent === title);
  if (!found) throw new Error(`no session card "${title}"`);
  return found;
}

function fill(el: Cal, values: Record<string, string>) {
  for (const [id, value] of Object.entries(values)) {
    const input = q<HTMLInputElement>(el, `#ck-${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }
}

async function registerFor(el: Cal, title: string, email: string) {
  card(el, title).querySelector<HTMLButtonElement>("button.primary")!.click();
  await until(() => q(el, "#ck-firstName"), "registration form");
  fill(el, { firstName: "Dee", email });
  card(el, title).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await until(() => card(el, title).querySelector(".result-heading"), "registration result");
  return card(el, title);
}

const seatsText = (el: Cal, title: string) => card(el, title).querySelector(".seats")!.textContent!.trim();

describe("<ck-training-calendar>", () => {
  it("lists upcoming sessions in the viewer's zone, notes the event's zone, and shows leaders and seats", async () => {
    const el = await mount("America/Los_Angeles");
    const titles = qa(el, ".session-title").map((h) => h.textContent);
    expect(titles).to.deep.equal(["Big open session", "One seat only", "No limit session"]);
    const big = card(el, "Big open session");
    expect(big.querySelector(".time")!.textContent).to.match(/P[SD]T/);
    expect(big.querySelector(".zone")!.textContent).to.match(/E[SD]T.*America\/New York/);
    expect(big.querySelector(".leaders")!.textContent).to.contain("Rosa Diaz (Lead organizer)");
    expect(big.querySelector(".partners")!.textContent).to.contain("ConnCAN");
    expect(seatsText(el, "No limit session")).to.equal("Open to all");
    expect(card(el, "No limit session").querySelector(".location")!.textContent).to.equal("New Haven Free Public Library");
    expect(el.shadowRoot!.textContent).not.to.contain("meet.example.org");

    const sameZone = await mount("America/New_York");
    expect(card(sameZone, "Big open session").querySelector(".zone")).to.equal(null);
  });

  it("registering takes a seat: fewer seats left, the join link, calendar and cancel links", async () => {
    const el = await mount();
    const before = Number(seatsText(el, "Big open session").replace(/\D/g, ""));
    const result = await registerFor(el, "Big open session", uniqueEmail("wtr-train"));
    expect(result.querySelector(".result-heading")!.textContent).to.equal("You're registered!");
    expect(el.shadowRoot!.activeElement).to.equal(result.querySelector(".result-heading"));
    expect(Number(seatsText(el, "Big open session").replace(/\D/g, ""))).to.equal(before - 1);
    const links = [...result.querySelectorAll("a")].map((a) => a.getAttribute("href")!);
    expect(links[0]).to.equal("https://meet.example.org/big");
    const ics = await fetch(links[1]!);
    expect(ics.headers.get("content-type")).to.contain("text/calendar");
    expect(await ics.text()).to.contain("https://meet.example.org/big");
    expect(links[2]).to.match(/\/v1\/registrations\/cancel\?token=/);

    const reloaded = await mount();
    expect(Number(seatsText(reloaded, "Big open session").replace(/\D/g, ""))).to.equal(before - 1);
  });

  it("the 2nd person for a one-seat session lands on the waitlist and is promoted when the 1st cancels", async () => {
    const first = await registerFor(await mount(), "One seat only", uniqueEmail("wtr-first"));
    const cancelUrl = [...first.querySelectorAll("a")].find((a) => a.textContent === "Cancel my registration")!.href;

    const el = await mount();
    expect(seatsText(el, "One seat only")).to.equal("Full · waitlist open");
    expect(card(el, "One seat only").querySelector("button.primary")!.textContent!.trim()).to.equal("Join the waitlist");
    const second = await registerFor(el, "One seat only", uniqueEmail("wtr-second"));
    expect(second.querySelector(".result-heading")!.textContent).to.equal("You're number 1 on the waitlist.");
    const secondCalendar = [...second.querySelectorAll("a")].find((a) => a.textContent!.includes(".ics"))!.href;
    expect(await (await fetch(secondCalendar)).text()).not.to.contain("meet.example.org");

    const token = new URL(cancelUrl).searchParams.get("token")!;
    const cancel = await fetch(`${API}/v1/registrations/cancel`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token }) });
    expect(await cancel.json()).to.deep.equal({ status: "cancelled", promoted: true });
    expect(await (await fetch(secondCalendar)).text()).to.contain("meet.example.org/one-seat");
    const after = await mount();
    expect(seatsText(after, "One seat only")).to.equal("Full · waitlist open");
  });

  it("shows the API's field messages on the fields and focuses the first", async () => {
    const el = await mount();
    card(el, "Big open session").querySelector<HTMLButtonElement>("button.primary")!.click();
    await until(() => q(el, "#ck-firstName"), "form");
    fill(el, { firstName: "", email: "dee@" });
    card(el, "Big open session").querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => q(el, "#email-error"), "errors");
    expect(q(el, "#firstName-error")!.textContent).to.equal("Enter your first name.");
    expect(q(el, "#email-error")!.textContent).to.equal("Enter a valid email address, like name@example.org.");
    expect(el.shadowRoot!.activeElement?.id).to.equal("ck-firstName");
  });

  it("past sessions are listed apart, without a Register button", async () => {
    const el = await mount();
    qa<HTMLButtonElement>(el, ".toggle").find((b) => b.textContent === "Past")!.click();
    await el.updateComplete;
    expect(qa(el, ".session-title").map((h) => h.textContent)).to.deep.equal(["Session that ended"]);
    expect(card(el, "Session that ended").querySelector("button.primary")).to.equal(null);
    expect(seatsText(el, "Session that ended")).to.equal("This session has ended.");
  });

  it("the month view places sessions on their day; choosing one opens it in the list", async () => {
    const el = await mount();
    qa<HTMLButtonElement>(el, ".toggle").find((b) => b.textContent === "Month")!.click();
    await el.updateComplete;
    expect(el.getAttribute("view")).to.equal("month");
    let chip = qa<HTMLButtonElement>(el, ".chip").find((c) => c.textContent === "Big open session");
    for (let i = 0; !chip && i < 2; i += 1) {
      q<HTMLButtonElement>(el, '[aria-label="Next month"]')!.click();
      await el.updateComplete;
      chip = qa<HTMLButtonElement>(el, ".chip").find((c) => c.textContent === "Big open session");
    }
    chip!.click();
    await el.updateComplete;
    expect(el.view).to.equal("list");
    expect(el.shadowRoot!.activeElement).to.equal(card(el, "Big open session"));
  });

  it("offers a webcal subscription to the series feed", async () => {
    const el = await mount();
    const href = q<HTMLAnchorElement>(el, ".subscribe a")!.getAttribute("href")!;
    expect(href).to.equal(`${API.replace(/^http:/, "webcal:")}/v1/trainings/wtr-trainings/calendar.ics`);
  });
});
