// <ck-story-form> and <ck-story-wall> in real Chromium against the real API; an organizer moderates
// through the real admin API with a secret key.
import { expect, fixture } from "@open-wc/testing";
import { html } from "lit";
import { sendKeys } from "@web/test-runner-commands";
import "../define.js";
import type { CkStoryForm } from "./ck-story-form.js";
import type { CkStoryWall } from "./ck-story-wall.js";
import { API, KEY, admin, until } from "../test-support/helpers.js";

type El = HTMLElement & { shadowRoot: ShadowRoot; updateComplete: Promise<boolean> };
const q = <E extends Element = HTMLElement>(el: El, s: string) => el.shadowRoot.querySelector<E>(s);
let n = 0;

async function form(): Promise<CkStoryForm & El> {
  const el = await fixture<CkStoryForm & El>(html`<ck-story-form api=${API} partner=${KEY} campaign="tell-your-story"></ck-story-form>`);
  await until(() => q(el, "form") || q(el, ".alert"), "story form");
  return el;
}

async function wall(pageSize = 50): Promise<CkStoryWall & El> {
  const el = await fixture<CkStoryWall & El>(html`<ck-story-wall api=${API} campaign="tell-your-story" page-size=${pageSize}></ck-story-wall>`);
  await until(() => q(el, ".stories") || q(el, ".empty") || q(el, ".alert"), "story wall");
  return el;
}

