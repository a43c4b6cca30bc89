import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { createClient } from "@coalition-kit/sdk";
import { storyFetch, type StoryMode } from "./fixtures/story-api.js";

interface Args {
  mode: StoryMode;
}

const client = (mode: StoryMode) => createClient({ baseUrl: "https://fixtures.invalid", partnerKey: "pk_demo_faithacts", retries: 0, fetch: storyFetch(mode) });

async function formRoot(canvas: HTMLElement): Promise<ShadowRoot> {
  const el = canvas.querySelector("ck-story-form")!;
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector("form, .alert"); i += 1) await new Promise((r) => setTimeout(r, 20));
  return el.shadowRoot!;
}

const click = (root: ShadowRoot, selector: string) => root.querySelector<HTMLElement>(selector)!.click();
const wait = () => new Promise((r) => setTimeout(r, 30));

const meta: Meta<Args> = {
  title: "Widgets/Stories",
  args: { mode: "ready" },
  argTypes: { mode: { control: "select", options: ["ready", "loading", "load-error", "empty"] } },
};
export default meta;
type Story = StoryObj<Args>;

const formStory = (mode: StoryMode) => html`<ck-provider .client=${client(mode)}><ck-story-form campaign="tell-your-story"></ck-story-form></ck-provider>`;
const wallStory = (mode: StoryMode) => html`<ck-provider .client=${client(mode)}><ck-story-wall campaign="tell-your-story" page-size="3"></ck-story-wall></ck-provider>`;

export const Form: Story = { render: ({ mode }) => formStory(mode) };
export const FormLoading: Story = { render: () => formStory("loading") };
export const FormLoadError: Story = { render: () => formStory("load-error") };
export const FormSharingWithFirstName: Story = {
  render: () => formStory("ready"),
  play: async ({ canvasElement }) => {
    const root = await formRoot(canvasElement);
    click(root, 'input[name="publish"][value="first_name"]');
  },
};
export const FormUnderThirteen: Story = {
  render: () => formStory("ready"),
  play: async ({ canvasElement }) => {
    const root = await formRoot(canvasElement);
    click(root, 'input[name="ageBand"][value="under_13"]');
  },
};
export const FormValidationErrors: Story = {
  render: () => formStory("ready"),
  play: async ({ canvasElement }) => {
    const root = await formRoot(canvasElement);
    click(root, 'button[type="submit"]');
  },
};
export const FormSubmitted: Story = {
  render: () => formStory("ready"),
  play: async ({ canvasElement }) => {
    const root = await formRoot(canvasElement);
    root.querySelector<HTMLInputElement>("#ck-title")!.value = "Thirty-eight in my math class";
    root.querySelector<HTMLTextAreaElement>("#ck-story")!.value = "There are thirty-eight of us in Algebra II and not enough desks.";
    click(root, 'input[name="role"][value="student"]');
    click(root, 'input[name="ageBand"][value="13_17"]');
    click(root, 'input[name="publish"][value="anonymous"]');
    await wait();
    click(root, "#ck-consentPublish");
    click(root, 'button[type="submit"]');
  },
};

export const Wall: Story = { render: ({ mode }) => wallStory(mode) };
export const WallEmpty: Story = { render: () => wallStory("empty") };
export const WallLoading: Story = { render: () => wallStory("loading") };
export const WallLoadError: Story = { render: () => wallStory("load-error") };
