import type { PetitionResponse } from "@coalition-kit/schema";

/** What of the petition a rising count reads and sets. */
export interface Counting {
  /** The number on screen; undefined once it shows the total. */
  shown: number | undefined;
  data: PetitionResponse | undefined;
  stopCount: () => void;
}

/**
 * The count on screen rises from `el.shown` to the petition's new total over `ms`, easing out, one
 * whole number per frame; under `prefers-reduced-motion: reduce` it goes straight there. The frames
 * follow the clock, so a hidden tab (no animation frames) lands on the total when it shows. Another
 * petition's data (`was` was of a different one) shows its own total at once.
 */
export function countUp(el: Counting, was: PetitionResponse, ms = 600): void {
  el.stopCount();
  const from = el.shown;
  const to = el.data?.stats.total;
  if (from === undefined || to === undefined || el.data!.petition.slug !== was.petition.slug) {
    el.shown = undefined;
    return;
  }
  let id = 0;
  let start = 0;
  const step = (now: number) => {
    start ||= now;
    const t = matchMedia("(prefers-reduced-motion: reduce)").matches ? 1 : Math.min(1, (now - start) / ms);
    el.shown = t === 1 ? undefined : Math.round(from + (to - from) * (1 - (1 - t) ** 3));
    if (t < 1) id = requestAnimationFrame(step);
  };
  id = requestAnimationFrame(step);
  el.stopCount = () => cancelAnimationFrame(id);
}
