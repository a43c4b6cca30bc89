import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { createClient } from "@coalition-kit/sdk";
import { storyFetch, type StoryMode } from "./fixtures/story-api.js";
import { until } from "./support/until.js";

interface Args {
  mode: StoryMode;
}

const client = (mode: StoryMode) => createClient({ baseUrl: "https://fixtures.invalid", partnerKey: "pk_demo_faithacts", retries: 0, fetch: storyFetch(mode) });

function formRoot(canvas: HTMLElement): Promise<ShadowRoot> {
  const el = canvas.querySelector("ck-story-form")!;
  return until(() => el.shadowRoot?.querySelector("form, .alert") && el.shadowRoot, "the story form to load");
}

/** Wait until the wall shows stories, its empty note or its error. */
async function wallLoaded(canvas: HTMLElement): Promise<void> {
  const el = canvas.querySelector("ck-story-wall")!;
  await until(() => el.shadowRoot?.querySelector(".stories, .empty, .alert"), "the story wall to load");
}

const click = (root: ShadowRoot, selector: string) => root.querySelector<HTMLElement>(selector)!.click();
const shows = (root: ShadowRoot, selector: string) => until(() => root.querySelector(selector), selector);
const formLoaded = async ({ canvasElement }: { canvasElement: HTMLElement }) => void (await formRoot(canvasElement));
const wallShown = ({ canvasElement }: { canvasElement: HTMLElement }) => wallLoaded(canvasElement);

const meta: Meta<Args> = {
  title: "Widgets/Stories",
  args: { mode: "ready" },
  argTypes: { mode: { control: "select", options: ["ready", "loading", "load-error", "empty"] } },
};
export default meta;
type Story = StoryObj<Args>;

const formStory = (mode: StoryMode) => html`<ck-provider .client=${client(mode)}><ck-story-form campaign="tell-your-story"></ck-story-form></ck-provider>`;
const wallStory = (mode: StoryMode) => html`<ck-provider .client=${client(mode)}><ck-story-wall campaign="tell-your-story" page-size="3"></ck-story-wall></ck-provider>`;

export const Form: Story = { render: ({ mode }) => formStory(mode), play: formLoaded };
export const FormLoading: Story = { render: () => formStory("loading") };
export const FormLoadError: Story = { render: () => formStory("load-error"), play: formLoaded };
export const FormSharingWithFirstName: Story = {
  render: () => formStory("ready"),
  play: async ({ canvasElement }) => {
    const root = await formRoot(canvasElement);
    click(root, 'input[name="publish"][value="first_name"]');
    await shows(root, "#ck-firstName");
  },
};
export const FormUnderThirteen: Story = {
  render: () => formStory("ready"),
  play: async ({ canvasElement }) => {
    const root = await formRoot(canvasElement);
    click(root, 'input[name="ageBand"][value="under_13"]');
    await shows(root, "#ck-guardianEmail");
  },
};
export const FormValidationErrors: Story = {
  render: () => formStory("ready"),
  play: async ({ canvasElement }) => {
    const root = await formRoot(canvasElement);
    click(root, 'button[type="submit"]');
    await shows(root, ".error");
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
    await shows(root, "#ck-consentPublish");
    click(root, "#ck-consentPublish");
    click(root, 'button[type="submit"]');
    await shows(root, ".success");
  },
};
export const FormWaitingForGuardian: Story = {
  render: () => formStory("ready"),
  play: async ({ canvasElement }) => {
    const root = await formRoot(canvasElement);
    root.querySelector<HTMLInputElement>("#ck-title")!.value = "Our bus comes at 6:10";
    root.querySelector<HTMLTextAreaElement>("#ck-story")!.value = "I wait for the bus in the dark every morning because it has to go to three schools.";
    click(root, 'input[name="role"][value="student"]');
    click(root, 'input[name="ageBand"][value="under_13"]');
    click(root, 'input[name="publish"][value="first_name"]');
    await shows(root, "#ck-firstName");
    root.querySelector<HTMLInputElement>("#ck-firstName")!.value = "Luis";
    await shows(root, "#ck-guardianEmail");
    root.querySelector<HTMLInputElement>("#ck-guardianEmail")!.value = "parent@example.org";
    click(root, "#ck-guardianConsent");
    click(root, "#ck-consentPublish");
    click(root, 'button[type="submit"]');
    await shows(root, ".success");
  },
};

export const Wall: Story = { render: ({ mode }) => wallStory(mode), play: wallShown };
export const WallEmpty: Story = { render: () => wallStory("empty"), play: wallShown };
export const WallLoading: Story = { render: () => wallStory("loading") };
export const WallLoadError: Story = { render: () => wallStory("load-error"), play: wallShown };

/**
 * On a Spanish page (`locale="es"`): the widget's words and the organizer's Spanish title, prompt
 * and consent texts (here for an author under 13, so the guardian's consent shows too), each
 * marked `lang="es"`. Widgets keep one language per page: reload the preview to see the other
 * stories in English again.
 */
export const FormSpanishContent: Story = {
  render: () => html`<ck-provider .client=${createClient({ baseUrl: "https://fixtures.invalid", partnerKey: "pk_demo_faithacts", retries: 0, locale: "es", fetch: storyFetch("ready", "es") })}>
    <ck-story-form campaign="tell-your-story" locale="es"></ck-story-form>
  </ck-provider>`,
  play: async ({ canvasElement }) => {
    const root = await formRoot(canvasElement);
    await until(() => root.querySelector('[part~="title"]')?.getAttribute("lang") === "es", "the Spanish story call");
    click(root, 'input[name="publish"][value="anonymous"]');
    click(root, 'input[name="ageBand"][value="under_13"]');
    await shows(root, "#ck-guardianConsent");
  },
};

/** The wall on a Spanish page: each story in the language its author wrote it in, marked with lang. */
export const WallSpanishContent: Story = {
  render: () => html`<ck-provider .client=${createClient({ baseUrl: "https://fixtures.invalid", partnerKey: "pk_demo_faithacts", retries: 0, locale: "es", fetch: storyFetch("ready", "es") })}>
    <ck-story-wall campaign="tell-your-story" page-size="3" locale="es"></ck-story-wall>
  </ck-provider>`,
  play: wallShown,
};
