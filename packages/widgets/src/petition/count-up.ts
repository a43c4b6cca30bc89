/**
 * Counts from `from` to `to` over `ms`, easing out, calling `frame` with each whole number on
 * screen and `done` on the last; under `prefers-reduced-motion: reduce` it goes straight to `to`.
 * The frames follow the clock, so a hidden tab (no animation frames) lands on `to` when it shows.
 * Returns a function that stops it.
 */
export function countUp(from: number, to: number, frame: (n: number, done: boolean) => void, ms = 600): () => void {
  let id = 0;
  let start = 0;
  const step = (now: number) => {
    start ||= now;
    const t = matchMedia("(prefers-reduced-motion: reduce)").matches ? 1 : Math.min(1, (now - start) / ms);
    frame(Math.round(from + (to - from) * (1 - (1 - t) ** 3)), t === 1);
    if (t < 1) id = requestAnimationFrame(step);
  };
  id = requestAnimationFrame(step);
  return () => cancelAnimationFrame(id);
}
