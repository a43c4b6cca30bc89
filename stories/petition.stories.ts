import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { createClient } from "@coalition-kit/sdk";
import type { CkPetition } from "@coalition-kit/widgets";
import { defineTablingStatus } from "@coalition-kit/widgets/tabling-status";
import { fixtureFetch, petitionResponse, type FixtureMode } from "./fixtures/petition-api.js";
import { until } from "./support/until.js";

interface Args {
  mode: FixtureMode;
  askAgeBand: boolean;
  theme: "default" | "custom";
}

const client = (mode: FixtureMode, askAgeBand: boolean, long = false) =>
  createClient({
    baseUrl: "https://fixtures.invalid",
    partnerKey: "pk_demo_e4e",
    retries: 0,
    fetch: fixtureFetch(mode, petitionResponse(long ? { title: `${"Fully fund ".repeat(6)}our schools`, body: `${"Connecticut's public schools are underfunded by $713 million a year. ".repeat(12)}` } : { askAgeBand })),
  });

function petitionIn(canvas: HTMLElement): CkPetition {
  return canvas.querySelector("ck-petition") as CkPetition;
}

function loaded(el: CkPetition): Promise<ShadowRoot> {
  return until(() => el.shadowRoot?.querySelector("form, .closed, .alert") && el.shadowRoot, "the petition to load");
}

