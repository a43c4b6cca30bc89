// The organizer's Spanish in <ck-survey>, <ck-story-form> and <ck-story-wall>, in real Chromium against the real
// API: survey answers given in English and in Spanish add up to the same results, shown with
// Spanish labels on a Spanish page; the story call and its consents are in Spanish, marked lang. lit-localize keeps one language per page (each test file has its own), so the English
// survey is answered first, before the page turns Spanish.
import { expect, fixture } from "@open-wc/testing";
import { html } from "lit";
import "../define.js";
import type { CkSurvey } from "../survey/ck-survey.js";
import type { CkStoryForm } from "../story/ck-story-form.js";
import type { CkStoryWall } from "../story/ck-story-wall.js";
import { API, KEY as E4E, admin, until } from "../test-support/helpers.js";

const KEY = "pk_demo_sej_site";
const SURVEY = `${API}/v1/surveys/students-over-sros`;
type El = CkSurvey & { shadowRoot: ShadowRoot };
const q = <E extends Element = HTMLElement>(el: El, s: string) => el.shadowRoot.querySelector<E>(s);
const choose = (el: El, question: string, value: string) => q<HTMLInputElement>(el, `input[name="q-${question}"][value="${value}"]`)!.click();

async function mount(locale?: string): Promise<El> {
  const el = await fixture<El>(html`<ck-survey api=${API} partner=${KEY} survey="students-over-sros" variant="hillhouse-cross" layout="all" show-results locale=${locale ?? ""}></ck-survey>`);
  await until(() => q(el, "form"), "the survey");
  return el;
}

async function answer(el: El) {
  for (const [question, value] of [["school", "cross"], ["grade", "12"], ["presence", "rarely"], ["feel_safe", "2"], ["uncomfortable", "no"], ["instead", "restorative"]] as const) choose(el, question, value);
  await el.updateComplete;
  q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
  await until(() => q(el, "#ck-thanks"), "the thank-you");
}

type Results = { responses: number; questions: Array<{ id: string; options: Array<{ value: string; count: number }> }> };
const rarely = async () => {
  const results = (await (await fetch(`${SURVEY}/results?variant=hillhouse-cross&r=${Math.random()}`)).json()) as Results;
  return results.questions.find((x) => x.id === "presence")!.options.find((o) => o.value === "rarely")!.count;
};

