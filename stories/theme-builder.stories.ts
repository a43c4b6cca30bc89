import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { createClient } from "@coalition-kit/sdk";
import { fixtureFetch, petitionResponse } from "./fixtures/petition-api.js";
import { until } from "./support/until.js";
import { contrast } from "./support/contrast.js";

/** One control of the builder: the story arg, the --ck-* token it sets and its starting value (the light preset). */
interface TokenControl {
  arg: keyof Args;
  token: string;
  label: string;
  start: string | number;
}

interface Args {
  font: string;
  fontSize: number;
  radius: number;
  text: string;
  muted: string;
  bg: string;
  surface: string;
  border: string;
  primary: string;
  onPrimary: string;
  error: string;
  success: string;
  focus: string;
}

const fonts: Record<string, string> = {
  System: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  Humanist: 'Verdana, "Segoe UI", Tahoma, sans-serif',
  Serif: 'Georgia, "Times New Roman", serif',
  Rounded: 'ui-rounded, "Nunito", system-ui, sans-serif',
};

const colours: TokenControl[] = [
  { arg: "text", token: "--ck-color-text", label: "Text", start: "#1c2430" },
  { arg: "muted", token: "--ck-color-muted", label: "Muted text", start: "#56606e" },
  { arg: "bg", token: "--ck-color-bg", label: "Background", start: "#ffffff" },
  { arg: "surface", token: "--ck-color-surface", label: "Surface (boxes, progress)", start: "#f4f6f8" },
  { arg: "border", token: "--ck-color-border", label: "Borders", start: "#848e9b" },
  { arg: "primary", token: "--ck-color-primary", label: "Primary (buttons, links)", start: "#1f5eff" },
  { arg: "onPrimary", token: "--ck-color-on-primary", label: "Text on primary", start: "#ffffff" },
  { arg: "error", token: "--ck-color-error", label: "Errors", start: "#b3261e" },
  { arg: "success", token: "--ck-color-success", label: "Success", start: "#1b7a3d" },
  { arg: "focus", token: "--ck-color-focus", label: "Focus ring", start: "#b45309" },
];

/** The --ck-* declarations the controls make, in the order the CSS block lists them. */
function declarations(args: Args): Array<[string, string]> {
  return [
    ["--ck-font-family", fonts[args.font] ?? fonts.System!],
    ["--ck-font-size", `${args.fontSize}rem`],
    ["--ck-radius", `${args.radius}px`],
    ...colours.map((c): [string, string] => [c.token, String(args[c.arg])]),
  ];
}

/** The pairs a reader must tell apart, with the WCAG minimum for each (4.5:1 text, 3:1 borders and focus). */
function checks(args: Args): Array<{ what: string; ratio: number; min: number }> {
  return [
    { what: "Text on background", ratio: contrast(args.text, args.bg), min: 4.5 },
    { what: "Text on surface", ratio: contrast(args.text, args.surface), min: 4.5 },
    { what: "Muted text on surface", ratio: contrast(args.muted, args.surface), min: 4.5 },
    { what: "Text on primary", ratio: contrast(args.onPrimary, args.primary), min: 4.5 },
    { what: "Links on background", ratio: contrast(args.primary, args.bg), min: 4.5 },
    { what: "Errors on background", ratio: contrast(args.error, args.bg), min: 4.5 },
    { what: "Success on surface", ratio: contrast(args.success, args.surface), min: 4.5 },
    { what: "Borders on background", ratio: contrast(args.border, args.bg), min: 3 },
    { what: "Focus ring on background", ratio: contrast(args.focus, args.bg), min: 3 },
  ];
}

async function copy(event: Event, text: string) {
  const status = (event.currentTarget as HTMLElement).parentElement!.querySelector(".copy-status")!;
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = "Copied.";
  } catch {
    status.textContent = "Could not copy: select the text and copy it.";
  }
}

const client = createClient({ baseUrl: "https://fixtures.invalid", partnerKey: "pk_demo_e4e", retries: 0, fetch: fixtureFetch("ready", petitionResponse()) });

