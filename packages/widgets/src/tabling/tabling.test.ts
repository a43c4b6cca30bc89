// Tabling mode, in real Chromium against the real API: a petition on a shared device at a table.
// After each person the form is a new, empty one, with nothing of theirs left in the page; with the
// API out of reach, signatures wait on the device (the status line counts them) and go out once
// it is back, each stored once, as taken at a table with the time it was collected; one the API
// refuses stays listed with the reason.
import { expect, fixture } from "@open-wc/testing";
import { html } from "lit";
import type { CkPetition } from "../petition/ck-petition.js";
import { $, API, KEY, admin, click, fillValid, setOffline, uniqueEmail, until } from "../test-support/helpers.js";

type Csv = { header: string[]; rows: string[][] };
const csvOf = async (slug: string): Promise<Csv> => {
  const [header, ...rows] = (await admin<string>(`/v1/admin/petitions/${slug}/signatures.csv`)).body.trim().split(/\r\n/).map((l) => l.split(","));
  return { header: header!, rows };
};
const cell = (csv: Csv, row: string[], name: string) => row[csv.header.indexOf(name)];

/** The table: a status line and the tabling petition, in a container of its own. */
async function table(slug = "ct-funding-gap"): Promise<HTMLElement> {
  const root = await fixture<HTMLElement>(html`<div><ck-petition mode="tabling" api=${API} partner=${KEY} petition=${slug} poll-interval="0"></ck-petition></div>`);
  await until(() => root.querySelector("ck-petition")?.shadowRoot?.querySelector("form") && root.querySelector("ck-tabling-status"), "the tabling form");
  return root;
}
const widget = (root: HTMLElement) => root.querySelector<CkPetition>("ck-petition")!;
const waiting = (root: HTMLElement) => Number(root.querySelector("ck-tabling-status")!.shadowRoot!.querySelector(".waiting")!.getAttribute("data-waiting"));

/** One person at the table: fill, tick the coalition box, send; resolves once a fresh form is up. */
async function nextPerson(root: HTMLElement, email: string): Promise<void> {
  const el = widget(root);
  await until(() => $(el, "form"), "the form");
  await fillValid(el, email);
  click(el, "#ck-consentCoalition");
  click(el, 'button[type="submit"]');
  await until(() => widget(root) !== el && $(widget(root), "form"), "a fresh form for the next person");
}

/** Everything the page holds as text or values, shadow roots included. */
function pageText(node: Node = document.body): string {
  let out = "";
  const walk = (n: Node) => {
    if (n instanceof HTMLInputElement || n instanceof HTMLTextAreaElement) out += ` ${n.value}`;
    if (n.nodeType === Node.TEXT_NODE) out += n.textContent;
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    n.childNodes.forEach(walk);
  };
  walk(node);
  return out;
}

