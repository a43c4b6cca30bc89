import { css } from "lit";

export const meetingStyles = css`
  p {
    margin: 0 0 0.5rem;
  }
  .muted,
  .zone,
  .location {
    color: var(--_muted);
  }
  .small,
  .zone {
    font-size: 0.875rem;
  }
  .break {
    background: var(--_surface);
    border-inline-start: 3px solid var(--_primary);
    padding: 0.5rem 0.75rem;
  }
  .every-week {
    margin: var(--_space) 0;
  }
  .occurrences {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .occurrence {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .occurrence.is-cancelled .when {
    text-decoration: line-through;
    color: var(--_muted);
  }
  .when {
    font-weight: 700;
    color: var(--_primary);
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    align-items: center;
  }
  .badge {
    font-size: 0.8rem;
    font-weight: 700;
    border-radius: 999px;
    padding: 0.1rem 0.6rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
  .badge.cancelled {
    color: var(--_error);
    border-color: var(--_error);
  }
  .note {
    font-weight: 600;
  }
  .counts {
    font-size: 0.9rem;
  }
  .form {
    display: grid;
    gap: 0.75rem;
    margin-top: 0.5rem;
    padding-top: 0.75rem;
    border-top: 1px solid var(--_border);
  }
  .row {
    display: grid;
    gap: 0.75rem;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
  }
  .radio {
    margin-inline-end: 1rem;
  }
  .actions {
    display: flex;
    gap: 0.75rem;
  }
  .success {
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: var(--_space) 0;
  }
  .success h3 {
    color: var(--_success);
    margin: 0 0 0.5rem;
    font-size: 1.1rem;
  }
  .success h3:focus {
    outline: none;
  }
  .links {
    margin: 0 0 0.5rem;
    padding-inline-start: 1.25rem;
  }
  .subscribe {
    margin-top: var(--_space);
  }
`;
