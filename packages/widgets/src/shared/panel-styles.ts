import { css } from "lit";

/** The box, heading and secondary buttons every widget shares. */
export const panelStyles = css`
  .container {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.25);
  }
  h2 {
    font-size: var(--ck-title-size, 1.5rem);
    line-height: 1.25;
    margin: 0 0 0.5rem;
  }
  a {
    color: var(--_primary);
  }
  button.secondary {
    background: transparent;
    color: var(--_primary);
    border: 1px solid var(--_primary);
  }
`;
