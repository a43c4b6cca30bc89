import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { createClient } from "@coalition-kit/sdk";
import { defineTablingStatus } from "@coalition-kit/widgets/tabling-status";
import { trainingFetch, type TrainingMode } from "./fixtures/training-api.js";
import { until } from "./support/until.js";

interface Args {
  mode: TrainingMode;
  view: "list" | "month";
  timeZone: string;
}

const client = (mode: TrainingMode) => createClient({ baseUrl: "https://fixtures.invalid", partnerKey: "pk_demo_sej", retries: 0, fetch: trainingFetch(mode) });

function rendered(canvas: HTMLElement): Promise<ShadowRoot> {
  const el = canvas.querySelector("ck-training-calendar")!;
  return until(() => el.shadowRoot?.querySelector(".sessions, .month, .alert") && el.shadowRoot, "the calendar to load");
}

async function openFirst(canvas: HTMLElement): Promise<ShadowRoot> {
  const root = await rendered(canvas);
  root.querySelector<HTMLButtonElement>(".session button.primary")!.click();
  await until(() => root.querySelector("#ck-firstName"), "the registration form");
  return root;
}

async function registerFirst(canvas: HTMLElement) {
  const root = await openFirst(canvas);
  for (const [id, value] of [["firstName", "Jay"], ["email", "jay@example.org"]]) root.querySelector<HTMLInputElement>(`#ck-${id}`)!.value = value!;
  root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await until(() => root.querySelector(".success"), "the registration to be confirmed");
}

const meta: Meta<Args> = {
  title: "Widgets/Training calendar",
  component: "ck-training-calendar",
  args: { mode: "ready", view: "list", timeZone: "America/Chicago" },
  argTypes: {
    mode: { control: "select", options: ["ready", "loading", "load-error", "full"] },
    view: { control: "inline-radio", options: ["list", "month"] },
    timeZone: { control: "select", options: ["America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/Madrid"] },
  },
  // Every story ends in its own state before it counts as rendered (the axe run waits for that).
  play: async ({ canvasElement, args }) => {
    if (args.mode !== "loading") await rendered(canvasElement);
  },
  render: ({ mode, view, timeZone }) => html`
    <ck-provider .client=${client(mode)}>
      <ck-training-calendar series="heal-together-2" view=${view} time-zone=${timeZone}></ck-training-calendar>
    </ck-provider>
  `,
};
export default meta;
type Story = StoryObj<Args>;

export const Upcoming: Story = {};
export const SameZoneAsEvent: Story = { args: { timeZone: "America/New_York" } };
export const MonthView: Story = { args: { view: "month" } };
export const Loading: Story = { args: { mode: "loading" } };
export const LoadError: Story = { args: { mode: "load-error" } };
export const FullWithWaitlist: Story = { args: { mode: "full" } };
export const RegistrationForm: Story = { play: ({ canvasElement }) => openFirst(canvasElement).then(() => undefined) };
export const Registered: Story = { play: ({ canvasElement }) => registerFirst(canvasElement) };
export const Waitlisted: Story = { args: { mode: "full" }, play: ({ canvasElement }) => registerFirst(canvasElement) };
export const PastSessions: Story = {
  play: async ({ canvasElement }) => {
    const root = await rendered(canvasElement);
    [...root.querySelectorAll<HTMLButtonElement>(".toggle")].find((b) => b.textContent === "Past")!.click();
    await until(() => root.querySelector(".is-past"), "past sessions");
  },
};

/**
 * On a Spanish page (`locale="es"`): the widget's words and the organizer's Spanish series title,
 * description, session titles and descriptions, leaders' roles and consent texts (the registration
 * form is open), each marked `lang="es"`. Widgets keep one language per page: reload the preview to
 * see the other stories in English again.
 */
export const SpanishContent: Story = {
  render: ({ view, timeZone }) => html`
    <ck-provider .client=${createClient({ baseUrl: "https://fixtures.invalid", partnerKey: "pk_demo_sej", retries: 0, locale: "es", fetch: trainingFetch("ready", "es") })}>
      <ck-training-calendar series="heal-together-2" view=${view} time-zone=${timeZone} locale="es"></ck-training-calendar>
    </ck-provider>
  `,
  play: async ({ canvasElement }) => {
    const root = await openFirst(canvasElement);
    await until(() => root.querySelector('#ck-cal-title[lang="es"]')?.textContent === "Serie de capacitaciones HEAL Together 2.0", "the Spanish series");
  },
};

/**
 * Tabling mode (`mode="tabling"`, registration on a shared device at a table): the organizer's
 * status line above the calendar, here with two registrations waiting on the device and one the
 * API refused (the session had started), just after a person registered without a connection.
 */
export const Tabling: Story = {
  render: () => {
    defineTablingStatus();
    const waiting = (n: number) => ({ key: `preview-${n}`, scope: "preview", campaign: "heal-together-2", session: "preview-session", input: { firstName: "Student", collectedAt: "2026-12-03T15:00:00Z" }, state: "waiting" as const });
    const preview = {
      thanked: "savedRegistration" as const,
      actions: [waiting(1), waiting(2), { ...waiting(3), input: { firstName: "Jordan" }, state: "refused" as const, reason: "Registration for this session is closed." }],
    };
    return html`<ck-tabling-status .preview=${preview}></ck-tabling-status>
      <ck-provider .client=${client("ready")}><ck-training-calendar series="heal-together-2" time-zone="America/Chicago"></ck-training-calendar></ck-provider>`;
  },
};