describe("<ck-survey> in English and Spanish", () => {
  before(async () => {
    // Enough responses that the results are not withheld (the survey shows groups of 5 or more).
    for (const language of ["es", "en", "es", "en", "es"]) {
      const body = { variant: "hillhouse-cross", answers: { school: "hillhouse", grade: "9", presence: "daily", feel_safe: 3, uncomfortable: "no", instead: ["counselors"] } };
      const res = await fetch(`${SURVEY}/responses`, { method: "POST", headers: { "Content-Type": "application/json", "X-Partner-Key": KEY, "Accept-Language": language, "Idempotency-Key": crypto.randomUUID() }, body: JSON.stringify(body) });
      expect(res.status).to.equal(201);
    }
  });

  it("answered in English and then in Spanish, the Spanish results count both, with Spanish labels marked lang=es", async () => {
    const before = await rarely();
    const english = await mount();
    expect(q(english, ".prompt")!.textContent).to.contain("Which school do you go to?");
    await answer(english);

    const spanish = await mount("es");
    const title = q(spanish, '[part~="title"]')!;
    expect(title.textContent).to.equal("Students Over SROs: policía y seguridad en las escuelas de New Haven");
    expect(title.getAttribute("lang")).to.equal("es");
    expect(q(spanish, ".intro")!.getAttribute("lang")).to.equal("es");
    const prompt = q(spanish, '[part~="label"] span[lang]')!;
    expect(prompt.textContent).to.equal("¿A qué escuela vas?");
    expect(prompt.getAttribute("lang")).to.equal("es");
    const school = q(spanish, 'input[value="cross"]')!.nextElementSibling!;
    expect(school.textContent).to.equal("Wilbur Cross High School");
    expect(school.getAttribute("lang"), "a school's name is left in English, and says so").to.equal("en");
    const consent = q(spanish, 'label[for="ck-consentFollowUp"] span[lang]')!;
    expect(consent.textContent).to.match(/^Sí, Students for Educational Justice puede enviarme correos/);
    expect(consent.getAttribute("lang")).to.equal("es");
    await answer(spanish);

    await until(() => q(spanish, ".results"), "the results");
    const presence = [...spanish.shadowRoot.querySelectorAll(".result")].find((r) => r.querySelector("h4")!.textContent === "¿Con qué frecuencia ves policías (SRO) en tu escuela?")!;
    expect(presence, "the question in Spanish").to.exist;
    expect(presence.querySelector("h4")!.getAttribute("lang")).to.equal("es");
    const labels = [...presence.querySelectorAll(".bar-label")];
    expect(labels.map((l) => l.textContent)).to.deep.equal(["Todos los días", "Varias veces por semana", "Rara vez", "Nunca"]);
    expect(labels.every((l) => l.getAttribute("lang") === "es")).to.equal(true);
    const bar = presence.querySelectorAll(".bar")[2]!;
    expect(bar.getAttribute("aria-label")).to.match(new RegExp(`^Rara vez: [\\d.]+% \\(${before + 2}\\)$`), "both answers, English and Spanish, in one count");
    expect(await rarely()).to.equal(before + 2);
  });

  it("the story call in Spanish: title, prompt and every consent the author is shown, each marked lang=es", async () => {
    const el = await fixture<CkStoryForm & El>(html`<ck-story-form locale="es" api=${API} partner=${E4E} campaign="tell-your-story"></ck-story-form>`);
    await until(() => q(el, "form"), "the story form");
    const title = q(el, '[part~="title"]')!;
    expect(title.textContent).to.equal("Cuenta tu historia: ¿qué significa la brecha de financiamiento en tu escuela?");
    expect(title.getAttribute("lang")).to.equal("es");
    expect(q(el, ".prompt")!.getAttribute("lang")).to.equal("es");
    expect(q(el, ".prompt")!.textContent).to.contain("Cuéntanos con tus propias palabras.");
    q<HTMLInputElement>(el, 'input[name="publish"][value="anonymous"]')!.click();
    q<HTMLInputElement>(el, 'input[name="ageBand"][value="under_13"]')!.click();
    await el.updateComplete;
    const consents = [...el.shadowRoot.querySelectorAll('label[for^="ck-consent"] span[lang], label[for="ck-guardianConsent"] span[lang]')];
    expect(consents.map((c) => c.getAttribute("lang"))).to.deep.equal(["es", "es", "es", "es"]);
    expect(q(el, 'label[for="ck-consentPartner"] span[lang]')!.textContent).to.equal("Sí, Educators for Excellence puede enviarme correos sobre su trabajo. Puedo darme de baja en cualquier momento.");
  });

  it("the story wall in Spanish: its role filter and each story's date, as a Spanish reader writes it", async () => {
    const form = await fixture<CkStoryForm & El>(html`<ck-story-form locale="es" api=${API} partner=${E4E} campaign="tell-your-story"></ck-story-form>`);
    await until(() => q(form, "form"), "the story form");
    const title = `Sin lavabos ${Date.now()}`;
    const set = (id: string, value: string) => {
      const input = q<HTMLInputElement | HTMLTextAreaElement>(form, `#ck-${id}`)!;
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
    };
    set("title", title);
    set("story", "Nuestro laboratorio de biología lleva dos años sin lavabos que funcionen.");
    for (const [name, value] of [["role", "student"], ["ageBand", "13_17"], ["publish", "anonymous"]]) q<HTMLInputElement>(form, `input[name="${name}"][value="${value}"]`)!.click();
    await form.updateComplete;
    q<HTMLInputElement>(form, "#ck-consentPublish")!.click();
    q<HTMLButtonElement>(form, 'button[type="submit"]')!.click();
    await until(() => q(form, "#ck-thanks"), "the thank-you");
    const queue = await admin<{ stories: Array<{ id: string; title: string }> }>("/v1/admin/stories?status=pending");
    const id = queue.body.stories.find((x) => x.title === title)!.id;
    expect((await admin(`/v1/admin/stories/${id}/moderation`, { method: "POST", body: { decision: "approve" } })).status).to.equal(200);

    const wall = await fixture<CkStoryWall & El>(html`<ck-story-wall locale="es" api=${API} campaign="tell-your-story"></ck-story-wall>`);
    await until(() => q(wall, ".stories"), "the story wall");
    await until(() => q(wall, "fieldset.segmented legend")?.textContent === "Mostrar historias de", "the Spanish filter");
    expect([...wall.shadowRoot.querySelectorAll("label.segment")].map((l) => l.textContent!.trim())[0]).to.equal("Todas las personas");
    const card = [...wall.shadowRoot.querySelectorAll(".story")].find((c) => c.querySelector("h3")!.textContent === title)!;
    const time = card.querySelector("time")!;
    expect(time.textContent).to.equal(new Intl.DateTimeFormat("es", { year: "numeric", month: "short", day: "numeric" }).format(new Date(time.getAttribute("datetime")!)));
    expect(time.textContent, "day, month, year").to.match(/^\d{1,2} [a-z]{3,4}\.? \d{4}$/);
  });
});
