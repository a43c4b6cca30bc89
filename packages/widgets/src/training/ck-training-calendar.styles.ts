import { css } from "lit";

export const calendarStyles = css`
  p {
    margin: 0 0 0.5rem;
  }
  .muted,
  .zone,
  .meta,
  .partners {
    color: var(--_muted);
  }
  .small,
  .zone {
    font-size: 0.875rem;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    margin: var(--_space) 0;
  }
  .group {
    display: inline-flex;
  }
  .toggle {
    background: var(--_bg);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: 0;
    font-weight: 600;
    padding: 0.4rem 0.9rem;
    min-height: 2.5rem;
  }
  .group .toggle:first-child {
    border-radius: calc(var(--_radius) / 2) 0 0 calc(var(--_radius) / 2);
  }
  .group .toggle:last-child {
    border-radius: 0 calc(var(--_radius) / 2) calc(var(--_radius) / 2) 0;
  }
  .toggle[aria-pressed="true"] {
    background: var(--_primary);
    color: var(--_on-primary);
    border-color: var(--_primary);
  }
  .filter select {
    font: inherit;
    margin-inline-start: 0.5rem;
    min-height: 2.5rem;
  }
  .sessions {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: var(--_space);
  }
  .session {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_bg);
  }
  .session.is-past {
    background: var(--_surface);
  }
  .session.is-cancelled .session-title {
    text-decoration: line-through;
  }
  .when {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.4rem;
    font-weight: 700;
    color: var(--_primary);
    margin: 0;
  }
  .session-title {
    font-size: 1.15rem;
    margin: 0.25rem 0 0.5rem;
  }
  .seats {
    font-weight: 700;
  }
  .seats.is-full {
    color: var(--_error);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    margin-top: 0.5rem;
  }
  .form {
    display: grid;
    gap: 0.75rem;
    margin-top: 0.75rem;
    padding-top: 0.75rem;
    border-top: 1px solid var(--_border);
  }
  .row {
    display: grid;
    gap: 0.75rem;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
  }
  .success {
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-top: 0.5rem;
  }
  .result-heading {
    color: var(--_success);
    margin: 0 0 0.5rem;
    font-size: 1.1rem;
  }
  .result-heading:focus {
    outline: none;
  }
  .links {
    margin: 0 0 0.5rem;
    padding-inline-start: 1.25rem;
  }
  .month-nav {
    display: flex;
    justify-content: space-between;
    align-items: center;
  }
  .month-title {
    margin: 0;
  }
  .grid {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
    margin-top: 0.5rem;
  }
  .grid th {
    font-size: 0.8rem;
    color: var(--_muted);
    padding: 0.25rem;
  }
  .grid td {
    border: 1px solid var(--_border);
    vertical-align: top;
    height: 4.5rem;
    padding: 0.25rem;
    font-size: 0.8rem;
  }
  .grid td.has-sessions {
    background: var(--_surface);
  }
  .date {
    display: block;
    color: var(--_muted);
  }
  .chip {
    display: block;
    width: 100%;
    text-align: start;
    font-size: 0.75rem;
    font-weight: 600;
    padding: 0.2rem 0.3rem;
    min-height: 0;
    margin-top: 0.2rem;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .chip.is-past {
    background: var(--_muted);
    color: var(--_bg);
  }
  .subscribe {
    margin-top: var(--_space);
  }
`;
