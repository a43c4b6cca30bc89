import { waitFor } from "storybook/test";

/**
 * Wait until `find` returns something truthy and return it — for play functions that must wait for a
 * widget to load or react. Waits for the condition itself (up to 10 s on a busy machine), never a
 * fixed time.
 */
export function until<T>(find: () => T | null | undefined | false, what: string): Promise<T> {
  return waitFor(
    () => {
      const found = find();
      if (!found) throw new Error(`Still waiting for ${what}`);
      return found;
    },
    { timeout: 10_000 },
  );
}
