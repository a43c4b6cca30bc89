import { css } from "lit";

export const petitionStyles = css`
  h3 {
    font-size: 1.15rem;
    margin: 0 0 0.5rem;
  }
  p {
    margin: 0 0 0.75rem;
  }
  .target,
  .muted,
  .goal,
  .privacy,
  .note {
    color: var(--_muted);
  }
  .body p:last-child {
    margin-bottom: var(--_space);
  }
  details {
    margin-top: var(--_space);
  }
  summary {
    cursor: pointer;
  }
  .progress-block {
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-bottom: var(--_space);
    /* Digits of one width: a rising count and the partners' counts do not jiggle. */
    font-variant-numeric: tabular-nums;
  }
  .count {
    font-size: 1.25rem;
    margin-bottom: 0.5rem;
  }
  .bar {
    height: 0.75rem;
    border-radius: 999px;
    background: var(--_border);
    overflow: hidden;
  }
  .fill {
    display: block;
    height: 100%;
    background: var(--_primary);
    border-radius: inherit;
    transition: width 0.6s ease; /* tokens turn it off under prefers-reduced-motion */
  }
  .goal {
    font-size: 0.875rem;
    margin: 0.35rem 0 0.5rem;
  }
  .partners {
    list-style: none;
    margin: 0;
    padding: 0;
    font-size: 0.875rem;
    display: grid;
    gap: 0.15rem;
  }
  .partners li {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
  }
  .partner-count {
    font-weight: 600;
  }
  .form {
    display: grid;
    gap: 0.75rem;
  }
  .row {
    display: grid;
    gap: 0.75rem;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
  }
  .guardian {
    border-inline-start: 3px solid var(--_primary);
    padding-inline-start: 0.75rem;
    display: grid;
    gap: 0.5rem;
  }
  .submit {
    width: 100%;
    font-size: 1.1rem;
  }
  .privacy {
    font-size: 0.8rem;
    margin: 0;
  }
  .success,
  .closed {
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_surface);
  }
  .success h3 {
    color: var(--_success);
  }
  .success h3:focus {
    outline: none;
  }
  .success:focus-visible h3 {
    outline: 3px solid var(--_focus);
  }
  .share {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .share input {
    flex: 1 1 14rem;
  }
  .share-links {
    align-items: center;
    margin-top: 0.75rem;
  }
  .share-links a {
    padding: 0.6rem 0.5rem;
    color: var(--_primary);
  }
`;
