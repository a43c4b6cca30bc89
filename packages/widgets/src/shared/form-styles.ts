import { css } from "lit";

/** Inputs, checkboxes, errors, alerts and buttons shared by every widget form. */
export const formStyles = css`
  .field {
    display: grid;
    gap: 0.25rem;
    margin: 0;
  }
  label,
  legend {
    font-weight: 600;
  }
  input[type="text"],
  input[type="email"],
  input:not([type]),
  textarea,
  #ck-share-url {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.55rem 0.7rem;
    width: 100%;
    min-height: 2.75rem;
  }
  input[aria-invalid="true"] {
    border-color: var(--_error);
    border-width: 2px;
  }
  fieldset {
    border: 0;
    padding: 0;
  }
  .radio {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    margin-inline-end: 1rem;
    font-weight: 400;
    min-height: 2rem;
  }
  .check {
    grid-template-columns: auto 1fr;
    align-items: start;
    column-gap: 0.5rem;
  }
  .check label {
    font-weight: 400;
  }
  .check .error {
    grid-column: 2;
  }
  input[type="checkbox"],
  input[type="radio"] {
    /* WCAG 2.2 target size: 24 x 24 CSS px, on its own, not only thanks to the label around it */
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--_primary);
  }
  .error {
    color: var(--_error);
    font-size: 0.9rem;
    font-weight: 600;
    margin: 0;
  }
  .alert {
    color: var(--_error);
    border: 2px solid var(--_error);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.75rem;
  }
  button {
    font: inherit;
    font-weight: 700;
    cursor: pointer;
    color: var(--_on-primary);
    background: var(--_primary);
    border: 0;
    border-radius: calc(var(--_radius) / 2);
    padding: 0.7rem 1.25rem;
    min-height: 2.75rem;
  }
  textarea {
    resize: vertical;
    line-height: 1.5;
  }
  .count-hint {
    font-size: 0.8rem;
    color: var(--_muted);
    margin: 0;
    text-align: end;
  }
  button[disabled] {
    opacity: 0.7;
    cursor: progress;
  }
`;
