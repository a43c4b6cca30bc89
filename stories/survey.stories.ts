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
