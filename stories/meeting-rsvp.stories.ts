import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { createClient } from "@coalition-kit/sdk";
import { meetingFetch, type MeetingMode } from "./fixtures/meeting-api.js";

interface Args {
  mode: MeetingMode;
  timeZone: string;
}

const client = (mode: MeetingMode) => createClient({ baseUrl: "https://fixtures.invalid", partnerKey: "pk_demo_sej_site", retries: 0, fetch: meetingFetch(mode) });

async function root(canvas: HTMLElement): Promise<ShadowRoot> {
  const el = canvas.querySelector("ck-meeting-rsvp")!;
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector(".occurrences, .alert"); i += 1) await new Promise((r) => setTimeout(r, 20));
  return el.shadowRoot!;
}
const tick = () => new Promise((r) => setTimeout(r, 30));

async function openFirst(canvas: HTMLElement) {
  const r = await root(canvas);
  r.querySelector<HTMLButtonElement>(".occurrence button.primary")!.click();
  await tick();
  return r;
}

const meta: Meta<Args> = {
  title: "Widgets/Meeting RSVP",
  component: "ck-meeting-rsvp",
  args: { mode: "ready", timeZone: "America/New_York" },
  argTypes: {
    mode: { control: "select", options: ["ready", "loading", "load-error"] },
    timeZone: { control: "select", options: ["America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/Madrid"] },
  },
  render: ({ mode, timeZone }) => html`<ck-provider .client=${client(mode)}>
    <ck-meeting-rsvp meeting="sej-member-meetings" time-zone=${timeZone}></ck-meeting-rsvp>
  </ck-provider>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Upcoming: Story = {};
export const ViewerInAnotherZone: Story = { args: { timeZone: "America/Los_Angeles" } };
export const Loading: Story = { args: { mode: "loading" } };
export const LoadError: Story = { args: { mode: "load-error" } };
export const RsvpForm: Story = { play: async ({ canvasElement }) => void (await openFirst(canvasElement)) };
export const FieldErrors: Story = {
  play: async ({ canvasElement }) => {
    const r = await openFirst(canvasElement);
    r.querySelector<HTMLButtonElement>('.form button[type="submit"]')!.click();
  },
};
export const SavedEveryWeek: Story = {
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    r.querySelector<HTMLButtonElement>(".every-week button")!.click();
    await tick();
    r.querySelector<HTMLInputElement>('input[name="response"][value="yes"]')!.click();
    r.querySelector<HTMLInputElement>("#ck-firstName")!.value = "Kiara";
    r.querySelector<HTMLInputElement>("#ck-email")!.value = "kiara@example.org";
    await tick();
    r.querySelector<HTMLButtonElement>('.form button[type="submit"]')!.click();
  },
};
