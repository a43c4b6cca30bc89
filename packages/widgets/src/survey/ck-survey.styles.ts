import { css } from "lit";

export const surveyStyles = css`
  p {
    margin: 0 0 0.75rem;
  }
  .muted,
  .help,
  .optional,
  .scale-ends {
    color: var(--_muted);
  }
  .small {
    font-size: 0.875rem;
  }
  .anonymous {
    font-size: 0.875rem;
    background: var(--_surface);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.5rem 0.75rem;
  }
  .bar {
    height: 0.6rem;
    border-radius: 999px;
    background: var(--_border);
    overflow: hidden;
    margin-bottom: var(--_space);
  }
  .fill,
  .bar-fill {
    display: block;
    height: 100%;
    background: var(--_primary);
    border-radius: inherit;
  }
  .form {
    display: grid;
    gap: var(--_space);
  }
  .question {
    border: 0;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.5rem;
  }
  .prompt {
    font-size: 1.1rem;
    font-weight: 700;
  }
  .prompt:focus {
    outline: none;
  }
  .options {
    display: grid;
    gap: 0.35rem;
  }
  .scale .options {
    grid-template-columns: repeat(5, minmax(2.75rem, 1fr));
  }
  .scale-ends {
    display: flex;
    justify-content: space-between;
    font-size: 0.85rem;
    margin: 0;
  }
  .option {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.5rem 0.75rem;
    min-height: 2.75rem;
    cursor: pointer;
    font-weight: 400;
  }
  .option:has(input:checked) {
    border-color: var(--_primary);
    background: var(--_surface);
  }
  .scale .option {
    justify-content: center;
  }
  .follow-up,
  .choose {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: grid;
    gap: 0.75rem;
  }
  .actions {
    display: flex;
    gap: 0.75rem;
    justify-content: flex-end;
  }
  .variant {
    text-align: start;
  }
  .success {
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .success h3 {
    color: var(--_success);
    margin-top: 0;
  }
  .success h3:focus {
    outline: none;
  }
  .result h4 {
    margin: 0.75rem 0 0.25rem;
  }
  .bars {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.3rem;
  }
  .bars li {
    display: grid;
    grid-template-columns: minmax(8rem, 14rem) 1fr 3.5rem;
    gap: 0.5rem;
    align-items: center;
    font-size: 0.875rem;
  }
  .bars .bar {
    margin: 0;
  }
  .bar-value {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
`;
