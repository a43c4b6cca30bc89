import { CkPetition } from "./petition/ck-petition.js";
import { CkProvider } from "./shared/ck-provider.js";

/** Register every Coalition Kit element (safe to load twice, e.g. two script tags on one page). */
const elements: Array<[string, CustomElementConstructor]> = [
  ["ck-provider", CkProvider],
  ["ck-petition", CkPetition],
];
for (const [name, element] of elements) {
  if (!customElements.get(name)) customElements.define(name, element);
}

declare global {
  interface HTMLElementTagNameMap {
    "ck-provider": CkProvider;
    "ck-petition": CkPetition;
  }
}