function fill(root: ShadowRoot, values: Record<string, string>) {
  for (const [id, value] of Object.entries(values)) {
    const input = root.querySelector<HTMLInputElement>(`#ck-${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }
}

/** Sign with valid answers, then wait until the widget shows `outcome` (a selector in its shadow root). */
async function submitValid(canvas: HTMLElement, outcome: string) {
  const root = await loaded(petitionIn(canvas));
  fill(root, { firstName: "Maya", email: "maya@example.org", zip: "06511" });
  root.querySelector<HTMLInputElement>('input[value="18_plus"]')?.click();
  root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await until(() => root.querySelector(outcome), outcome);
}

// A partner's own theme, whole (its page colours too), so it reads the same under every preset.
const customTheme =
  "--ck-color-primary:#7a1f5c;--ck-font-family:Georgia,serif;--ck-radius:2px;--ck-color-surface:#fbf3f8;--ck-color-text:#2a1a24;--ck-color-muted:#5c4a55;--ck-color-bg:#ffffff;--ck-color-border:#8a7a84;--ck-color-on-primary:#ffffff;--ck-color-error:#b3261e;--ck-color-success:#1b7a3d;--ck-color-focus:#b45309;";

const meta: Meta<Args> = {
  title: "Widgets/Petition",
  component: "ck-petition",
  args: { mode: "ready", askAgeBand: true, theme: "default" },
  argTypes: {
    mode: { control: "select", options: ["ready", "loading", "load-error", "submitting", "already-signed", "submit-offline", "closed", "rate-limited", "confirm-email", "guardian-pending"] },
    theme: { control: "inline-radio", options: ["default", "custom"] },
  },
  // Every story ends in its own state before it counts as rendered (the axe run waits for that).
  play: async ({ canvasElement, args }) => {
    if (args.mode !== "loading") await loaded(petitionIn(canvasElement));
  },
  render: ({ mode, askAgeBand, theme }) => html`
    <ck-provider .client=${client(mode, askAgeBand)}>
      <ck-petition petition="ct-funding-gap" poll-interval="0" style=${theme === "custom" ? customTheme : ""}></ck-petition>
    </ck-provider>
  `,
};
export default meta;
type Story = StoryObj<Args>;

export const Ready: Story = {};
export const WithoutAgeQuestion: Story = { args: { askAgeBand: false } };
export const Loading: Story = { args: { mode: "loading" } };
export const LoadError: Story = { args: { mode: "load-error" } };
export const Closed: Story = { args: { mode: "closed" } };

export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const root = await loaded(petitionIn(canvasElement));
    fill(root, { firstName: "", email: "maya@", zip: "651" });
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => root.querySelector(".error"), "field errors");
  },
};

export const UnderThirteenGuardian: Story = {
  play: async ({ canvasElement }) => {
    const root = await loaded(petitionIn(canvasElement));
    root.querySelector<HTMLInputElement>('input[value="under_13"]')!.click();
    await until(() => root.querySelector("#ck-guardianEmail"), "the guardian's email field");
  },
};

export const Submitting: Story = { args: { mode: "submitting" }, play: ({ canvasElement }) => submitValid(canvasElement, 'button[type="submit"][disabled]') };
/** Thanks, then the share panel: the link with the signer's code, and WhatsApp, text, email, Facebook and X (on a device without a share sheet). */
export const Success: Story = { play: ({ canvasElement }) => submitValid(canvasElement, ".success") };
export const AlreadySigned: Story = { args: { mode: "already-signed" }, play: ({ canvasElement }) => submitValid(canvasElement, ".success") };
export const NetworkErrorOnSubmit: Story = { args: { mode: "submit-offline" }, play: ({ canvasElement }) => submitValid(canvasElement, ".alert") };
/** Double opt-in petitions: the signature counts once the emailed link is opened. */
export const CheckYourEmail: Story = { args: { mode: "confirm-email" }, play: ({ canvasElement }) => submitValid(canvasElement, ".success.pending") };
/** A signer under 13: the signature waits for a parent or guardian's consent by email. */
export const WaitingForGuardian: Story = {
  args: { mode: "guardian-pending" },
  play: async ({ canvasElement }) => {
    const root = await loaded(petitionIn(canvasElement));
    fill(root, { firstName: "Tomás", email: "tomas@example.org", zip: "06511" });
    root.querySelector<HTMLInputElement>('input[value="under_13"]')!.click();
    await until(() => root.querySelector("#ck-guardianEmail"), "the guardian's email field");
    fill(root, { guardianEmail: "parent@example.org" });
    root.querySelector<HTMLInputElement>("#ck-guardianConsent")!.click();
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => root.querySelector(".success.pending"), "the waiting-for-a-guardian state");
  },
};
export const RateLimited: Story = { args: { mode: "rate-limited" }, play: ({ canvasElement }) => submitValid(canvasElement, ".alert") };

/** `layout="form-first"`: the form right under the count, the petition's text folded below it under "Read the full petition". */
export const FormFirst: Story = {
  render: ({ mode, askAgeBand }) => html`<ck-provider .client=${client(mode, askAgeBand, true)}><ck-petition petition="ct-funding-gap" poll-interval="0" layout="form-first"></ck-petition></ck-provider>`,
};

/**
 * Others keep signing while the page is open: every 3 seconds the live count gets 137 more and
 * counts up to the new total (straight there under reduced motion).
 */
export const CountRising: Story = {
  render: () => {
    const data = petitionResponse();
    let total = data.stats.total;
    const answer = fixtureFetch("ready", data);
    const rising: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.includes("/stats")) return answer(input, init);
      total += 137;
      return Promise.resolve(new Response(JSON.stringify({ stats: { ...data.stats, total } }), { headers: { "Content-Type": "application/json" } }));
    };
    const rise = createClient({ baseUrl: "https://fixtures.invalid", partnerKey: "pk_demo_e4e", retries: 0, fetch: rising });
    return html`<ck-provider .client=${rise}><ck-petition petition="ct-funding-gap" poll-interval="3000"></ck-petition></ck-provider>`;
  },
};

export const CustomTheme: Story = { args: { theme: "custom" } };

export const DarkScheme: Story = {
  render: (args) => html`<div style="background:#0d1117;padding:1rem;color-scheme:dark">
    <ck-provider .client=${client(args.mode, args.askAgeBand)}>
      <ck-petition petition="ct-funding-gap" poll-interval="0"
        style="--ck-color-text:#e8ecf1;--ck-color-muted:#a9b3bf;--ck-color-bg:#161b22;--ck-color-surface:#202833;--ck-color-border:#3b4654;--ck-color-primary:#7aa2ff;--ck-color-on-primary:#0b1220;--ck-color-error:#ff8a80;--ck-color-success:#6fd394"></ck-petition>
    </ck-provider>
  </div>`,
};

export const LongText: Story = {
  render: () => html`<ck-provider .client=${client("ready", true, true)}><ck-petition petition="ct-funding-gap" poll-interval="0"></ck-petition></ck-provider>`,
};

export const CustomThankYou: Story = {
  render: (args) => html`<ck-provider .client=${client(args.mode, args.askAgeBand)}>
    <ck-petition petition="ct-funding-gap" poll-interval="0">
      <div slot="thank-you"><h3>You're in, thank you!</h3><p>Next: call your legislator on Tuesday's day of action.</p></div>
    </ck-petition>
  </ck-provider>`,
  play: ({ canvasElement }) => submitValid(canvasElement, ".success"),
};

/**
 * On a Spanish page (`locale="es"`, or `<html lang="es">`): the widget's words and the organizer's
 * Spanish title, text, target and consent texts, each marked `lang="es"`. Widgets keep one
 * language per page: reload the preview to see the other stories in English again.
 */
export const SpanishContent: Story = {
  render: () => html`<ck-provider .client=${createClient({ baseUrl: "https://fixtures.invalid", partnerKey: "pk_demo_e4e", retries: 0, locale: "es", fetch: fixtureFetch("ready", petitionResponse({}, undefined, "es")) })}>
    <ck-petition petition="ct-funding-gap" poll-interval="0" locale="es"></ck-petition>
  </ck-provider>`,
  play: async ({ canvasElement }) => {
    const root = await loaded(petitionIn(canvasElement));
    await until(() => root.querySelector("#ck-form-heading")?.textContent === "Añade tu nombre", "the Spanish form");
  },
};

/** A new petition that keeps its small count off the page (`countShownFrom`): the goal alone, no bar or partner counts, until enough have signed. */
export const CountHidden: Story = {
  render: () => html`<ck-provider .client=${createClient({ baseUrl: "https://fixtures.invalid", partnerKey: "pk_demo_e4e", retries: 0, fetch: fixtureFetch("ready", petitionResponse({ countShownFrom: 100 }, 12)) })}>
    <ck-petition petition="ct-funding-gap" poll-interval="0"></ck-petition>
  </ck-provider>`,
  play: async ({ canvasElement }) => {
    await loaded(petitionIn(canvasElement));
  },
};

/**
 * Tabling mode (`mode="tabling"`, a shared device at a table): the organizer's status line above
 * the form, here with two signatures waiting on the device and one the API refused (the petition
 * had closed), just after a person finished without a connection.
 */
export const Tabling: Story = {
  render: () => {
    defineTablingStatus();
    const waiting = (n: number) => ({ key: `preview-${n}`, scope: "preview", campaign: "ct-funding-gap", input: { firstName: "Student", collectedAt: "2026-12-03T15:00:00Z" }, state: "waiting" as const });
    const preview = {
      thanked: "saved" as const,
      actions: [waiting(1), waiting(2), { ...waiting(3), input: { firstName: "Jordan" }, state: "refused" as const, reason: "This petition is closed and no longer accepting signatures." }],
    };
    return html`<ck-tabling-status .preview=${preview}></ck-tabling-status>
      <ck-provider .client=${client("ready", true)}><ck-petition petition="ct-funding-gap" poll-interval="0"></ck-petition></ck-provider>`;
  },
  play: async ({ canvasElement }) => {
    await loaded(petitionIn(canvasElement));
  },
};
