import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { createClient } from "@coalition-kit/sdk";
import { meetingFetch, type MeetingMode } from "./fixtures/meeting-api.js";
import { until } from "./support/until.js";

interface Args {
  mode: MeetingMode;
  timeZone: string;
}

const client = (mode: MeetingMode) => createClient({ baseUrl: "https://fixtures.invalid", partnerKey: "pk_demo_sej_site", retries: 0, fetch: meetingFetch(mode) });

function root(canvas: HTMLElement): Promise<ShadowRoot> {
  const el = canvas.querySelector("ck-meeting-rsvp")!;
  return until(() => el.shadowRoot?.querySelector(".occurrences, .alert") && el.shadowRoot, "the meetings to load");
}
const shows = (r: ShadowRoot, selector: string) => until(() => r.querySelector(selector), selector);

async function openFirst(canvas: HTMLElement) {
  const r = await root(canvas);
  r.querySelector<HTMLButtonElement>(".occurrence button.primary")!.click();
  await shows(r, ".form");
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
  // Every story ends in its own state before it counts as rendered (the axe run waits for that).
  play: async ({ canvasElement, args }) => {
    if (args.mode !== "loading") await root(canvasElement);
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
    await shows(r, ".error");
  },
};
export const SavedEveryWeek: Story = {
  play: async ({ canvasElement }) => {
    const r = await root(canvasElement);
    r.querySelector<HTMLButtonElement>(".every-week button")!.click();
    ((await shows(r, 'input[name="response"][value="yes"]')) as HTMLInputElement).click();
    await until(() => r.querySelector<HTMLInputElement>('input[name="response"][value="yes"]')?.checked, "the yes answer to be chosen");
    r.querySelector<HTMLInputElement>("#ck-firstName")!.value = "Kiara";
    r.querySelector<HTMLInputElement>("#ck-email")!.value = "kiara@example.org";
    r.querySelector<HTMLButtonElement>('.form button[type="submit"]')!.click();
    await shows(r, ".success");
  },
};

/**
 * On a Spanish page (`locale="es"`): the widget's words and the organizer's Spanish title,
 * description, summer break, one-week notes and consent texts (the RSVP form is open), each marked
 * `lang="es"`. Widgets keep one language per page: reload the preview to see the other stories in
 * English again.
 */
export const SpanishContent: Story = {
  render: ({ timeZone }) => html`<ck-provider .client=${createClient({ baseUrl: "https://fixtures.invalid", partnerKey: "pk_demo_sej_site", retries: 0, locale: "es", fetch: meetingFetch("ready", "es") })}>
    <ck-meeting-rsvp meeting="sej-member-meetings" time-zone=${timeZone} locale="es"></ck-meeting-rsvp>
  </ck-provider>`,
  play: async ({ canvasElement }) => {
    const r = await openFirst(canvasElement);
    await until(() => r.querySelector('#ck-meeting-title[lang="es"]')?.textContent === "Reunión de miembros de SEJ", "the Spanish meeting");
  },
};
