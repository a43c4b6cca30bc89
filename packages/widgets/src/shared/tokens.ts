import { css } from "lit";

/**
 * Design tokens. Every value can be overridden from the host page with the matching --ck-*
 * custom property; dark defaults follow prefers-color-scheme.
 */
export const tokens = css`
  :host {
    --_font: var(--ck-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
    --_text: var(--ck-color-text, #1c2430);
    --_muted: var(--ck-color-muted, #56606e);
    --_bg: var(--ck-color-bg, #ffffff);
    --_surface: var(--ck-color-surface, #f4f6f8);
    --_border: var(--ck-color-border, #c9d0d8);
    --_primary: var(--ck-color-primary, #1f5eff);
    --_on-primary: var(--ck-color-on-primary, #ffffff);
    --_error: var(--ck-color-error, #b3261e);
    --_success: var(--ck-color-success, #1b7a3d);
    --_focus: var(--ck-color-focus, #ffb020);
    --_radius: var(--ck-radius, 8px);
    --_space: var(--ck-space, 1rem);
    --_max-width: var(--ck-max-width, 40rem);
    display: block;
    box-sizing: border-box;
    max-width: var(--_max-width);
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--ck-font-size, 1rem);
    line-height: 1.5;
    text-align: start;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_text: var(--ck-color-text, #e8ecf1);
      --_muted: var(--ck-color-muted, #a9b3bf);
      --_bg: var(--ck-color-bg, #161b22);
      --_surface: var(--ck-color-surface, #202833);
      --_border: var(--ck-color-border, #3b4654);
      --_primary: var(--ck-color-primary, #7aa2ff);
      --_on-primary: var(--ck-color-on-primary, #0b1220);
      --_error: var(--ck-color-error, #ff8a80);
      --_success: var(--ck-color-success, #6fd394);
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
