// Tabling mode for training registration, in real Chromium against the real API: people register
// one after another on a shared device. The registrant's personal links (calendar, cancel, join)
// never reach the next person: after each registration the calendar is a new one, with nothing of
// theirs in it. With the API out of reach, registrations wait on the device (the status line says
// so, and claims no seat), survive a reload, and go out once it is back: each stored once, as
// taken at a table, with the time it was collected.
import { expect, fixture } from "@open-wc/testing";
import { html } from "lit";
import "../define.js";
import type { CkTrainingCalendar } from "../training/ck-training-calendar.js";
import { API, KEY, admin, setOffline, uniqueEmail, until } from "../test-support/helpers.js";

const SESSION = "Big open session";

type Csv = { header: string[]; rows: string[][] };
const csv = async (): Promise<Csv> => {
  const [header, ...rows] = (await admin<string>("/v1/admin/trainings/wtr-trainings/registrations.csv")).body.trim().split(/\r\n/).map((l) => l.split(","));
  return { header: header!, rows };
};
const cell = (c: Csv, row: string[], name: string) => row[c.header.indexOf(name)]!;
const rowsOf = (c: Csv, email: string) => c.rows.filter((r) => r.some((value) => value.includes(email)));

/** The table: a status line and the tabling calendar, in a container of its own. */
async function table(): Promise<HTMLElement> {
  const root = await fixture<HTMLElement>(html`<div><ck-training-calendar mode="tabling" api=${API} partner=${KEY} series="wtr-trainings"></ck-training-calendar></div>`);
  await until(() => root.querySelector("ck-training-calendar")?.shadowRoot?.querySelector(".sessions") && root.querySelector("ck-tabling-status"), "the tabling calendar");
  return root;
}
const calendar = (root: HTMLElement) => root.querySelector<CkTrainingCalendar>("ck-training-calendar")!;
const status = (root: HTMLElement) => root.querySelector("ck-tabling-status")!.shadowRoot!;
const waiting = (root: HTMLElement) => Number(status(root).querySelector(".waiting")!.getAttribute("data-waiting"));
const card = (el: CkTrainingCalendar) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(".session")].find((c) => c.querySelector(".session-title")?.textContent === SESSION)!;

/** Everything a calendar's shadow root holds: its text, field values and link targets. */
function shadowText(el: CkTrainingCalendar): string {
  let out = "";
  const walk = (n: Node) => {
    if (n instanceof HTMLInputElement) out += ` ${n.value}`;
    if (n instanceof HTMLAnchorElement) out += ` ${n.href}`;
    if (n.nodeType === Node.TEXT_NODE) out += n.textContent;
    n.childNodes.forEach(walk);
  };
  walk(el.shadowRoot!);
  return out;
}

/** One person registers at the table; resolves once a fresh calendar is up for the next one. */
async function nextPerson(root: HTMLElement, firstName: string, email: string): Promise<void> {
  const el = calendar(root);
  await until(() => el.shadowRoot?.querySelector(".sessions") && card(el), "the session card");
  card(el).querySelector<HTMLButtonElement>("button.primary")!.click();
  await until(() => el.shadowRoot!.querySelector("#ck-firstName"), "the registration form");
  for (const [id, value] of [["firstName", firstName], ["email", email]]) {
    const input = el.shadowRoot!.querySelector<HTMLInputElement>(`#ck-${id}`)!;
    input.value = value!;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }
  el.shadowRoot!.querySelector<HTMLInputElement>("#ck-consentCoalition")!.click();
  card(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await until(() => calendar(root) !== el && calendar(root).shadowRoot?.querySelector(".sessions"), "a fresh calendar for the next person");
  // Nothing of the last person in the fresh calendar: no name, no email, no personal link.
  const fresh = calendar(root);
  const text = shadowText(fresh);
  expect(text, "no name").to.not.contain(firstName);
  expect(text, "no email").to.not.contain(email);
  expect(fresh.shadowRoot!.querySelector('a[href*="/registrations/cancel"]'), "no cancel link").to.equal(null);
  expect(fresh.shadowRoot!.querySelector('a[href*="/registrations/calendar.ics"]'), "no personal calendar link").to.equal(null);
  expect(fresh.shadowRoot!.querySelector(".result-heading"), "no seat or waitlist claim").to.equal(null);
  expect(document.body.textContent).to.not.contain(email);
}

describe("tabling mode for training registration", () => {
  afterEach(() => setOffline(false));

  it("online: registered as taken at a table, and the next person gets a fresh calendar without the last one's links", async () => {
    const root = await table();
    const email = uniqueEmail("table-reg");
    await nextPerson(root, "Quilla", email);
    expect(status(root).textContent).to.contain("Thank you! The form is ready for the next person.");
    const c = await csv();
    const rows = rowsOf(c, email);
    expect(rows.length).to.equal(1);
    expect(cell(c, rows[0]!, "channel")).to.equal("tabling");
    expect(cell(c, rows[0]!, "status")).to.equal("registered");
  });

  it("offline, three people register and wait on the device, through a reload; back online, each is stored once, with its collection time", async () => {
    const root = await table();
    const before = (await csv()).rows.length;
    await setOffline(true);
    const people = [["Ulani", uniqueEmail("offline-reg-a")], ["Vesna", uniqueEmail("offline-reg-b")], ["Wrenna", uniqueEmail("offline-reg-c")]] as const;
    const taken = new Date().toISOString();
    for (const [name, email] of people) {
      await nextPerson(root, name, email);
      expect(status(root).textContent).to.contain("Saved on this device. You'll get your confirmation email when it's sent.");
      expect(status(root).textContent).to.not.contain("registered");
    }
    await until(() => waiting(root) === 3, "3 waiting on the device");
    expect((await csv()).rows.length).to.equal(before);

    // The page is reloaded, still offline: a new calendar from the device's copy, the 3 still waiting.
    root.remove();
    const again = await table();
    await until(() => waiting(again) === 3, "3 still waiting after the reload");

    await setOffline(false);
    await until(() => waiting(again) === 0, "everything sent", 30_000);
    const c = await csv();
    expect(c.rows.length).to.equal(before + 3);
    for (const [, email] of people) {
      const rows = rowsOf(c, email);
      expect(rows.length, `${email} once`).to.equal(1);
      expect(cell(c, rows[0]!, "channel")).to.equal("tabling");
      const collected = cell(c, rows[0]!, "collected_at");
      expect(collected >= taken && collected <= cell(c, rows[0]!, "registered_at"), "collected before it arrived").to.equal(true);
    }
  });
});
