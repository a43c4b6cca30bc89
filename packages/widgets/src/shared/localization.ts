import { configureLocalization } from "@lit/localize/init/runtime.js";
import { str } from "./localize.js";

/**
 * The @lit/localize runtime, in its own chunk: an English page never downloads it. Importing this
 * module configures lit-localize (once per page); Spanish templates are a further chunk, fetched
 * when a widget first asks for Spanish.
 */
let spanish: ((message: string) => string | undefined) | undefined;

export const { getLocale, setLocale } = configureLocalization({
  sourceLocale: "en",
  targetLocales: ["es"],
  loadLocale: async () => {
    const module = await import("../locales/es.js");
    spanish = module.spanishFor;
    return { templates: module.spanishTemplates(str) };
  },
});

/** The Spanish version of a contract message (field errors, survey rules), once loaded. */
export const spanishFor = (message: string): string | undefined => spanish?.(message);
