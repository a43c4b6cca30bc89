import { css } from "lit";

/**
 * The console's look: plain, dense, readable. Its colours and font are the widgets' --ck-* tokens
 * (main.ts links @coalition-kit/widgets' themes/auto.css: light, or dark when the system asks),
 * so the console and the widget previews in it share one palette.
 */
export const adminStyles = css`
  :host {
    display: block;
    --admin-rule: color-mix(in srgb, var(--ck-color-border) 45%, var(--ck-color-bg));
    color: var(--ck-color-text);
    font: 15px/1.5 var(--ck-font-family);
  }
  h1, h2, h3 { line-height: 1.25; margin: 0 0 0.75rem; }
  h1 { font-size: 1.5rem; }
  h2 { font-size: 1.1rem; margin-top: 1.5rem; }
  a { color: var(--ck-color-primary); }
  table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
  th, td { text-align: start; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--admin-rule); vertical-align: top; }
  th { font-weight: 600; font-size: 0.85rem; color: var(--ck-color-muted); }
  td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
  form { display: grid; gap: 0.75rem; max-width: 40rem; }
  label { font-weight: 600; }
  .field { display: grid; gap: 0.25rem; }
  label.check { display: flex; gap: 0.5rem; align-items: center; font-weight: 400; }
  input, textarea, select { font: inherit; padding: 0.45rem 0.6rem; border: 1px solid var(--ck-color-border); border-radius: 6px; background: var(--ck-color-bg); color: inherit; }
  input[type="checkbox"], input[type="radio"] { width: 1.5rem; height: 1.5rem; margin: 0; accent-color: var(--ck-color-primary); }
  input[aria-invalid="true"], textarea[aria-invalid="true"], select[aria-invalid="true"] { border: 2px solid var(--ck-color-error); }
  textarea { min-height: 7rem; }
  button { font: inherit; min-height: 2.25rem; padding: 0.45rem 0.9rem; border-radius: 6px; border: 1px solid var(--ck-color-primary); background: var(--ck-color-primary); color: var(--ck-color-on-primary); cursor: pointer; }
  button.secondary { background: transparent; color: var(--ck-color-primary); }
  button.danger { background: var(--ck-color-error); border-color: var(--ck-color-error); color: var(--ck-color-on-primary); }
  button[disabled] { opacity: 0.6; cursor: progress; }
  :focus-visible { outline: 3px solid var(--ck-color-focus); outline-offset: 2px; }
  .error { color: var(--ck-color-error); font-weight: 400; font-size: 0.9rem; }
  .alert { border: 2px solid var(--ck-color-error); border-radius: 6px; padding: 0.5rem 0.75rem; color: var(--ck-color-error); margin: 0.5rem 0; }
  .notice { border: 1px solid var(--ck-color-success); background: color-mix(in srgb, var(--ck-color-success) 8%, var(--ck-color-bg)); border-radius: 6px; padding: 0.5rem 0.75rem; margin: 0.5rem 0; }
  .muted { color: var(--ck-color-muted); }
  .confirm { border: 2px solid var(--ck-color-error); border-radius: 6px; padding: 0.5rem 0.75rem; display: grid; gap: 0.5rem; }
  .confirm p { margin: 0; }
  tr.editing > td { border-left: 4px solid var(--ck-color-primary); }
  .row { display: flex; gap: 0.75rem; flex-wrap: wrap; align-items: center; }
  .cards { display: flex; gap: 1rem; flex-wrap: wrap; margin: 0.5rem 0 1rem; }
  .card { border: 1px solid var(--admin-rule); border-radius: 8px; padding: 0.75rem 1rem; min-width: 9rem; }
  .card strong { display: block; font-size: 1.6rem; font-variant-numeric: tabular-nums; }
  meter { width: 12rem; height: 1rem; }
  code, pre { font: 0.85rem/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; }
  pre { background: var(--ck-color-surface); padding: 0.75rem; border-radius: 6px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
  .secret { background: color-mix(in srgb, #c98a00 12%, var(--ck-color-bg)); border: 1px solid #c98a00; padding: 0.5rem 0.75rem; border-radius: 6px; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
