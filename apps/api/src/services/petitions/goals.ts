// A goal that moves with the campaign (issue 20): on a petition with auto_goal, once 90 % of the
// goal is reached the goal shown becomes the next round number (5,000 → 10,000 → 20,000 → 50,000
// → 100,000 …), so the bar never sits full while people keep signing.

/** The round number after `n`: the next of 1, 2 and 5 times a power of ten. */
function nextRound(n: number): number {
  let power = 1;
  while (power * 10 <= n) power *= 10;
  for (const step of [1, 2, 5, 10]) if (step * power > n) return step * power;
  return n * 2;
}

/** The goal to show for `total` signatures: `goal` itself, unless `auto` and 90 % of it is reached. */
export function shownGoal(goal: number, total: number, auto: boolean): number {
  if (!auto || goal <= 0) return goal;
  let shown = goal;
  while (total >= shown * 0.9) shown = nextRound(shown);
  return shown;
}
