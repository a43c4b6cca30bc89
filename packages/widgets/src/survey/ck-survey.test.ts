// <ck-survey> in real Chromium against the real API with the seeded Students Over SROs survey.
import { expect, fixture } from "@open-wc/testing";
import { html } from "lit";
import "../define.js";
import type { CkSurvey } from "./ck-survey.js";
import { API, until } from "../test-support/helpers.js";

const KEY = "pk_demo_sej_site";
type El = CkSurvey & { shadowRoot: ShadowRoot };
const q = <E extends Element = HTMLElement>(el: El, s: string) => el.shadowRoot.querySelector<E>(s);

async function mount(variant: string | undefined, layout = "steps"): Promise<El> {
  const el = await fixture<El>(html`<ck-survey api=${API} partner=${KEY} survey="students-over-sros" variant=${variant ?? ""} layout=${layout} show-results></ck-survey>`);
  await until(() => q(el, "form") || q(el, ".choose") || q(el, ".alert"), "survey");
  return el;
}

const choose = (el: El, question: string, value: string) => q<HTMLInputElement>(el, `input[name="q-${question}"][value="${value}"]`)!.click();
const next = async (el: El) => {
  q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
};
const progress = (el: El) => q(el, ".progress p")?.textContent ?? "";

async function answerAll(el: El, feel: string) {
  choose(el, "school", "career");
  await next(el);
  choose(el, "grade", "11");
  await next(el);
  choose(el, "presence", "daily");
  await next(el);
  choose(el, "feel_safe", feel);
  await next(el);
  choose(el, "uncomfortable", "no");
  await next(el);
  choose(el, "instead", "counselors");
  choose(el, "instead", "youth_jobs");
  await next(el);
  await next(el); // "anything else" is optional
  expect(q(el, ".follow-up")).not.to.equal(null);
  await next(el); // no follow-up contact: send
}

describe("<ck-survey>", () => {
  it("without a variant, asks which version applies, then shows that version's questions", async () => {
    const el = await mount(undefined);
    const buttons = [...el.shadowRoot.querySelectorAll<HTMLButtonElement>(".variant")];
    expect(buttons.map((b) => b.textContent)).to.deep.equal(["Hillhouse and Cross students", "Students at other NHPS high schools"]);
    buttons[0]!.click();
    await until(() => q(el, "form"), "questions");
    expect(q(el, ".prompt")!.textContent).to.contain("Which school do you go to?");
    expect(q(el, 'input[value="hillhouse"]')).not.to.equal(null);
    expect(q(el, ".anonymous")!.textContent).to.contain("don't store your name, email or IP");
  });

  it("one question per step with progress; a required question can't be skipped; show-if adds a question", async () => {
    const el = await mount("hillhouse-cross");
    expect(progress(el)).to.equal("Question 1 of 8", "seven questions shown plus the optional follow-up step");
    await next(el);
    expect(q(el, "#q-school-error")!.textContent).to.equal("Please answer this question.");
    expect(q(el, "#ck-q-school")!.getAttribute("aria-invalid")).to.equal("true");
    expect(el.shadowRoot.activeElement?.id).to.equal("ck-q-school");
    choose(el, "school", "cross");
    await next(el);
    expect(progress(el)).to.equal("Question 2 of 8");
    choose(el, "grade", "9");
    await next(el);
    choose(el, "presence", "weekly");
    await next(el);
    choose(el, "feel_safe", "3");
    await el.updateComplete;
    expect(q<HTMLInputElement>(el, 'input[name="q-feel_safe"][value="3"]')!.checked, "the chosen point on the scale stays selected").to.equal(true);
    await next(el);
    choose(el, "uncomfortable", "yes");
    await el.updateComplete;
    expect(progress(el)).to.equal("Question 5 of 9");
    await next(el);
    expect(q(el, ".prompt")!.textContent).to.contain("tell us what happened");
    (q<HTMLButtonElement>(el, "button.secondary"))!.click();
    await el.updateComplete;
    choose(el, "uncomfortable", "no");
    await el.updateComplete;
    expect(progress(el)).to.equal("Question 5 of 8");
  });

  it("responses sent from the widget show up in the aggregates", async () => {
    const before = await (await fetch(`${API}/v1/surveys/students-over-sros/results?variant=all-nhps`)).json();
    for (let i = 0; i < 5; i += 1) {
      const el = await mount("all-nhps");
      await answerAll(el, i < 3 ? "1" : "4");
      await until(() => q(el, "#ck-thanks"), "thank-you");
      expect(q(el, "#ck-thanks")!.textContent).to.equal("Thank you! Your answers were recorded.");
      if (i === 4) {
        await until(() => q(el, ".results"), "results");
        const feel = [...el.shadowRoot.querySelectorAll(".result")].find((r) => r.querySelector("h4")!.textContent!.includes("make you feel"))!;
        expect(feel.textContent).to.match(/\d+ answered/);
      }
    }
    const after = (await (await fetch(`${API}/v1/surveys/students-over-sros/results?variant=all-nhps`)).json()) as { responses: number; questions: Array<{ id: string; options: Array<{ value: string; count: number }> }> };
    expect(after.responses).to.equal((before as { responses: number }).responses + 5);
    const feel = after.questions.find((x) => x.id === "feel_safe")!;
    expect(feel.options.find((o) => o.value === "1")!.count).to.be.at.least(3);
  });

  it("all-at-once layout: invalid answers get field errors from the same rules as the API", async () => {
    const el = await mount("all-nhps", "all");
    choose(el, "school", "metro");
    q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => q(el, "#q-grade-error"), "errors");
    expect(q(el, "#q-grade-error")!.textContent).to.equal("Please answer this question.");
    expect(q(el, "#q-instead-error")!.textContent).to.equal("Please answer this question.");
    expect(q(el, "#q-school-error")).to.equal(null);
    expect(el.shadowRoot.activeElement?.id).to.equal("ck-q-grade");
  });

  it("an email without consent to be contacted is refused with a clear message", async () => {
    const el = await mount("all-nhps", "all");
    for (const [question, value] of [["school", "coop"], ["grade", "12"], ["presence", "never"], ["feel_safe", "5"], ["uncomfortable", "prefer_not"], ["instead", "mental_health"]] as const) choose(el, question, value);
    const email = q<HTMLInputElement>(el, "#ck-email")!;
    email.value = "want.to.help@example.org";
    q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => q(el, "#consentFollowUp-error"), "consent error");
    expect(q(el, "#consentFollowUp-error")!.textContent).to.equal("Please agree so we can contact you, or leave your email out.");
    q<HTMLInputElement>(el, "#ck-consentFollowUp")!.click();
    q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => q(el, "#ck-thanks"), "thank-you");
  });
});
