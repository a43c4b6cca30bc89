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
  /* The wall's role filter: radios drawn as one row of segments (like the calendar's List / Month). */
  .segmented {
    border: 0;
    padding: 0;
    min-width: 0;
  }
  .segmented legend {
    padding: 0;
    margin-bottom: 0.4rem;
    font-weight: 600;
  }
  .segmented {
    gap: 0;
    row-gap: 0.25rem;
  }
  .segment {
    position: relative;
    display: inline-flex;
  }
  .segment input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .segment span {
    display: inline-flex;
    align-items: center;
    min-height: 2.5rem;
    min-width: 1.5rem;
    box-sizing: border-box;
    padding: 0.4rem 0.9rem;
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_text);
    font-weight: 600;
  }
  .segment + .segment span {
    margin-inline-start: -1px;
  }
  .segment:first-of-type span {
    border-start-start-radius: calc(var(--_radius) / 2);
    border-end-start-radius: calc(var(--_radius) / 2);
  }
  .segment:last-of-type span {
    border-start-end-radius: calc(var(--_radius) / 2);
    border-end-end-radius: calc(var(--_radius) / 2);
  }
  .segment input:checked + span {
    background: var(--_primary);
    color: var(--_on-primary);
    border-color: var(--_primary);
  }
  .segment input:focus-visible + span {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    position: relative;
    z-index: 1;
  }
  .published {
    color: var(--_muted);
    font-size: 0.875rem;
    margin: 0.25rem 0 0;
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