const builderStyles = html`<style>
  .builder { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); align-items: start; gap: 1.5rem; font-family: var(--ck-font-family); color: var(--ck-color-text); background: var(--ck-color-bg); padding: 1rem; }
  .builder h2 { font-size: 1.25rem; margin: 0 0 0.5rem; }
  .builder pre { background: var(--ck-color-surface); color: var(--ck-color-text); border: 1px solid var(--ck-color-border); border-radius: var(--ck-radius); padding: 0.75rem; margin: 0 0 0.75rem; white-space: pre-wrap; word-break: break-word; font: 0.875rem/1.5 ui-monospace, SFMono-Regular, Menlo, monospace; }
  .builder button { font: inherit; font-weight: 700; min-height: 2.75rem; padding: 0.5rem 1rem; border: 0; border-radius: calc(var(--ck-radius) / 2); background: var(--ck-color-primary); color: var(--ck-color-on-primary); cursor: pointer; }
  .builder button:focus-visible { outline: 3px solid var(--ck-color-focus); outline-offset: 2px; }
  .builder table { border-collapse: collapse; }
  .builder th, .builder td { text-align: start; padding: 0.25rem 0.75rem 0.25rem 0; border-bottom: 1px solid var(--ck-color-border); }
  .copy-status { margin-inline-start: 0.75rem; }
</style>`;

const meta: Meta<Args> = {
  title: "Theming/Theme builder",
  args: {
    font: "System",
    fontSize: 1,
    radius: 8,
    ...Object.fromEntries(colours.map((c) => [c.arg, c.start])),
  } as Args,
  argTypes: {
    font: { control: "select", options: Object.keys(fonts), description: "--ck-font-family" },
    fontSize: { control: { type: "range", min: 0.875, max: 1.25, step: 0.0625 }, description: "--ck-font-size (rem)" },
    radius: { control: { type: "range", min: 0, max: 24, step: 1 }, description: "--ck-radius (px)" },
    ...Object.fromEntries(colours.map((c) => [c.arg, { control: "color", name: c.label, description: c.token }])),
  },
  parameters: {
    docs: { description: { component: "Change the tokens in the Controls panel: the petition below follows live, and the CSS block is what to paste into your page (or into a copy of a preset from `@coalition-kit/widgets/themes/`). The table checks each pair against WCAG contrast minimums." } },
  },
  play: async ({ canvasElement }) => {
    await until(() => canvasElement.querySelector("ck-petition")?.shadowRoot?.querySelector("form"), "the preview petition to load");
  },
  render: (args) => {
    const decls = declarations(args);
    const cssText = `:root {\n${decls.map(([k, v]) => `  ${k}: ${v};`).join("\n")}\n}\n`;
    return html`${builderStyles}
      <div class="builder" style=${decls.map(([k, v]) => `${k}: ${v}`).join("; ")}>
        <div>
          <section>
            <h2>CSS to paste</h2>
            <pre><code>${cssText}</code></pre>
            <div><button type="button" @click=${(e: Event) => copy(e, cssText)}>Copy CSS</button><span class="copy-status" role="status"></span></div>
          </section>
          <section>
            <h2>Contrast</h2>
            <table>
              <thead><tr><th scope="col">Pair</th><th scope="col">Ratio</th><th scope="col">Minimum</th><th scope="col">Result</th></tr></thead>
              <tbody>
                ${checks(args).map((c) => html`<tr><td>${c.what}</td><td>${c.ratio.toFixed(2)}:1</td><td>${c.min}:1</td><td>${c.ratio >= c.min ? "Passes" : "Too low"}</td></tr>`)}
              </tbody>
            </table>
          </section>
        </div>
        <section>
          <h2>Preview</h2>
          <ck-provider .client=${client}><ck-petition petition="ct-funding-gap" poll-interval="0"></ck-petition></ck-provider>
        </section>
      </div>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Starts from the light preset (the widgets' defaults). */
export const Builder: Story = {};

/** Starts from the dark preset (themes/dark.css). */
export const FromDark: Story = {
  args: { text: "#e8ecf1", muted: "#a9b3bf", bg: "#161b22", surface: "#202833", border: "#738091", primary: "#7aa2ff", onPrimary: "#0b1220", error: "#ff8a80", success: "#6fd394", focus: "#ffb020" },
};

/** Starts from the high-contrast preset (themes/high-contrast.css). */
export const FromHighContrast: Story = {
  args: { fontSize: 1.0625, radius: 2, text: "#000000", muted: "#1f1f1f", bg: "#ffffff", surface: "#ffffff", border: "#000000", primary: "#0033cc", onPrimary: "#ffffff", error: "#b00020", success: "#006b2b", focus: "#000000" },
};