function set(el: El, id: string, value: string) {
  const input = q<HTMLInputElement | HTMLTextAreaElement>(el, `#ck-${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new Event("change", { bubbles: true }));
}
const pick = (el: El, name: string, value: string) => q<HTMLInputElement>(el, `input[name="${name}"][value="${value}"]`)!.click();

async function submit(el: El, fields: { title: string; story: string; publish?: string; firstName?: string }): Promise<string> {
  set(el, "title", fields.title);
  set(el, "story", fields.story);
  pick(el, "role", "student");
  pick(el, "ageBand", "13_17");
  pick(el, "publish", fields.publish ?? "anonymous");
  await el.updateComplete;
  if (fields.firstName) set(el, "firstName", fields.firstName);
  if ((fields.publish ?? "anonymous") !== "internal") q<HTMLInputElement>(el, "#ck-consentPublish")!.click();
  q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
  await until(() => q(el, "#ck-thanks"), "thank-you");
  return q<HTMLAnchorElement>(el, '.success a[href*="withdraw"]')!.href;
}

async function approve(title: string): Promise<void> {
  const queue = await admin<{ stories: Array<{ id: string; title: string }> }>("/v1/admin/stories?status=pending");
  const id = queue.body.stories.find((s) => s.title === title)!.id;
  const res = await admin(`/v1/admin/stories/${id}/moderation`, { method: "POST", body: { decision: "approve" } });
  expect(res.status).to.equal(200);
}

const titles = (el: El) => [...el.shadowRoot.querySelectorAll(".story h3")].map((h) => h.textContent);
const STORY = "Our biology lab has had no working sinks for two years, so we watch videos of experiments instead.";

describe("<ck-story-form> and <ck-story-wall>", () => {
  it("asks for consent to publish and a first name only when the author wants them", async () => {
    const el = await form();
    expect(q(el, "#ck-title")).not.to.equal(null);
    expect(q(el, "#ck-consentPublish")).to.equal(null);
    pick(el, "publish", "anonymous");
    await el.updateComplete;
    expect(q(el, "#ck-consentPublish")).not.to.equal(null);
    expect(q(el, "#ck-firstName")).to.equal(null);
    pick(el, "publish", "first_name");
    await el.updateComplete;
    expect(q(el, "#ck-firstName")).not.to.equal(null);
    pick(el, "publish", "internal");
    await el.updateComplete;
    expect(q(el, "#ck-consentPublish")).to.equal(null);
    pick(el, "ageBand", "under_13");
    await el.updateComplete;
    expect(q(el, "#ck-guardianEmail")).not.to.equal(null);
  });

  it("shows the API's field messages and focuses the first", async () => {
    const el = await form();
    set(el, "story", "Too short");
    q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => q(el, "#story-error"), "errors");
    expect(q(el, "#title-error")!.textContent).to.equal("Enter a title.");
    expect(q(el, "#story-error")!.textContent).to.equal("Tell us a little more (at least 20 characters).");
    expect(q(el, "#role-error")!.textContent).to.equal("Choose how you are connected to the schools.");
    expect(el.shadowRoot.activeElement?.id).to.equal("ck-title");
  });

  it("the character counter warns near the limit and shows an error past it; a story past it is kept whole and refused with the limit", async () => {
    const el = await form();
    const counter = () => q(el, "#story-count")!;
    set(el, "story", "x".repeat(1000));
    await el.updateComplete;
    expect([counter().textContent, counter().className.trim()]).to.deep.equal(["1000 / 5000", "count-hint"]);
    set(el, "story", "x".repeat(4600));
    await el.updateComplete;
    expect(counter().classList.contains("is-near"), "a warning from 90%").to.equal(true);
    expect(getComputedStyle(counter()).fontWeight).to.equal("600");
    set(el, "story", "x".repeat(5012));
    await el.updateComplete;
    expect(q<HTMLTextAreaElement>(el, "#ck-story")!.value.length, "nothing is cut off").to.equal(5012);
    expect([counter().textContent, counter().classList.contains("is-over")]).to.deep.equal(["5012 / 5000", true]);
    expect(q(el, "#ck-story")!.getAttribute("aria-invalid")).to.equal("true");
    q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => q(el, "#story-error"), "errors");
    expect(q(el, "#story-error")!.textContent).to.equal("Stories can be at most 5000 characters.");
    expect(getComputedStyle(counter()).color, "the counter in the error colour").to.equal(getComputedStyle(q(el, "#story-error")!).color);
  });

  it("a submitted story appears on the wall only after approval, anonymous with no name", async () => {
    const title = `Labs without sinks ${Date.now()}-${(n += 1)}`;
    await submit(await form(), { title, story: STORY });
    expect(titles(await wall())).not.to.include(title);
    await approve(title);
    const after = await wall();
    expect(titles(after)).to.include(title);
    const card = [...after.shadowRoot.querySelectorAll(".story")].find((c) => c.querySelector("h3")!.textContent === title)!;
    expect(card.querySelector(".byline")!.textContent).to.equal("— A student");
  });

  it("withdrawal removes an approved story from the wall", async () => {
    const title = `Withdraw me ${Date.now()}-${(n += 1)}`;
    const withdrawUrl = await submit(await form(), { title, story: STORY, publish: "first_name", firstName: "Lena" });
    await approve(title);
    expect(titles(await wall())).to.include(title);
    const token = new URL(withdrawUrl).searchParams.get("token")!;
    const res = await fetch(`${API}/v1/stories/withdraw`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token }) });
    expect(await res.json()).to.deep.equal({ status: "withdrawn" });
    expect(titles(await wall())).not.to.include(title);
  });

  it("an author under 13 who gives a first name is told a parent or guardian must agree first, and the story stays off the queue's approve path", async () => {
    const el = await form();
    const title = `Bus at 6:10 ${Date.now()}-${(n += 1)}`;
    set(el, "title", title);
    set(el, "story", STORY);
    pick(el, "role", "student");
    pick(el, "ageBand", "under_13");
    pick(el, "publish", "first_name");
    await el.updateComplete;
    set(el, "firstName", "Luis");
    set(el, "guardianEmail", `parent${n}@example.org`);
    q<HTMLInputElement>(el, "#ck-guardianConsent")!.click();
    q<HTMLInputElement>(el, "#ck-consentPublish")!.click();
    let detail: unknown;
    el.addEventListener("ck-success", (e) => (detail = (e as CustomEvent).detail));
    q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => q(el, "#ck-thanks"), "thank-you");
    expect(q(el, "#ck-thanks")!.textContent).to.equal("Waiting for a parent or guardian");
    expect(q(el, ".success")!.textContent).to.contain("We emailed your parent or guardian.");
    expect(detail).to.deep.equal({ widget: "story-form", campaign: "tell-your-story", status: "guardian_pending" });
    const queue = await admin<{ stories: Array<{ id: string; title: string; guardianPending: boolean; authorName: string | null }> }>("/v1/admin/stories?status=pending");
    const waiting = queue.body.stories.find((s) => s.title === title)!;
    expect([waiting.guardianPending, waiting.authorName]).to.deep.equal([true, null]);
  });

  it("renders HTML in a story as inert text", async () => {
    const xss = `<img src=x onerror="window.__ckStoryXss=1"><script>window.__ckStoryXss=1</script>`;
    const title = `Markup ${xss} ${(n += 1)}`;
    await submit(await form(), { title, story: `${STORY}\n\n${xss}` });
    await approve(title);
    const el = await wall();
    expect(titles(el)).to.include(title);
    expect(el.shadowRoot.textContent).to.contain(xss);
    expect(el.shadowRoot.querySelectorAll("img, script").length).to.equal(0);
    expect((window as unknown as { __ckStoryXss?: number }).__ckStoryXss).to.equal(undefined);
  });

  it("pages through stories and filters by role", async () => {
    for (let i = 0; i < 3; i += 1) {
      const title = `Paged ${Date.now()}-${(n += 1)}`;
      await submit(await form(), { title, story: STORY });
      await approve(title);
    }
    const el = await wall(2);
    expect(el.shadowRoot.querySelectorAll(".story").length).to.equal(2);
    const pager = q(el, ".pager")!;
    expect(pager.textContent).to.match(/Page 1 of \d+/);
    [...pager.querySelectorAll("button")].find((b) => b.textContent === "Next")!.click();
    await until(() => /Page 2 of/.test(q(el, ".pager")?.textContent ?? ""), "page 2");
    q<HTMLInputElement>(el, "#ck-role-filter-educator")!.click();
    await until(() => q(el, ".empty"), "empty educator wall");
    expect(q(el, ".empty")!.textContent).to.equal("No stories here yet.");
    expect(q(el, ".pager"), "back to the first page of the filtered wall").to.equal(null);
  });

  it("filters by role with a labelled group of segments reached by keyboard, and shows each story's date", async () => {
    const title = `Dated ${Date.now()}-${(n += 1)}`;
    await submit(await form(), { title, story: STORY });
    await approve(title);
    const el = await wall();
    const group = q<HTMLFieldSetElement>(el, "fieldset.segmented")!;
    expect(group.querySelector("legend")!.textContent).to.equal("Show stories from");
    const segments = [...group.querySelectorAll("label.segment")];
    expect(segments.map((s) => s.textContent!.trim())).to.deep.equal(["Everyone", "Students", "Parents", "Educators", "Community"]);
    expect(q<HTMLInputElement>(el, "#ck-role-filter")!.checked, "everyone at first").to.equal(true);
    for (const s of segments) {
      const box = s.getBoundingClientRect();
      expect(box.width >= 24 && box.height >= 24, `${s.textContent!.trim()} is at least 24×24`).to.equal(true);
    }
    expect(el.shadowRoot.querySelector("select"), "no bare native select").to.equal(null);

    const card = () => [...el.shadowRoot.querySelectorAll(".story")].find((c) => c.querySelector("h3")!.textContent === title);
    const time = card()!.querySelector("time")!;
    const published = new Date(time.getAttribute("datetime")!);
    expect(Math.abs(Date.now() - published.getTime()) < 10 * 60_000, "published just now").to.equal(true);
    expect(time.textContent).to.equal(new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric" }).format(published));
    expect(time.textContent).to.match(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);

    // Keyboard: the arrow keys move along the group and pick the role, like any radio group.
    q<HTMLInputElement>(el, "#ck-role-filter")!.focus();
    for (let i = 0; i < 3; i += 1) await sendKeys({ press: "ArrowRight" });
    await until(() => q(el, ".empty"), "empty educator wall");
    expect(el.shadowRoot.activeElement?.id).to.equal("ck-role-filter-educator");
    for (let i = 0; i < 2; i += 1) await sendKeys({ press: "ArrowLeft" });
    await until(() => card(), "the student's story back");
    const roles = [...el.shadowRoot.querySelectorAll(".story .byline")].map((b) => b.textContent);
    expect(roles.every((r) => /student/i.test(r!)), "only students").to.equal(true);
    expect(q<HTMLInputElement>(el, "#ck-role-filter-student")!.checked).to.equal(true);
  });
});
