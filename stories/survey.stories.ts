import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { createClient } from "@coalition-kit/sdk";
import { surveyFetch, type SurveyMode } from "./fixtures/survey-api.js";
import { until } from "./support/until.js";

interface Args {
  mode: SurveyMode;
  variant: string;
  layout: "steps" | "all";
}

const client = (mode: SurveyMode) => createClient({ baseUrl: "https://fixtures.invalid", partnerKey: "pk_demo_sej_site", retries: 0, fetch: surveyFetch(mode) });

function root(canvas: HTMLElement): Promise<ShadowRoot> {
  const el = canvas.querySelector("ck-survey")!;
  return until(() => el.shadowRoot?.querySelector("form, .choose, .alert") && el.shadowRoot, "the survey to load");
}
const shows = (r: ShadowRoot, selector: string) => until(() => r.querySelector(selector), selector);
const option = (name: string, value: string) => `input[name="q-${name}"][value="${value}"]`;
/** Choose an answer once the question is on screen. */
const pick = async (r: ShadowRoot, name: string, value: string) => ((await shows(r, option(name, value))) as HTMLInputElement).click();
const submit = (r: ShadowRoot) => r.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

const meta: Meta<Args> = {
  title: "Widgets/Survey",
  component: "ck-survey",
  args: { mode: "ready", variant: "hillhouse-cross", layout: "steps" },
  argTypes: {
    mode: { control: "select", options: ["ready", "loading", "load-error"] },
    variant: { control: "select", options: ["", "hillhouse-cross", "all-nhps"] },
    layout: { control: "inline-radio", options: ["steps", "all"] },
  },
  // Every story ends in its own state before it counts as rendered (the axe run waits for that).
  play: async ({ canvasElement, args }) => {
    if (args.mode !== "loading") await root(canvasElement);
  },
  render: ({ mode, variant, layout }) => html`<ck-provider .client=${client(mode)}>
    <ck-survey survey="students-over-sros" variant=${variant} layout=${layout} show-results></ck-survey>
  </ck-provider>`,
};
export default meta;
type Story = StoryObj<Args>;

export const FirstQuestion: Story = {};
export const ChooseVersion: Story = { args: { variant: "" } };
export const OtherSchoolsVersion: Story = { args: { variant: "all-nhps" } };
export const AllAtOnce: Story = { args: { layout: "all" } };
export const Loading: Story = { args: { mode: "loading" } };
export const LoadError: Story = { args: { mode: "load-error" } };
export const RequiredError: Story = {
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    submit(r);
    await shows(r, ".error");
  },
};
export const ScaleQuestion: Story = {
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    for (const [name, value] of [["school", "cross"], ["grade", "10"], ["presence", "daily"]] as const) {
      await pick(r, name, value);
      submit(r);
    }
    await shows(r, 'input[name="q-feel_safe"]');
  },
};
export const ThankYouWithResults: Story = {
  args: { layout: "all" },
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    for (const [name, value] of [["school", "cross"], ["grade", "10"], ["presence", "daily"], ["feel_safe", "2"], ["uncomfortable", "no"], ["instead", "counselors"]] as const) await pick(r, name, value);
    submit(r);
    await shows(r, ".success");
  },
};

const spanish = (variant: string, layout: string) => html`<ck-provider .client=${createClient({ baseUrl: "https://fixtures.invalid", partnerKey: "pk_demo_sej_site", retries: 0, locale: "es", fetch: surveyFetch("ready", "es") })}>
  <ck-survey survey="students-over-sros" variant=${variant} layout=${layout} show-results locale="es"></ck-survey>
</ck-provider>`;
const spanishLoaded = async (canvas: HTMLElement) => {
  const r = await root(canvas);
  await until(() => r.querySelector('[part~="title"]')?.getAttribute("lang") === "es" && r.querySelector(".prompt"), "the Spanish survey");
  return r;
};

/**
 * On a Spanish page (`locale="es"`): the widget's words and the organizer's Spanish survey, all
 * questions at once, each text marked with its language (the school names, left untranslated, say
 * `lang="en"`). Widgets keep one language per page: reload the preview to see the other stories
 * in English again.
 */
export const SpanishContent: Story = {
  args: { layout: "all" },
  render: ({ variant, layout }) => spanish(variant, layout),
  play: async ({ canvasElement }) => void (await spanishLoaded(canvasElement)),
};

/** Answered on a Spanish page: the results' questions and options in Spanish. */
export const SpanishResults: Story = {
  args: { layout: "all" },
  render: ({ variant, layout }) => spanish(variant, layout),
  play: async ({ canvasElement }) => {
    const r = await spanishLoaded(canvasElement);
    for (const [name, value] of [["school", "cross"], ["grade", "10"], ["presence", "daily"], ["feel_safe", "2"], ["uncomfortable", "no"], ["instead", "counselors"]] as const) await pick(r, name, value);
    submit(r);
    await shows(r, ".results");
  },
};
