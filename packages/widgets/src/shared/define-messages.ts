import { msg } from "./localize.js";

/** English strings, possibly grouped one level or more (e.g. one label per age band). */
export type EnglishTable = { readonly [key: string]: string | EnglishTable };

/** The same shape, where every read gives the string in the active language. */
export type Localized<T extends EnglishTable> = { readonly [K in keyof T]: T[K] extends EnglishTable ? Localized<T[K]> : string };

/**
 * One widget's messages: each English string becomes a getter that asks @lit/localize for the
 * active language's version under the id `prefix.key` (`prefix.group.key` inside groups), the ids
 * the Spanish templates in locales/es.ts are keyed by. `extra` adds messages with values
 * (msg(str`…`)) and aliases of shared ones, keeping their getters.
 */
export function defineMessages<T extends EnglishTable, X extends object = {}>(prefix: string, english: T, extra?: X): Localized<T> & X {
  const out = {} as Record<string, unknown>;
  for (const [key, value] of Object.entries(english)) {
    const id = `${prefix}.${key}`;
    if (typeof value === "string") Object.defineProperty(out, key, { get: () => msg(value, { id }), enumerable: true });
    else out[key] = defineMessages(id, value);
  }
  if (extra) Object.defineProperties(out, Object.getOwnPropertyDescriptors(extra));
  return out as Localized<T> & X;
}