describe("tabling mode", () => {
  afterEach(() => setOffline(false));

  it("after each person the form is new and empty: nothing of theirs is in the page, and the browser is told not to offer it again", async () => {
    const root = await table();
    const email = uniqueEmail("table-maya");
    await nextPerson(root, email);
    const el = widget(root);
    expect(pageText()).to.not.contain(email);
    expect(pageText()).to.not.contain("Maya");
    expect($<HTMLInputElement>(el, "#ck-email")!.value).to.equal("");
    for (const input of el.shadowRoot!.querySelectorAll("input")) expect(input.getAttribute("autocomplete"), input.name).to.equal("off");
    expect(root.querySelector("ck-tabling-status")!.shadowRoot!.textContent).to.contain("Thank you! The form is ready for the next person.");
    expect($(el, "#ck-share-url"), "no share link of the last person").to.equal(null);

    const csv = await csvOf("ct-funding-gap");
    const row = csv.rows.find((r) => r.includes(email))!;
    expect(cell(csv, row, "channel")).to.equal("tabling");
  });

  it("offline, three people sign and wait on the device; back online, each is stored once, with its collection time", async () => {
    const root = await table();
    const before = (await csvOf("ct-funding-gap")).rows.length;
    await setOffline(true);
    const emails = [uniqueEmail("offline-a"), uniqueEmail("offline-b"), uniqueEmail("offline-c")];
    const taken = new Date().toISOString();
    for (const email of emails) await nextPerson(root, email);
    await until(() => waiting(root) === 3, "3 waiting on the device");
    expect(root.querySelector("ck-tabling-status")!.shadowRoot!.textContent).to.contain("3 are waiting on this device to be sent.");
    expect((await csvOf("ct-funding-gap")).rows.length).to.equal(before);

    await setOffline(false);
    dispatchEvent(new Event("online"));
    await until(() => waiting(root) === 0, "everything sent", 30_000);
    const csv = await csvOf("ct-funding-gap");
    expect(csv.rows.length).to.equal(before + 3);
    for (const email of emails) {
      const rows = csv.rows.filter((r) => r.includes(email));
      expect(rows.length, `${email} once`).to.equal(1);
      expect(cell(csv, rows[0]!, "channel")).to.equal("tabling");
      expect(cell(csv, rows[0]!, "collected_at")! >= taken && cell(csv, rows[0]!, "collected_at")! <= cell(csv, rows[0]!, "signed_at")!, "collected before it arrived").to.equal(true);
    }
  });

  it("a signature the API refuses when it is finally sent stays listed for the organizer, with the reason", async () => {
    const slug = `table-closing-${Math.random().toString(36).slice(2, 7)}`;
    expect((await admin("/v1/admin/petitions", { method: "POST", body: { slug, title: "Closing soon", body: "It closes.", target: "The board", goal: 10 } })).status).to.equal(201);
    const root = await table(slug);
    await setOffline(true);
    await nextPerson(root, uniqueEmail("too-late"));
    expect((await admin(`/v1/admin/petitions/${slug}`, { method: "PATCH", body: { status: "closed" } })).status).to.equal(200);
    await setOffline(false);
    const status = root.querySelector("ck-tabling-status")!.shadowRoot!;
    await until(() => status.querySelector(".refused li"), "the refused signature listed", 30_000);
    expect(status.querySelector(".refused li")!.textContent).to.contain("Maya: This petition is closed and no longer accepting signatures.");
    (status.querySelector(".refused button") as HTMLButtonElement).click();
    await until(() => !status.querySelector(".refused li"), "removed by the organizer");
  });
});

describe("tabling mode for a survey", () => {
  afterEach(() => setOffline(false));
  type Survey = HTMLElement & { shadowRoot: ShadowRoot; updateComplete: Promise<boolean> };
  const survey = (root: HTMLElement) => root.querySelector<Survey>("ck-survey")!;
  const responses = async () => (await admin<string>("/v1/admin/surveys/students-over-sros/responses.csv", { organization: "sej" })).body;

  async function nextStudent(root: HTMLElement): Promise<void> {
    const el = survey(root);
    await until(() => el.shadowRoot.querySelector("form"), "the survey form");
    const choose = (q: string, v: string) => el.shadowRoot.querySelector<HTMLInputElement>(`input[name="q-${q}"][value="${v}"]`)!.click();
    for (const [q, v] of [["school", "cross"], ["grade", "12"], ["presence", "rarely"], ["feel_safe", "2"], ["uncomfortable", "no"], ["instead", "restorative"]] as const) choose(q, v);
    await el.updateComplete;
    el.shadowRoot.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => survey(root) !== el && survey(root).shadowRoot?.querySelector("form"), "a fresh survey for the next student");
    expect(survey(root).shadowRoot.querySelector<HTMLInputElement>('input[name="q-school"]:checked'), "nothing chosen on the fresh form").to.equal(null);
  }

  it("students answer one after another, two of them offline; back online both are recorded, as taken at a table", async () => {
    const root = await fixture<HTMLElement>(html`<div><ck-survey mode="tabling" api=${API} partner="pk_demo_sej_site" survey="students-over-sros" variant="hillhouse-cross" layout="all"></ck-survey></div>`);
    const tabled = async () => (await responses()).split("\r\n").filter((line) => line.includes(",tabling,")).length;
    const before = await tabled();
    await nextStudent(root);
    await setOffline(true);
    await nextStudent(root);
    await nextStudent(root);
    await until(() => waiting(root) === 2, "2 waiting on the device");
    expect(await tabled()).to.equal(before + 1);
    await setOffline(false);
    await until(() => waiting(root) === 0, "everything sent", 30_000);
    expect(await tabled()).to.equal(before + 3);
  });
});
