import { css } from "lit";

/** Shared by <ck-story-form> and <ck-story-wall>. */
export const storyStyles = css`
  p {
    margin: 0 0 0.75rem;
  }
  .muted,
  .note {
    color: var(--_muted);
  }
  .form {
    display: grid;
    gap: 0.9rem;
  }
  .radio {
    margin-inline-end: 1rem;
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
  .success {
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .success h3 {
    color: var(--_success);
    margin-top: 0;
  }
  .success h3:focus,
  .success:focus {
    outline: none;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-bottom: var(--_space);
  }
  .toolbar select {
    font: inherit;
    min-height: 2.5rem;
  }
  .stories {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .story {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_surface);
  }
  .story h3 {
    margin: 0 0 0.5rem;
    font-size: 1.1rem;
  }
  .byline {
    color: var(--_muted);
    font-style: italic;
    margin: 0;
  }
  .pager {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 0.5rem;
    margin-top: var(--_space);
  }
  /* The story's character counter: a warning near the limit, an error past it (not by colour alone: weight too). */
  .count-hint.is-near {
    color: var(--_text);
    font-weight: 600;
  }
  .count-hint.is-over {
    color: var(--_error);
    font-weight: 700;
  }
`;
