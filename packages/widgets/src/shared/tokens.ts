import { css } from "lit";

/**
 * Design tokens. Every value can be overridden from the host page with the matching --ck-*
 * custom property (presets in packages/widgets/themes/). The defaults are the light preset and do
 * not follow prefers-color-scheme on their own: themes/auto.css is the opt-in for that, so a widget
 * never turns dark on a light page. prefers-reduced-motion: reduce turns transitions off.
 */
export const tokens = css`
  :host {
    --_font: var(--ck-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
    --_text: var(--ck-color-text, #1c2430);
    --_muted: var(--ck-color-muted, #56606e);
    --_bg: var(--ck-color-bg, #ffffff);
    --_surface: var(--ck-color-surface, #f4f6f8);
    --_border: var(--ck-color-border, #848e9b);
    --_primary: var(--ck-color-primary, #1f5eff);
    --_on-primary: var(--ck-color-on-primary, #ffffff);
    --_error: var(--ck-color-error, #b3261e);
    --_success: var(--ck-color-success, #1b7a3d);
    --_focus: var(--ck-color-focus, #b45309);
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
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
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
