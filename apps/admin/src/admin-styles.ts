import { css } from "lit";

/** The console's look: plain, dense, readable; works with the page's light or dark preference. */
export const adminStyles = css`
  :host {
    display: block;
    color: var(--text, #1c2430);
    font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  }
  h1, h2, h3 { line-height: 1.25; margin: 0 0 0.75rem; }
  h1 { font-size: 1.5rem; }
  h2 { font-size: 1.1rem; margin-top: 1.5rem; }
  a { color: #1f5eff; }
  table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
  th, td { text-align: start; padding: 0.4rem 0.6rem; border-bottom: 1px solid #d9dee5; vertical-align: top; }
  th { font-weight: 600; font-size: 0.85rem; color: #56606e; }
  td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
  form { display: grid; gap: 0.75rem; max-width: 40rem; }
  label { font-weight: 600; }
  .field { display: grid; gap: 0.25rem; }
  label.check { display: flex; gap: 0.5rem; align-items: center; font-weight: 400; }
  input, textarea, select { font: inherit; padding: 0.45rem 0.6rem; border: 1px solid #b8c0ca; border-radius: 6px; background: #fff; color: inherit; }
  input[aria-invalid="true"], textarea[aria-invalid="true"], select[aria-invalid="true"] { border: 2px solid #b3261e; }
  textarea { min-height: 7rem; }
  button { font: inherit; padding: 0.45rem 0.9rem; border-radius: 6px; border: 1px solid #1f5eff; background: #1f5eff; color: #fff; cursor: pointer; }
  button.secondary { background: transparent; color: #1f5eff; }
  button.danger { background: #b3261e; border-color: #b3261e; }
  button[disabled] { opacity: 0.6; cursor: progress; }
  :focus-visible { outline: 3px solid #ffb020; outline-offset: 2px; }
  .error { color: #b3261e; font-weight: 400; font-size: 0.9rem; }
  .alert { border: 2px solid #b3261e; border-radius: 6px; padding: 0.5rem 0.75rem; color: #b3261e; margin: 0.5rem 0; }
  .notice { border: 1px solid #1b7a3d; background: #eef8f1; border-radius: 6px; padding: 0.5rem 0.75rem; margin: 0.5rem 0; }
  .muted { color: #56606e; }
  .confirm { border: 2px solid #b3261e; border-radius: 6px; padding: 0.5rem 0.75rem; display: grid; gap: 0.5rem; }
  .confirm p { margin: 0; }
  tr.editing > td { border-left: 4px solid #1f5eff; }
  .row { display: flex; gap: 0.75rem; flex-wrap: wrap; align-items: center; }
  .cards { display: flex; gap: 1rem; flex-wrap: wrap; margin: 0.5rem 0 1rem; }
  .card { border: 1px solid #d9dee5; border-radius: 8px; padding: 0.75rem 1rem; min-width: 9rem; }
  .card strong { display: block; font-size: 1.6rem; font-variant-numeric: tabular-nums; }
  meter { width: 12rem; height: 1rem; }
  code, pre { font: 0.85rem/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; }
  pre { background: #f4f6f8; padding: 0.75rem; border-radius: 6px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
  .secret { background: #fff7e0; border: 1px solid #c98a00; padding: 0.5rem 0.75rem; border-radius: 6px; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  @media (prefers-color-scheme: dark) {
    :host { color: #e8ecf1; }
    a { color: #7aa2ff; }
    input, textarea, select { background: #161b22; border-color: #3b4654; }
    th, td { border-color: #3b4654; }
    th, .muted { color: #a9b3bf; }
    pre { background: #202833; }
    .notice { background: #10261a; }
    .secret { background: #2a2210; }
  }
`;
